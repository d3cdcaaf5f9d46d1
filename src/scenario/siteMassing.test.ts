import { describe, expect, test } from 'vitest';
import { fromSceneMetres, toSceneMetres } from '../core/geo.ts';
import { ringArea } from '../core/geometry/area.ts';
import { siteMassingOf } from './siteMassing.ts';
import type { ProposedParcel } from './stages/landuseStage.ts';

/** A closed square ring of `side` metres with its south-west corner at (east, north) scene metres, lon/lat. */
function square(east: number, north: number, side: number): Array<[number, number]> {
  const corners: Array<[number, number]> = [
    [east, north],
    [east + side, north],
    [east + side, north + side],
    [east, north + side],
  ];
  const lonLat = corners.map(([e, n]) => fromSceneMetres(e, n));
  return [...lonLat, lonLat[0]!];
}

function parcel(id: number, overrides: Partial<ProposedParcel>): ProposedParcel {
  return {
    id,
    parcel: id,
    zone: 'HH1',
    use: 'mixed',
    editId: 'z',
    lotArea: 2000,
    envelopeArea: 1600,
    footprintArea: 400,
    floors: 20,
    grossFloorArea: 8000,
    height: 66,
    envelope: [],
    ...overrides,
  };
}

describe('siteMassingOf: the proposed buildings of a build-out as GeoJSON', () => {
  const envelopeA = square(1000, 1000, 40);
  const result = {
    proposedParcels: [
      // one envelope polygon, footprint a quarter of it: drawn at half the side about its centre
      parcel(1, { envelope: [[envelopeA]] }),
      // two envelope polygons (a parcel cut by a road): two buildings of the same parcel
      parcel(2, {
        use: 'commercial',
        floors: 8,
        height: 32.4,
        grossFloorArea: 3000,
        lotArea: 1500,
        envelopeArea: 800,
        footprintArea: 800,
        envelope: [[square(2000, 1000, 20)], [square(2100, 1000, 20)]],
      }),
      // nothing can be built: left out
      parcel(3, { floors: 0, grossFloorArea: 0, height: 0, envelope: [[square(3000, 1000, 30)]] }),
    ],
  };
  const massing = siteMassingOf(result);

  test('one building per envelope polygon of each rebuilt parcel, with its build-out', () => {
    expect(massing.features.map((f) => f.properties.parcel)).toEqual(['1', '2', '2']);
    expect(massing.features[0]!.properties).toEqual({
      parcel: '1',
      zone: 'HH1',
      use: 'mixed',
      floors: 20,
      heightMetres: 66,
      grossFloorAreaM2: 8000,
      floorAreaRatio: 4, // 8000 m² on a 2000 m² lot
    });
    expect(massing.features[1]!.properties).toMatchObject({
      use: 'commercial',
      floors: 8,
      heightMetres: 32.4,
      floorAreaRatio: 2, // 3000 / 1500
    });
  });

  test('footprints: closed rings shrunk about their centre to the build-out footprint area', () => {
    const areaOf = (ring: number[][]) =>
      ringArea(ring.slice(0, -1).map(([lon, lat]) => toSceneMetres(lon!, lat!)));
    const [first, second, third] = massing.features.map((f) => f.geometry.coordinates[0]!);
    expect(first![0]).toEqual(first![first!.length - 1]);
    const envelope = areaOf(envelopeA);
    expect(areaOf(first!) / envelope).toBeCloseTo(0.25, 3); // 400 of 1600 m²
    const centre = (ring: number[][]) =>
      ring.slice(0, -1).reduce((s, [lon]) => s + lon!, 0) / (ring.length - 1);
    expect(centre(first!)).toBeCloseTo(centre(envelopeA), 6);
    // footprint = envelope: drawn as the envelope (to the 0.1 m rounding of the coordinates)
    expect(areaOf(second!) / areaOf(square(2000, 1000, 20))).toBeCloseTo(1, 2);
    expect(areaOf(third!) / areaOf(square(2100, 1000, 20))).toBeCloseTo(1, 2);
  });

  test('a scenario without rebuilt parcels has no proposed massing', () => {
    expect(siteMassingOf({ proposedParcels: [] }).features).toEqual([]);
  });
});
