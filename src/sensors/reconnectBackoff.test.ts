import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, reconnectDelayMs } from './reconnectBackoff.ts';

/** A random source that always returns `u`. */
const fixed = (u: number) => () => u;

describe('reconnectDelayMs (exponential backoff, full jitter)', () => {
  it('doubles the ceiling per attempt from 500 ms and stops at 30 s', () => {
    // Just below 1, the draw is the ceiling minus one: 500·2^k − 1, capped at 30 000 − 1 (2^6·500 = 32 000 > 30 000).
    const almostOne = fixed(1 - 1e-12);
    const delays = [0, 1, 2, 3, 4, 5, 6, 20].map((k) => reconnectDelayMs(k, almostOne));
    expect(delays).toEqual([499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
  });

  it('draws uniformly below the ceiling (jitter)', () => {
    expect(reconnectDelayMs(3, fixed(0))).toBe(0);
    expect(reconnectDelayMs(3, fixed(0.25))).toBe(1000); // ceiling 4000 · 0.25
    // 10 000 draws at attempt 2 (ceiling 2000 ms): all in [0, 2000), mean ≈ 1000 (σ of the mean ≈ 5.8 ms).
    let seed = 12345;
    const lcg = () => {
      seed = (seed * 16807) % 2147483647; // Park–Miller, exact in doubles
      return seed / 2147483647;
    };
    const draws = Array.from({ length: 10_000 }, () => reconnectDelayMs(2, lcg));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(2000);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeGreaterThan(970);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeLessThan(1030);
  });

  it('takes another policy and rejects a negative attempt', () => {
    expect(reconnectDelayMs(2, fixed(0.5), { initialDelayMs: 100, maxDelayMs: 1000, factor: 3 })).toBe(450);
    expect(() => reconnectDelayMs(-1, fixed(0.5), DEFAULT_BACKOFF)).toThrow(RangeError);
  });
});
