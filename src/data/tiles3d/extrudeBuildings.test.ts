import { describe, expect, test } from 'vitest';
import { extrudePrisms, orientedRoofTriangles } from './extrudeBuildings.ts';
import { ringSignedArea } from '../../core/geometry/area.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';
import { cleanFootprint } from './footprint.ts';
import { COMB, L_SHAPE } from './handMadeBuildings.ts';

const flat = (ring: Array<[number, number]>) => ring.flat();

function triangleAreaSum(ring: readonly number[], triangles: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < triangles.length; i += 3) {
    const [a, b, c] = [triangles[i]!, triangles[i + 1]!, triangles[i + 2]!];
    const twice =
      (ring[2 * b]! - ring[2 * a]!) * (ring[2 * c + 1]! - ring[2 * a + 1]!) -
      (ring[2 * b + 1]! - ring[2 * a + 1]!) * (ring[2 * c]! - ring[2 * a]!);
    expect(twice).toBeGreaterThan(0); // every roof triangle counter-clockwise: faces up
    sum += twice / 2;
  }
  return sum;
}

describe('roof triangulation (earcut)', () => {
  test('concave comb: n − 2 triangles whose areas sum to the polygon area (900 m², hand-computed)', () => {
    const ring = flat(COMB);
    const triangles = orientedRoofTriangles(ring);
    expect(triangles.length / 3).toBe(COMB.length - 2);
    expect(ringSignedArea(ringOfFlat(ring))).toBe(900);
    expect(triangleAreaSum(ring, triangles)).toBeCloseTo(900, 9);
  });

  test('L-shape: 4 triangles, 300 m²', () => {
    const ring = flat(L_SHAPE);
    const triangles = orientedRoofTriangles(ring);
    expect(triangles.length / 3).toBe(4);
    expect(triangleAreaSum(ring, triangles)).toBeCloseTo(300, 9);
  });
});

describe('extrudePrisms', () => {
  test('a 10 × 20 m box, 6 m high: 20 vertices, 10 triangles, glTF y-up with z = −north, outward wall normals', () => {
    const ring = [0, 0, 10, 0, 10, 20, 0, 20];
    const mesh = extrudePrisms([{ ring, heightMetres: 6 }], 5, 10);
    expect(mesh.positions.length / 3).toBe(20);
    expect(mesh.indices.length / 3).toBe(10);
    expect(mesh.bounds).toEqual([-5, 0, -10, 5, 6, 10]);
    // First wall runs along the south edge (north = 0 → z = +10 relative to centre north 10): normal faces south = +z.
    expect(Array.from(mesh.positions.subarray(0, 3))).toEqual([-5, 0, 10]);
    expect(Array.from(mesh.normals.subarray(0, 3))).toEqual([0, 0, 1]);
    // Roof normals point up (+y).
    expect(Array.from(mesh.normals.subarray(3 * 16, 3 * 17), (x) => x + 0)).toEqual([0, 1, 0]); // + 0 folds −0
    expect(Array.from(mesh.featureIds)).toEqual(new Array(20).fill(0));
  });

  test('feature ids follow the prism order and switch index width above 65 536 vertices', () => {
    const box = [0, 0, 1, 0, 1, 1, 0, 1];
    const small = extrudePrisms(
      [
        { ring: box, heightMetres: 1 },
        { ring: box, heightMetres: 2 },
      ],
      0,
      0,
    );
    expect(Array.from(small.featureIds)).toEqual([...new Array(20).fill(0), ...new Array(20).fill(1)]);
    expect(small.indices).toBeInstanceOf(Uint16Array);
    const many = extrudePrisms(
      Array.from({ length: 3277 }, () => ({ ring: box, heightMetres: 1 })),
      0,
      0,
    );
    expect(many.positions.length / 3).toBe(65_540);
    expect(many.indices).toBeInstanceOf(Uint32Array);
    expect(Math.max(...many.indices)).toBe(65_539); // the last vertex is addressed: no uint16 wrap-around
  });
});

describe('cleanFootprint', () => {
  const building = { id: 'a', source: 'osm' as const, use: 'mixed', heightMetres: 3, floors: 1 };
  test('reverses a clockwise ring and drops closing and repeated points', () => {
    const ring = cleanFootprint(
      {
        ...building,
        footprint: [
          [0, 0],
          [0, 1],
          [0, 1],
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      },
      0,
    );
    expect(ring).toEqual([1, 0, 1, 1, 0, 1, 0, 0]);
    expect(ringSignedArea(ringOfFlat(ring))).toBe(1);
  });
});
