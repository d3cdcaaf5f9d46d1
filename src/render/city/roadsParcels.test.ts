import { describe, expect, it } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { encodeRoads } from '../../data/formats/roads.ts';
import { ParcelsLayer } from './parcelsLayer.ts';
import { RoadsLayer } from './roadsLayer.ts';

// polyline 0: east 0 → 100 at north 0 (primary, two-way: links 0 forward, 1 backward);
// polyline 1: north 0 → 100 at east 200 (residential, one-way)
const roads = encodeRoads({
  nodeOsmIds: [1, 2, 3, 4],
  nodePositions: [0, 0, 100, 0, 200, 0, 200, 100],
  links: {
    ids: ['10-0b', '10-0f', '11-0f'],
    from: [1, 0, 2],
    to: [0, 1, 3],
    lengthMetres: [100, 100, 100],
    roadClass: [2, 2, 5],
    lanes: [2, 2, 1],
    speedKmh: [60, 60, 30],
    capacityPcuPerHour: [3600, 3600, 800],
    oneway: [0, 0, 1],
    flags: [0, 0, 1],
    wayId: [10, 10, 11],
    name: [1, 1, 0],
    geometry: [0, 0, 1],
    reversed: [1, 0, 0],
  },
  names: ['', 'Võ Văn Ngân'],
  geometries: { offsets: [0, 2, 4], coordinates: [0, 0, 100, 0, 200, 0, 200, 100] },
});

describe('RoadsLayer', () => {
  const layer = new RoadsLayer(roads, undefined);

  it('draws one line object per road class present', () => {
    expect(layer.group.children.map((c) => c.name).sort()).toEqual(['roads-primary', 'roads-residential']);
  });

  it('picks the nearest polyline within the tolerance and nothing beyond it', () => {
    expect(layer.pick(50, 3, 5)).toBe(0);
    expect(layer.pick(197, 50, 5)).toBe(1);
    expect(layer.pick(50, 30, 5)).toBe(-1);
    // between the two, nearer to polyline 1 (distance 10 vs 20)
    expect(layer.pick(190, 20, 25)).toBe(1);
  });

  it("reports the link drawn along the polyline, with the graph's attributes", () => {
    expect(layer.attributes(0)).toEqual({
      id: '10-0f',
      name: 'Võ Văn Ngân',
      roadClass: 'primary',
      lanes: 2,
      speedKmh: 60,
      capacityPcuPerHour: 3600,
      oneway: false,
      lengthMetres: 100,
      bridge: false,
    });
    expect(layer.attributes(1)).toMatchObject({
      id: '11-0f',
      roadClass: 'residential',
      oneway: true,
      bridge: true,
    });
  });
});

describe('ParcelsLayer', () => {
  // a 100 m square parcel with a 20 m square hole, and a small parcel inside the big one's east part
  const ring = (points: Array<[number, number]>) =>
    [...points, points[0]!].map(([e, n]) => fromSceneMetres(e, n));
  const layer = new ParcelsLayer({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { osmId: 'w1', use: 'residential', vi: 'Đất ở', en: 'Residential' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            ring([
              [0, 0],
              [100, 0],
              [100, 100],
              [0, 100],
            ]),
            ring([
              [40, 40],
              [40, 60],
              [60, 60],
              [60, 40],
            ]),
          ],
        },
      },
      {
        type: 'Feature',
        properties: { osmId: 'w2', use: 'green', vi: 'Đất cây xanh', en: 'Green space', name: null },
        geometry: {
          type: 'Polygon',
          coordinates: [
            ring([
              [80, 80],
              [95, 80],
              [95, 95],
              [80, 95],
            ]),
          ],
        },
      },
    ],
  });

  it('finds the parcel under a point, not inside its hole, and prefers the smaller overlapping one', () => {
    expect(layer.pick(10, 10)).toBe(0);
    expect(layer.pick(50, 50)).toBe(-1);
    expect(layer.pick(90, 90)).toBe(1);
    expect(layer.pick(150, 50)).toBe(-1);
  });

  it('reports properties (nulls dropped) and the area net of holes, m²', () => {
    const a = layer.attributes(0);
    expect(a).toMatchObject({ osmId: 'w1', use: 'residential', vi: 'Đất ở' });
    expect(Number(a.areaSquareMetres)).toBeGreaterThan(9598);
    expect(Number(a.areaSquareMetres)).toBeLessThan(9602);
    expect(layer.attributes(1)).not.toHaveProperty('name');
  });
});
