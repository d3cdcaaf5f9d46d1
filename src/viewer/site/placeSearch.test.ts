import { describe, expect, it } from 'vitest';
import { toSceneMetres } from '../../core/geo.ts';
import { findPlace } from './wardSearch.ts';
import { sitePlacesOf } from '../../scenario/sitePlaces.ts';

/** Two polylines of Kha Vạn Cân (two links) and one unnamed one, in scene metres. */
function roads() {
  const points = [
    [106.75, 10.85],
    [106.76, 10.86],
    [106.76, 10.86],
    [106.765, 10.88],
    [106.7, 10.8],
    [106.71, 10.81],
  ].map(([lon, lat]) => toSceneMetres(lon!, lat!));
  return {
    links: { name: [1, 1, 0], geometry: [0, 1, 2] } as never,
    names: ['', 'Kha Vạn Cân'],
    geometries: { offsets: [0, 2, 4, 6], coordinates: points.flat() },
  };
}

const pois = {
  features: [
    {
      properties: { name: 'Chợ Thủ Đức', kind: 'marketplace' },
      geometry: { type: 'Point', coordinates: [106.7555, 10.8504] },
    },
    { properties: { name: '', kind: 'school' }, geometry: { type: 'Point', coordinates: [106.7, 10.8] } },
  ],
};

describe('streets and places of the public site search', () => {
  it('gives one street per name with the box of all its links, and one place per named point', () => {
    const places = sitePlacesOf(roads(), pois);
    expect(places.map((p) => [p.name, p.kind])).toEqual([
      ['Kha Vạn Cân', 'street'],
      ['Chợ Thủ Đức', 'place'],
    ]);
    const [w, s, e, n] = places[0]!.bounds;
    expect([w, s, e, n]).toEqual([106.75, 10.85, 106.765, 10.88]);
    expect(places[1]!.bounds[0]).toBeCloseTo(106.7555 - 0.0015, 5);
    expect(places[1]!.bounds[3]).toBeCloseTo(10.8504 + 0.0015, 5);
  });

  it('finds a ward first, then a street or place, ignoring case and diacritics', () => {
    const places = sitePlacesOf(roads(), pois);
    const wards = {
      features: [
        {
          properties: { name: 'Phường Linh Chiểu' },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [106.76, 10.85],
                [106.77, 10.85],
                [106.77, 10.86],
                [106.76, 10.85],
              ],
            ],
          },
        },
      ],
    };
    expect(findPlace(wards, places, 'linh chieu')?.name).toBe('Phường Linh Chiểu');
    expect(findPlace(wards, places, 'kha van can')?.bounds).toEqual(places[0]!.bounds);
    expect(findPlace(wards, places, 'chợ thủ')?.name).toBe('Chợ Thủ Đức');
    expect(findPlace(wards, places, 'no such street')).toBeUndefined();
  });
});
