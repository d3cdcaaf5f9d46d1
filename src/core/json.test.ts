import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json.ts';

describe('parseJsonText', () => {
  it('names line and column of a syntax error', () => {
    expect(() => parseJsonText('{\n  "a": 1\n  "b": 2\n}', 'f.json')).toThrow(
      /^f\.json: line 3, column 3: invalid JSON/,
    );
  });
  it('points at the end of a truncated document', () => {
    expect(() => parseJsonText('{\n "a": ', 'f.json')).toThrow(/^f\.json: line 2, column 7: invalid JSON/);
  });
});
