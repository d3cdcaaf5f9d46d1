import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { estimateBuildingHeight, osmBuildings, STOREY_HEIGHT_METRES } from './buildings.ts';
import { type BuildingRecord, decodeBuildings, encodeBuildings } from '../formats/buildings.ts';
import { ringSignedArea } from '../../core/geometry/area.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { extractLandUse } from './landUse.ts';

describe('building height estimation table', () => {
  it('uses height, then building:levels × 3.3 m, then the type table, then the land use', () => {
    expect(
      estimateBuildingHeight({ building: 'yes', height: '42', 'building:levels': '3' }, 'residential'),
    ).toEqual({
      heightMetres: 42,
      floors: 13, // 42 / 3.3 = 12.7
      use: 'residential',
      from: 'height',
    });
    const levels = estimateBuildingHeight({ building: 'commercial', 'building:levels': '6' }, undefined);
    expect(levels).toEqual({
      heightMetres: 6 * STOREY_HEIGHT_METRES,
      floors: 6,
      use: 'commercial',
      from: 'levels',
    });
    expect(estimateBuildingHeight({ building: 'apartments' }, 'industrial')).toMatchObject({
      floors: 15,
      use: 'residential',
      from: 'type',
    });
    expect(estimateBuildingHeight({ building: 'industrial' }, undefined)).toMatchObject({
      heightMetres: 9,
      floors: 1,
      use: 'industrial',
    });
    expect(estimateBuildingHeight({ building: 'yes' }, 'commercial')).toMatchObject({
      floors: 5,
      heightMetres: 5 * STOREY_HEIGHT_METRES,
      from: 'landUse',
    });
    expect(estimateBuildingHeight({ building: 'yes' }, undefined)).toMatchObject({
      use: 'residential',
      floors: 3,
    });
  });
});

describe('OSM buildings and the buildings.json format', () => {
  const osm = readOsmPbf(encodeOsmPbf(smallTownExtract()));
  const region = createRegion(polygonsFromGeoJson(smallTownBoundary()).flatMap((p) => p.polygons));
  const { areas } = extractLandUse(osm, region);

  it('reads the fixture house with levels and a counter-clockwise footprint in scene metres', () => {
    const { buildings, heightFrom } = osmBuildings(osm, region, areas);
    expect(buildings).toHaveLength(1);
    const house = buildings[0]!;
    expect(house).toMatchObject({
      id: 'w43',
      source: 'osm',
      use: 'residential',
      floors: 4,
      heightMetres: 13.2,
    });
    expect(heightFrom.levels).toBe(1);
    // 0.00015° × 0.0003°: ≈ 16.4 m × 33.2 m at 10.8 N in the scene frame.
    expect(ringSignedArea(house.footprint)).toBeGreaterThan(16.2 * 33.0);
    expect(ringSignedArea(house.footprint)).toBeLessThan(16.6 * 33.4);
  });

  it('round-trips records through the compact columns (0.1 m and 0.1 m height precision)', () => {
    const records: BuildingRecord[] = [
      {
        id: 'w1',
        source: 'osm',
        use: 'education',
        heightMetres: 9.9,
        floors: 3,
        footprint: [
          [-10.3, 5],
          [0, 5],
          [0, 20.1],
        ],
      },
      {
        id: 's0',
        source: 'synthetic',
        use: 'residential',
        heightMetres: 13.2,
        floors: 4,
        footprint: [
          [1, 1],
          [5.5, 1],
          [5.5, 16],
          [1, 16],
        ],
      },
      {
        id: 's1',
        source: 'synthetic',
        use: 'industrial',
        heightMetres: 10.4,
        floors: 1,
        footprint: [
          [-1234.5, 9876.5],
          [-1200, 9876.5],
          [-1200, 9900],
        ],
      },
    ];
    const doc = encodeBuildings(records);
    expect(doc.osmCount).toBe(1);
    expect(doc.syntheticCount).toBe(2);
    expect(decodeBuildings(JSON.parse(JSON.stringify(doc)))).toEqual(records);
  });
});
