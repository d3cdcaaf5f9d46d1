import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareCode, encodeShareCode } from './shareLink.ts';
import { parseScenario } from './validate.ts';

const baseline = parseScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));

describe('share links', () => {
  it('round-trips a scenario through a URL-safe code', () => {
    const scenario = {
      ...baseline,
      id: 'dike-test',
      edits: [
        {
          type: 'dike' as const,
          id: 'd1',
          coordinates: [
            [106.71, 10.78],
            [106.72, 10.79],
          ] as Array<[number, number]>,
          crestHeightMetres: 2.5,
        },
      ],
    };
    const code = encodeShareCode(scenario);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShareCode(code)).toEqual(scenario);
  });

  it('refuses a damaged code with a reason', () => {
    const code = encodeShareCode(baseline);
    expect(() => decodeShareCode(`${code.slice(0, 10)}xx${code.slice(12)}`)).toThrow(
      /damaged|invalid|expected/,
    );
    expect(() => decodeShareCode('not-a-code')).toThrow(/share link is damaged/);
  });
});
