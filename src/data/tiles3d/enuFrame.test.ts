import { describe, expect, test } from 'vitest';
import { enuToEcefMatrix, geodeticToEcef } from './enuFrame.ts';

describe('WGS84 geodetic → ECEF', () => {
  test('reference points: equator/prime meridian = a, 90° E = (0, a, 0), north pole = semi-minor axis b', () => {
    expect(geodeticToEcef(0, 0, 0)).toEqual([6_378_137, 0, 0]);
    const east = geodeticToEcef(90, 0, 0);
    expect(east[0]).toBeCloseTo(0, 6);
    expect(east[1]).toBe(6_378_137);
    const pole = geodeticToEcef(0, 90, 100);
    expect(pole[2]).toBeCloseTo(6_356_752.314245 + 100, 5); // NIMA TR8350.2 semi-minor axis
  });
});

describe('enuToEcefMatrix', () => {
  test('at 10.82 N 106.77 E: orthonormal right-handed axes, up = ellipsoid normal, origin on the ellipsoid', () => {
    const m = enuToEcefMatrix(106.77, 10.82, 0);
    const column = (c: number) => [m[4 * c]!, m[4 * c + 1]!, m[4 * c + 2]!];
    const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
    const [e, n, u] = [column(0), column(1), column(2)];
    for (const [a, b, expected] of [
      [e, e, 1],
      [n, n, 1],
      [u, u, 1],
      [e, n, 0],
      [e, u, 0],
      [n, u, 0],
    ] as const) {
      expect(dot(a, b)).toBeCloseTo(expected, 12);
    }
    const cross = [
      e[1]! * n[2]! - e[2]! * n[1]!,
      e[2]! * n[0]! - e[0]! * n[2]!,
      e[0]! * n[1]! - e[1]! * n[0]!,
    ];
    for (let i = 0; i < 3; i++) expect(cross[i]).toBeCloseTo(u[i]!, 12);
    // Moving 1 m up along the up column changes the ECEF position like 1 m of ellipsoid height.
    const lifted = geodeticToEcef(106.77, 10.82, 1);
    for (let i = 0; i < 3; i++) expect(m[12 + i]! + u[i]!).toBeCloseTo(lifted[i]!, 6);
    expect(m.slice(12)).toEqual([...geodeticToEcef(106.77, 10.82, 0), 1]);
    expect([m[3], m[7], m[11]]).toEqual([0, 0, 0]);
  });
});
