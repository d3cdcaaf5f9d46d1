import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import { parseScenario } from './validate.ts';

const load = (path: string) => parseJsonText(readFileSync(path, 'utf8'), path);
const problemsOf = (doc: unknown): string[] => {
  try {
    parseScenario(doc);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
};

describe('scenario documents', () => {
  it.each(readdirSync('scenarios').filter((f) => f.endsWith('.json')))('scenarios/%s is valid', (file) => {
    expect(problemsOf(load(`scenarios/${file}`))).toEqual([]);
  });

  it('reports every problem of a malformed document with its path', () => {
    const problems = problemsOf(load('tests/fixtures/scenarios/bad-wrong-types.json'));
    expect(problems).toEqual([
      'name.en: expected a non-empty string, got undefined',
      'year: expected a number, got "2030"',
      'edits[0].coordinates: expected at least 2 positions, got 1',
      'edits[0].crestHeightMetres: expected a number, got "high"',
      'edits[2].type: expected one of "zoning", "roadClosure", "newRoad", "dike", "pond", "stormEvent", "growth", got "teleporter"',
    ]);
  });

  it('refuses an unknown format version with a clear message', () => {
    expect(problemsOf(load('tests/fixtures/scenarios/bad-version.json'))).toEqual([
      'format: unsupported version "twin-scenario/9"; this build reads "twin-scenario/1"',
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    expect(() => load('tests/fixtures/scenarios/bad-syntax.json')).toThrow(/line 3, column 3: invalid JSON/);
  });

  it('accepts every edit type and rejects duplicates and a second storm', () => {
    const base = {
      format: 'twin-scenario/1',
      id: 's',
      name: { vi: 'a', en: 'b' },
      base: 'baseline',
      year: 2030,
    };
    const square = [
      [106.75, 10.8],
      [106.76, 10.8],
      [106.76, 10.81],
    ];
    const storm = {
      type: 'stormEvent',
      id: 'st',
      durationHours: 24,
      rain: { kind: 'design', returnPeriodYears: 100, durationHours: 3 },
    };
    const edits = [
      { type: 'zoning', id: 'z', polygon: square, zone: 'R1' },
      { type: 'roadClosure', id: 'c', linkIds: ['12'] },
      {
        type: 'newRoad',
        id: 'n',
        coordinates: square.slice(0, 2),
        roadClass: 'trunk',
        lanes: 4,
        maxSpeedKmh: 60,
        oneWay: false,
      },
      { type: 'dike', id: 'd', coordinates: square, crestHeightMetres: 2.5 },
      { type: 'pond', id: 'p', polygon: square, depthMetres: 3 },
      {
        ...storm,
        tide: {
          levelMetres: [
            [0, 1.2],
            [3600, 1.7],
          ],
        },
      },
      {
        type: 'growth',
        id: 'g',
        toYear: 2045,
        seed: 7,
        excludeFloodProne: true,
        demandGrowthPercentPerYear: 3,
      },
    ];
    const scenario = parseScenario({ ...base, edits });
    expect(scenario.edits.map((e) => e.type)).toEqual([
      'zoning',
      'roadClosure',
      'newRoad',
      'dike',
      'pond',
      'stormEvent',
      'growth',
    ]);
    expect(
      problemsOf({
        ...base,
        edits: [
          ...edits,
          { ...storm, id: 'st2' },
          { type: 'dike', id: 'd', coordinates: square, crestHeightMetres: 3 },
        ],
      }),
    ).toEqual([
      'edits[8].id: duplicate edit id "d" (also edits[3])',
      'edits[7]: only one "stormEvent" edit is allowed (first at edits[5])',
    ]);
  });
});
