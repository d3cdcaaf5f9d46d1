import { describe, expect, it } from 'vitest';
import { lossRateFromImperviousness } from './floodLosses.ts';

describe('loss rate from imperviousness', () => {
  it('infiltrates on the pervious share and adds drainage (hand values, fractions clamped to [0, 1])', () => {
    expect(Array.from(lossRateFromImperviousness([0, 0.25, 1, 1.5, -1], 20, 5))).toEqual([25, 20, 5, 5, 25]);
  });
});
