import { describe, expect, it } from 'vitest';
import { hashText, hashValue, stableStringify } from './hash.ts';

describe('content hashes', () => {
  it('ignores key order and undefined members, not values', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: 3 }], u: undefined })).toBe(
      '{"a":[1,{"c":3,"d":2}],"b":1}',
    );
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
    expect(hashValue({ a: 1, b: 2 })).not.toBe(hashValue({ a: 1, b: 3 }));
    expect(stableStringify(new Float32Array([1.5, 2]))).toBe('[1.5,2]');
  });
  it('matches the published cyrb53 test vector', () => {
    // cyrb53("a") = 7929297801672961 (bryc's README); 7929297801672961 = 0x1c2bb5bfe0a301
    expect(hashText('a')).toBe((7929297801672961).toString(16).padStart(14, '0'));
  });
});
