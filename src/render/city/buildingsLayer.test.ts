import { describe, expect, it } from 'vitest';
import { buildingPrisms } from '../../data/dataset/buildingPrisms.ts';
import { encodeBuildings } from '../../data/formats/buildings.ts';
import { BuildingsLayer } from './buildingsLayer.ts';

// an OSM box 10 m × 20 m, 30 m tall at east 0..10, north 0..20, and a synthetic L-shaped
// (6 vertex) house 9 m tall at east 100..110, north 0..10
const doc = encodeBuildings([
  {
    id: 'w1',
    source: 'osm',
    use: 'commercial',
    heightMetres: 30,
    floors: 9,
    footprint: [
      [0, 0],
      [10, 0],
      [10, 20],
      [0, 20],
    ],
  },
  {
    id: 's0',
    source: 'synthetic',
    use: 'residential',
    heightMetres: 9,
    floors: 3,
    footprint: [
      [100, 0],
      [110, 0],
      [110, 4],
      [104, 4],
      [104, 10],
      [100, 10],
    ],
  },
]);

describe('BuildingsLayer', () => {
  const layer = new BuildingsLayer(buildingPrisms(doc), undefined);

  it('extrudes 2n vertices and 2n + (n − 2) triangles per footprint', () => {
    // box: 8 vertices, 8 wall + 2 roof triangles; L: 12 vertices, 12 wall + 4 roof triangles
    expect(layer.triangleCount).toBe(10 + 16);
  });

  it('keeps ids, sources and attributes', () => {
    expect(layer.attributes(0)).toEqual({
      id: 'w1',
      use: 'commercial',
      heightMetres: 30,
      floors: 9,
      source: 'osm',
    });
    expect(layer.attributes(1)).toMatchObject({ id: 's0', source: 'synthetic', heightMetres: 9 });
    expect(layer.indexOf('s0')).toBe(1);
    expect(layer.indexOf('w1')).toBe(0);
    expect(layer.indexOf('s7')).toBe(-1);
  });

  it('picks the box from above at its roof (t = 100 − 30) and nothing over the L-shape notch', () => {
    const down = { directionEast: 0, directionNorth: 0, directionUp: -1, originUp: 100 };
    expect(layer.pick({ ...down, originEast: 5, originNorth: 10 }, Infinity)).toEqual({ building: 0, t: 70 });
    expect(layer.pick({ ...down, originEast: 102, originNorth: 8 }, Infinity).building).toBe(1);
    expect(layer.pick({ ...down, originEast: 108, originNorth: 8 }, Infinity).building).toBe(-1);
  });

  it('picks the nearer building along an oblique ray, and none when the ground is hit first', () => {
    // a ray from the far east at 8 m height heading west passes the L (east 110) before the box (east 10)
    const west = {
      originEast: 500,
      originNorth: 2,
      originUp: 8,
      directionEast: -1,
      directionNorth: 0,
      directionUp: 0,
    };
    expect(layer.pick(west, Infinity)).toEqual({ building: 1, t: 390 });
    expect(layer.pick(west, 300).building).toBe(-1);
  });

  it('raises the roofs with the exaggerated ground and keeps the building height', () => {
    layer.setExaggeration(3);
    const [base, top] = layer.verticalExtent(0);
    expect(top - base).toBe(31); // 30 m + 1 m foundation
  });
});
