import { describe, expect, it } from 'vitest';
import { gridNormals } from './terrainMesh.ts';

/** A grid of `columns` × `rows` vertices 10 m apart (x east, z south) with height y = f(x, z). */
function grid(columns: number, rows: number, f: (x: number, z: number) => number): Float32Array {
  const positions = new Float32Array(columns * rows * 3);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = 3 * (r * columns + c);
      positions[v] = 10 * c;
      positions[v + 1] = f(10 * c, 10 * r);
      positions[v + 2] = 10 * r;
    }
  }
  return positions;
}

describe('gridNormals', () => {
  it('points straight up on level ground', () => {
    const normals = gridNormals(
      grid(3, 3, () => 4),
      3,
      3,
    );
    for (let v = 0; v < 9; v++)
      expect([normals[3 * v], normals[3 * v + 1], normals[3 * v + 2]]).toEqual([0, 1, 0]);
  });

  it('leans against the slope of a plane rising 1 m per 2 m east and 1 m per 4 m south', () => {
    // y = x/2 + z/4: the upward normal is (−1/2, 1, −1/4) normalised, at every vertex, edges included
    const normals = gridNormals(
      grid(4, 3, (x, z) => x / 2 + z / 4),
      4,
      3,
    );
    const length = Math.hypot(0.5, 1, 0.25);
    for (let v = 0; v < 12; v++) {
      expect(normals[3 * v]).toBeCloseTo(-0.5 / length, 6);
      expect(normals[3 * v + 1]).toBeCloseTo(1 / length, 6);
      expect(normals[3 * v + 2]).toBeCloseTo(-0.25 / length, 6);
    }
  });
});
