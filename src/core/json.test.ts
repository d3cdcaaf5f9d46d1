import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, parseJsonText } from './json.ts';

describe('parseJsonText', () => {
  it('names line and column of a syntax error', () => {
    expect(() => parseJsonText('{\n  "a": 1\n  "b": 2\n}', 'f.json')).toThrow(
      /^f\.json: line 3, column 3: invalid JSON/,
    );
  });
  it('points at the end of a truncated document', () => {
    expect(() => parseJsonText('{\n "a": ', 'f.json')).toThrow(/^f\.json: line 2, column 7: invalid JSON/);
  });
  it('points at a trailing comma (Node 20 gives no position for it)', () => {
    // The comma after 1 is the 6th character of line 3.
    expect(() => parseJsonText('{\n  "a": [\n    1,\n  ]\n}', 'f.json')).toThrow(
      /^f\.json: line 3, column 6: invalid JSON: trailing comma before "]"$/,
    );
    expect(() => parseJsonText('{"a": 1,\n}', 'f.json')).toThrow(
      /^f\.json: line 1, column 8: .*trailing comma/,
    );
  });
  it('points at a literal NaN or Infinity and says JSON has none', () => {
    expect(() => parseJsonText('{\n  "level": NaN\n}', 'f.json')).toThrow(
      /^f\.json: line 2, column 12: invalid JSON: expected a value, got 'NaN' \(JSON has no NaN or Infinity\)/,
    );
    expect(() => parseJsonText('[1, -Infinity]', 'f.json')).toThrow(/line 1, column 5: .*no NaN or Infinity/);
  });
  it('accepts and strips a UTF-8 byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}', 'f.json')).toEqual({ a: [1, 2] });
  });
  it('counts lines and columns after a byte-order mark as an editor shows them', () => {
    expect(() => parseJsonText('\uFEFF{\n  "a": 1,\n}', 'f.json')).toThrow(/^f\.json: line 2, column 9: /);
  });
  it('refuses a number too large for a float instead of reading Infinity', () => {
    expect(() => parseJsonText('{\n  "rain": 1e400\n}', 'f.json')).toThrow(
      /^f\.json: line 2, column 11: the number 1e400 is too large for a float/,
    );
    expect(parseJsonText('[1e308, 1e-400]')).toEqual([1e308, 0]);
  });
  it('reports an unclosed deep nesting without overflowing the stack', () => {
    const text = '['.repeat(20_000);
    expect(() => parseJsonText(text, 'deep.json')).toThrow(/^deep\.json: line 1, column 20001: /);
  });
});

describe('findJsonSyntaxProblem', () => {
  it('finds nothing in valid JSON of every kind', () => {
    const text = '{"a": [1, -2.5e-3, true, false, null, "x\\u00e9\\n"], "b": {}, "c": [], "d": {"e": 0}}';
    expect(findJsonSyntaxProblem(text)).toBeUndefined();
  });
  it('locates each kind of error at its offset', () => {
    expect(findJsonSyntaxProblem('{"a" 1}')).toEqual({
      offset: 5,
      message: `expected ":" after the property name, got '1'`,
    });
    expect(findJsonSyntaxProblem('"a\nb"')?.offset).toBe(2);
    expect(findJsonSyntaxProblem('"\\x"')?.offset).toBe(1);
    expect(findJsonSyntaxProblem('[1] x')?.offset).toBe(4);
    expect(findJsonSyntaxProblem("{'a': 1}")?.offset).toBe(1);
    expect(findJsonSyntaxProblem('[01]')?.offset).toBe(2);
  });
});
