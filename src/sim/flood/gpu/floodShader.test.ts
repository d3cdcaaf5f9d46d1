import { describe, expect, it } from 'vitest';
import { FOLD_FAN_IN, foldLevels, PARTIAL_WIDTH, partialWords } from './floodShader.ts';

describe('the WebGPU kernel’s per-step folds', () => {
  it('folds until at most 64 partials are left for the final one-thread reduce', () => {
    expect(FOLD_FAN_IN).toBe(64);
    expect(foldLevels(1)).toBe(0);
    expect(foldLevels(64)).toBe(0);
    expect(foldLevels(65)).toBe(1); // 65 → 2
    expect(foldLevels(4096)).toBe(1); // 4096 → 64
    expect(foldLevels(4097)).toBe(2); // 4097 → 65 → 2
    expect(foldLevels(887_167)).toBe(3); // the city at 20 m: → 13 862 → 217 → 4
  });

  it('keeps room for one partial per cell and one per 64 of each level', () => {
    expect(partialWords(64)).toBe(64 * PARTIAL_WIDTH);
    expect(partialWords(65)).toBe((65 + 2) * PARTIAL_WIDTH);
    expect(partialWords(4097)).toBe((4097 + 65 + 2) * PARTIAL_WIDTH);
  });
});
