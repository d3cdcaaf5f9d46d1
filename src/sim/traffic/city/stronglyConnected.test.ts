import { describe, expect, it } from 'vitest';
import { largestStronglyConnected } from './stronglyConnected.ts';

describe('largestStronglyConnected', () => {
  it('finds the larger cycle and leaves out one-way tails and disabled links', () => {
    // 0→1→2→0 (3-cycle), 2→3 (tail, cannot come back), 4⇄5 (2-cycle), 3→4; link 0→1 duplicate disabled.
    const tail = [0, 1, 2, 2, 4, 5, 3, 0];
    const head = [1, 2, 0, 3, 5, 4, 4, 1];
    const use = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0]);
    expect([...largestStronglyConnected(6, tail, head, use)]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('a disabled link breaks a cycle', () => {
    const tail = [0, 1, 2, 3, 4];
    const head = [1, 2, 0, 4, 3];
    expect([...largestStronglyConnected(5, tail, head, Uint8Array.from([1, 1, 0, 1, 1]))]).toEqual([
      0, 0, 0, 1, 1,
    ]);
  });
});
