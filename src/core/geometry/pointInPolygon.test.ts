import { describe, expect, it } from 'vitest';
import { L_SHAPE, HOLED, SQUARE, SQUARE_CW, SQUARE_CLOSED } from './fixtures.ts';
import { pointInPolygon, pointInRing } from './pointInPolygon.ts';

describe('point in ring / polygon (even–odd)', () => {
  it('finds the inside of the unit square in any orientation, open or closed', () => {
    for (const ring of [SQUARE, SQUARE_CW, SQUARE_CLOSED]) {
      expect(pointInRing(0.5, 0.5, ring)).toBe(true);
      expect(pointInRing(1.5, 0.5, ring)).toBe(false);
      expect(pointInRing(-0.5, 0.5, ring)).toBe(false);
    }
  });

  it('follows the half-open boundary convention: west and south edges in, east and north out', () => {
    expect(pointInRing(0, 0.5, SQUARE)).toBe(true);
    expect(pointInRing(0.5, 0, SQUARE)).toBe(true);
    expect(pointInRing(1, 0.5, SQUARE)).toBe(false);
    expect(pointInRing(0.5, 1, SQUARE)).toBe(false);
    // two unit squares side by side: their shared edge belongs to exactly one
    const right = SQUARE.map(([x, y]) => [x + 1, y] as const);
    expect([pointInRing(1, 0.5, SQUARE), pointInRing(1, 0.5, right)]).toEqual([false, true]);
  });

  it('keeps the L’s notch outside', () => {
    expect(pointInRing(0.5, 0.5, L_SHAPE)).toBe(true);
    expect(pointInRing(0.5, 1.5, L_SHAPE)).toBe(true);
    expect(pointInRing(1.5, 0.5, L_SHAPE)).toBe(true);
    expect(pointInRing(1.5, 1.5, L_SHAPE)).toBe(false);
  });

  it('excludes a polygon’s hole', () => {
    expect(pointInPolygon(0.5, 0.5, HOLED)).toBe(true);
    expect(pointInPolygon(1.5, 1.5, HOLED)).toBe(false);
    expect(pointInPolygon(3, 3, HOLED)).toBe(true);
    expect(pointInPolygon(5, 3, HOLED)).toBe(false);
    expect(pointInPolygon(0.5, 0.5, [])).toBe(false);
  });
});
