import { describe, expect, it } from 'vitest';
import { bbox } from './bbox.ts';
import { L_SHAPE, HOLED } from './fixtures.ts';

describe('bounding box', () => {
  it('bounds the L and the square with a hole', () => {
    expect(bbox(L_SHAPE)).toEqual([0, 0, 2, 2]);
    expect(bbox(HOLED[0]!)).toEqual([0, 0, 4, 4]);
    expect(
      bbox([
        [-3, 7],
        [2, -1],
      ]),
    ).toEqual([-3, -1, 2, 7]);
  });

  it('gives an empty list the empty box [+∞, +∞, −∞, −∞]', () => {
    expect(bbox([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
