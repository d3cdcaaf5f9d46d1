import { describe, expect, it } from 'vitest';
import { packColumns, unpackColumns } from './packedColumns.ts';

describe('packColumns', () => {
  const long = Array.from({ length: 300 }, (_, i) => (i % 7) * 0.1 - 5e9 * (i % 2));
  const value = {
    a: { long, short: [1, 2, 3] },
    names: Array.from({ length: 300 }, (_, i) => `n${i}`),
    k: 4,
  };

  it('packs long number arrays as Float64Arrays and leaves the rest', () => {
    const packed = packColumns(value) as unknown as typeof value & { a: { long: unknown } };
    expect(packed.a.long).toBeInstanceOf(Float64Array);
    expect(packed.a.short).toEqual([1, 2, 3]);
    expect(packed.names).toEqual(value.names);
    expect(packed.k).toBe(4);
  });

  it('unpacks to a value equal to the original, through a structured clone', () => {
    expect(unpackColumns(structuredClone(packColumns(value)))).toEqual(value);
  });
});
