import { describe, expect, it } from 'vitest';
import { ringSignedArea } from './area.ts';
import { L_SHAPE, SQUARE, SQUARE_CW, SQUARE_CLOSED } from './fixtures.ts';
import { counterClockwise, openRing } from './orientation.ts';

describe('ring winding and closure', () => {
  it('drops a closing position, and only that', () => {
    expect(openRing(SQUARE_CLOSED)).toEqual(SQUARE);
    expect(openRing(SQUARE)).toEqual(SQUARE);
    expect(openRing(SQUARE)).not.toBe(SQUARE);
  });

  it('winds a clockwise ring counter-clockwise and leaves a counter-clockwise one as it is', () => {
    expect(ringSignedArea(counterClockwise(SQUARE_CW))).toBe(1);
    expect(counterClockwise([...L_SHAPE, L_SHAPE[0]!])).toEqual(L_SHAPE);
    expect(counterClockwise([...L_SHAPE].reverse())).toEqual(L_SHAPE);
  });
});
