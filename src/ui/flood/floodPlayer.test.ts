import { describe, expect, it } from 'vitest';
import { frameIndexAt } from './floodPlayer.ts';

describe('frameIndexAt', () => {
  it('picks the last frame at or before the time', () => {
    const times = [0, 1800, 3600, 4000];
    expect(frameIndexAt(times, 0)).toBe(0);
    expect(frameIndexAt(times, 1800)).toBe(1);
    expect(frameIndexAt(times, 3599)).toBe(1);
    expect(frameIndexAt(times, 4000)).toBe(3);
    expect(frameIndexAt(times, 90_000)).toBe(3); // a longer run's time on a shorter run: its end
    expect(frameIndexAt(times, -1)).toBe(0);
    expect(frameIndexAt([], 100)).toBe(0);
  });
});
