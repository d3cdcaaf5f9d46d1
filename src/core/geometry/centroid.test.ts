import { describe, expect, it } from 'vitest';
import { polygonCentroid, ringCentroid } from './centroid.ts';
import { L_SHAPE, HOLED, SQUARE, SQUARE_CW, SQUARE_CLOSED } from './fixtures.ts';

describe('area-weighted centroids', () => {
  it('puts the unit square at (0.5, 0.5) in either orientation, open or closed', () => {
    expect(ringCentroid(SQUARE)).toEqual([0.5, 0.5]);
    expect(ringCentroid(SQUARE_CW)).toEqual([0.5, 0.5]);
    expect(ringCentroid(SQUARE_CLOSED)).toEqual([0.5, 0.5]);
  });

  it('puts the L at (5/6, 5/6), not at its vertex mean (1, 1)', () => {
    const [x, y] = ringCentroid(L_SHAPE);
    expect(x).toBeCloseTo(5 / 6, 14);
    expect(y).toBeCloseTo(5 / 6, 14);
  });

  it('moves the square with a hole away from the hole, to (61/30, 61/30)', () => {
    const [x, y] = polygonCentroid(HOLED);
    expect(x).toBeCloseTo(61 / 30, 14);
    expect(y).toBeCloseTo(61 / 30, 14);
  });

  it('gives a zero-area ring its first position, and an empty polygon (0, 0)', () => {
    expect(
      ringCentroid([
        [3, 4],
        [5, 6],
        [7, 8],
      ]),
    ).toEqual([3, 4]);
    expect(polygonCentroid([])).toEqual([0, 0]);
  });
});
