import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { Ring } from '../core/geometry/ring.ts';
import { type CityReferences, checkEditInCity } from './cityReferences.ts';
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

const header = {
  format: 'twin-scenario/1',
  id: 's',
  name: { vi: 'a', en: 'b' },
  base: 'baseline',
  year: 2030,
};

describe('physically possible values and simple geometry', () => {
  it('refuses negative or extreme rain, tides and crests beyond ±10 m, at their paths', () => {
    const storm = (rain: unknown, tide: unknown) => ({
      type: 'stormEvent',
      id: 's',
      durationHours: 24,
      rain: { kind: 'series', intensityMmPerHour: rain },
      tide: { levelMetres: tide },
    });
    expect(problemsOf({ ...header, edits: [storm([[0, -5]], [[0, 1]])] })).toEqual([
      'edits[0].rain.intensityMmPerHour[0][1]: expected a rain rate (mm/h) in [0, 500], got -5',
    ]);
    expect(
      problemsOf({
        ...header,
        edits: [
          storm(
            [
              [0, 10],
              [3600, 501],
            ],
            [
              [0, 1e12],
              [-60, 1],
            ],
          ),
        ],
      }),
    ).toEqual([
      'edits[0].rain.intensityMmPerHour[1][1]: expected a rain rate (mm/h) in [0, 500], got 501',
      'edits[0].tide.levelMetres[1][0]: times must increase, -60 follows 0',
      'edits[0].tide.levelMetres[0][1]: expected a tide level (m above mean sea level) in [-10, 10], got 1000000000000',
      'edits[0].tide.levelMetres[1][0]: expected a time in [0, 864000] s, got -60',
    ]);
    const dike = {
      type: 'dike',
      id: 'd',
      coordinates: [
        [106.75, 10.8],
        [106.76, 10.8],
      ],
      crestHeightMetres: 10.5,
    };
    expect(problemsOf({ ...header, edits: [dike] })).toEqual([
      'edits[0].crestHeightMetres: expected a number in [-10, 10], got 10.5',
    ]);
  });

  it('refuses self-intersecting, empty and far-away polygons', () => {
    const bowTie = [
      [106.75, 10.8],
      [106.76, 10.81],
      [106.76, 10.8],
      [106.75, 10.81],
    ];
    const line = [
      [106.75, 10.8],
      [106.76, 10.8],
      [106.77, 10.8],
    ];
    const paris = [
      [2.35, 48.85],
      [2.36, 48.85],
      [2.36, 48.86],
    ];
    expect(
      problemsOf({
        ...header,
        edits: [
          { type: 'zoning', id: 'z', polygon: bowTie, zone: 'R1' },
          { type: 'pond', id: 'p', polygon: line, depthMetres: 2 },
          { type: 'pond', id: 'q', polygon: paris, depthMetres: 2 },
        ],
      }),
    ).toEqual([
      'edits[0].polygon: the polygon crosses itself (edges 0 and 2): not a simple polygon',
      'edits[1].polygon: the polygon encloses no area (less than 1 m²)',
      'edits[2].polygon[0]: position (2.35, 48.85) lies outside the city region (106.55…107.05 E, 10.6…11.05 N)',
    ]);
  });
});

describe('references against the city', () => {
  /** A city of one road link "12f", parcels of source "w1", and a 10 km square boundary about the scene origin. */
  let subdivisions = 0;
  const boundary: Ring = [
    [-5000, -5000],
    [5000, -5000],
    [5000, 5000],
    [-5000, 5000],
  ];
  const city: CityReferences = {
    linkIds: new Set(['12f']),
    parcelSources: new Set(['w1', 'u']),
    parcelIds: () => {
      subdivisions++;
      return new Set(['w1-0_0-0']);
    },
    boundaryRings: [boundary],
  };
  const inCity = (edits: unknown[]) => {
    try {
      parseScenario({ ...header, edits }, (c, edit, path) => checkEditInCity(c, edit, path, city));
      return [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error.problems.map((p) => `${p.path}: ${p.message}`);
    }
  };

  it('names a closed road that does not exist', () => {
    expect(inCity([{ type: 'roadClosure', id: 'c', linkIds: ['12f', 'nope'] }])).toEqual([
      'edits[0].linkIds[1]: unknown road link "nope" (roads.json)',
    ]);
  });

  it('finds zones as own properties only: "constructor" needs rules of its own', () => {
    const square = [
      [106.77, 10.82],
      [106.771, 10.82],
      [106.771, 10.821],
    ];
    expect(inCity([{ type: 'zoning', id: 'z', polygon: square, zone: 'constructor' }])).toEqual([
      'edits[0].zone: unknown zone "constructor": give "rules" or one of R1, R2, C, M, I, E, H, P, T, G, A',
    ]);
    const rules = {
      use: 'residential',
      maxCoverage: 0.5,
      maxFAR: 2,
      maxHeight: 20,
      floorHeight: 3,
      setbacks: { front: 1, side: 1, rear: 1 },
    };
    expect(inCity([{ type: 'zoning', id: 'z', polygon: square, zone: 'constructor', rules }])).toEqual([]);
  });

  it('names unknown parcels, subdividing the city only for ids of the right form and source', () => {
    subdivisions = 0;
    expect(inCity([{ type: 'zoning', id: 'z', parcelIds: ['p-1', 'w9-0_0-0'], zone: 'R1' }])).toEqual([
      'edits[0].parcelIds[0]: unknown parcel "p-1" in the city\'s zoning layer',
      'edits[0].parcelIds[1]: unknown parcel "w9-0_0-0" in the city\'s zoning layer',
    ]);
    expect(subdivisions).toBe(0);
    expect(inCity([{ type: 'zoning', id: 'z', parcelIds: ['w1-0_0-0', 'w1-0_0-1'], zone: 'R1' }])).toEqual([
      'edits[0].parcelIds[1]: unknown parcel "w1-0_0-1" in the city\'s zoning layer',
    ]);
    expect(subdivisions).toBeGreaterThan(0);
  });

  it('keeps edits within 1 km of the boundary and refuses ones beyond', () => {
    // The boundary's east edge is 5 km east of 106.77 E; 1° of longitude at 10.82 N ≈ 109.3 km:
    // 5.9 km east is 0.9 km outside (kept), 6.2 km east is 1.2 km outside (refused).
    const east = (km: number) => 106.77 + (km * 1000) / 109_300;
    const dike = (km: number) => ({
      type: 'dike',
      id: 'd',
      coordinates: [
        [106.77, 10.82],
        [east(km), 10.82],
      ],
      crestHeightMetres: 2,
    });
    expect(inCity([dike(5.9)])).toEqual([]);
    expect(inCity([dike(6.2)])).toEqual([
      expect.stringMatching(
        /^edits\[0\]\.coordinates\[1\]: position \(106\.82\d+, 10\.82\) lies outside the city boundary \(more than 1000 m\)$/,
      ),
    ]);
  });
});
