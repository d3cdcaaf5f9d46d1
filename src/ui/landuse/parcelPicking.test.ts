import { describe, expect, it } from 'vitest';
import { groundPoint, parcelFinder } from './parcelPicking.ts';

describe('zoning editor picking', () => {
  it('meets flat ground at the analytic point of an oblique ray (three.js z = −north)', () => {
    // from (0, 1000, 0) towards +x and −y at 45°, ground 10 m × exaggeration 2 = 20 m: hits x = 980
    const d = Math.SQRT1_2;
    const hit = groundPoint(
      { origin: { x: 0, y: 1000, z: 0 }, direction: { x: d, y: -d, z: 0 } },
      () => 10,
      2,
    );
    expect(hit![0]).toBeCloseTo(980, 9);
    expect(hit![1]).toBeCloseTo(0, 9);
    expect(groundPoint({ origin: { x: 0, y: 10, z: 0 }, direction: { x: 1, y: 0, z: 0 } }, () => 0, 1)).toBe(
      undefined,
    );
  });

  it('converges on a gentle slope (elevation = 0.05 × east)', () => {
    const d = Math.SQRT1_2;
    const hit = groundPoint(
      { origin: { x: 0, y: 1000, z: -50 }, direction: { x: d, y: -d, z: 0 } },
      (e) => 0.05 * e,
      1,
    )!;
    // exact: 1000 − x = 0.05 x → x = 952.38…
    expect(hit[0]).toBeCloseTo(1000 / 1.05, 3);
    expect(hit[1]).toBeCloseTo(50, 9);
  });

  it('finds the parcel containing a point, −1 outside', () => {
    const find = parcelFinder({
      ids: ['a', 'b'],
      zones: ['R1', 'C'],
      offsets: Int32Array.from([0, 4, 8]),
      coordinates: Float32Array.from([0, 0, 100, 0, 100, 100, 0, 100, 100, 0, 200, 0, 200, 100, 100, 100]),
      prepareSeconds: 0,
    });
    expect(find(50, 50)).toBe(0);
    expect(find(150, 50)).toBe(1);
    expect(find(250, 50)).toBe(-1);
  });
});
