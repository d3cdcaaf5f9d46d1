import { describe, expect, it } from 'vitest';
import { multiPolygonArea, polygonArea, ringArea, ringSignedArea } from './area.ts';
import { L_SHAPE, HOLED, SQUARE, SQUARE_CW, SQUARE_CLOSED } from './fixtures.ts';

describe('ring and polygon area (shoelace)', () => {
  it('gives the unit square +1 counter-clockwise, −1 clockwise, the same closed or open', () => {
    expect(ringSignedArea(SQUARE)).toBe(1);
    expect(ringSignedArea(SQUARE_CW)).toBe(-1);
    expect(ringSignedArea(SQUARE_CLOSED)).toBe(1);
    expect(ringArea(SQUARE_CW)).toBe(1);
  });

  it('gives the L 3 and a degenerate or empty ring 0', () => {
    expect(ringSignedArea(L_SHAPE)).toBe(3);
    expect(
      ringSignedArea([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBe(0);
    expect(ringSignedArea([])).toBe(0);
  });

  it('subtracts holes of any orientation: square 16 with a unit hole is 15', () => {
    expect(polygonArea(HOLED)).toBe(15);
    const holeCounterClockwise = [HOLED[0]!, [...HOLED[1]!].reverse()];
    expect(polygonArea(holeCounterClockwise)).toBe(15);
    expect(multiPolygonArea([HOLED, [L_SHAPE]])).toBe(18);
  });

  it('is translation invariant in a local frame (metres around the scene origin)', () => {
    const moved = L_SHAPE.map(([x, y]) => [x * 10 + 1234.5, y * 10 - 987.25] as const);
    expect(ringSignedArea(moved)).toBeCloseTo(300, 9);
  });
});
