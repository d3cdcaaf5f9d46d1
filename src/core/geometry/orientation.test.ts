import { describe, expect, it } from 'vitest';
import { ringSignedArea } from './area.ts';
import { L_SHAPE, UNIT_SQUARE, UNIT_SQUARE_CLOCKWISE, UNIT_SQUARE_CLOSED } from './fixtures.ts';
import { counterClockwise, openRing } from './orientation.ts';

describe('ring winding and closure', () => {
  it('drops a closing position, and only that', () => {
    expect(openRing(UNIT_SQUARE_CLOSED)).toEqual(UNIT_SQUARE);
    expect(openRing(UNIT_SQUARE)).toEqual(UNIT_SQUARE);
    expect(openRing(UNIT_SQUARE)).not.toBe(UNIT_SQUARE);
  });

  it('winds a clockwise ring counter-clockwise and leaves a counter-clockwise one as it is', () => {
    expect(ringSignedArea(counterClockwise(UNIT_SQUARE_CLOCKWISE))).toBe(1);
    expect(counterClockwise([...L_SHAPE, L_SHAPE[0]!])).toEqual(L_SHAPE);
    expect(counterClockwise([...L_SHAPE].reverse())).toEqual(L_SHAPE);
  });
});
