import { describe, expect, it } from 'vitest';
import { ringOfFlat } from './ring.ts';

describe('rings out of flat coordinate buffers', () => {
  it('reads the whole buffer or a vertex range', () => {
    const flat = Float32Array.from([0, 0, 1, 0, 1, 1, 5, 5, 6, 5, 6, 6]);
    expect(ringOfFlat([0, 0, 1, 0, 1, 1])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(ringOfFlat(flat, 3, 6)).toEqual([
      [5, 5],
      [6, 5],
      [6, 6],
    ]);
  });
});
