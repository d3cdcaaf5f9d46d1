/**
 * Property-based tests of the JSON document validators (issue 13): scenario documents (alone
 * and against a city's references), share codes and flood cases. Random and mutated documents
 * may only end in a value or an InputError, within bounded time; an accepted document holds no
 * non-finite number, and an accepted flood case runs to finite gauges and volumes with its
 * volume balance closed (or stops on the minimum time step with an InputError). Fixed seed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import type { Ring } from '../core/geometry/ring.ts';
import { parseEsriAscii } from '../data/grid/esriAscii.ts';
import { floodInputFromCase, parseFloodCase } from '../sim/flood/floodCase.ts';
import { runFloodCase, singleThreadEngine } from '../sim/flood/floodRun.ts';
import { createFloodState } from '../sim/flood/floodState.ts';
import { type CityReferences, checkEditInCity } from './cityReferences.ts';
import { decodeShareCode, encodeShareCode } from './shareLink.ts';
import { parseScenario } from './validate.ts';

const SEED = 13;
/** Longest one case may take, ms: cases take 1–50 ms; the bound is generous because the test machine is shared. */
const MAX_CASE_MS = 5000;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const SCENARIOS = ['saigon-dike-and-ponds', 'thu-thiem-high-density', 'growth-2045-100yr-king-tide'].map(
  (id) => readJson(`scenarios/${id}.json`),
);
const FLOOD_CASE = readJson('tests/fixtures/flood/case.json');
const DEM = parseEsriAscii(readFileSync('tests/fixtures/flood/dem.asc', 'utf8'));

/** JSON-ish values that tend to break validators: extreme, non-finite, empty, inherited names. */
const NASTY = fc.constantFrom<unknown>(
  1e300,
  -1e300,
  1e12,
  -5,
  0,
  -0,
  1e-300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'constructor',
  '__proto__',
  'nope',
  null,
  true,
  [],
  {},
  [[0, 1e300]],
  [[1e300, 1]],
  [
    [0, 0],
    [0, 0],
  ],
  [
    [2.35, 48.85],
    [2.36, 48.85],
    [2.36, 48.86],
  ],
  [
    [106.75, 10.8],
    [106.76, 10.81],
    [106.76, 10.8],
    [106.75, 10.81],
  ],
);
const anyValue = fc.oneof(
  NASTY,
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Paths (lists of keys) of every value inside a JSON document, the root excluded. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

type Mutation = { at: number; kind: 'replace' | 'scale' | 'delete'; value: unknown; factor: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'scale', 'scale', 'delete'),
  value: anyValue,
  factor: fc.constantFrom(0.5, 0.9, 1.1, 2, -1, 0, 1e3, 1e-3),
});

/**
 * A copy of `doc` with 1–3 values replaced, scaled (numbers only: a plausible or absurd change
 * of a valid value) or deleted at random paths (of the original).
 */
function mutated(doc: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(doc);
    for (const { at, kind, value, factor } of edits) {
      const path = paths[at % paths.length]!;
      let parent = copy as Record<string | number, unknown> | null;
      for (const key of path.slice(0, -1)) {
        const next = parent?.[key];
        parent =
          next !== null && typeof next === 'object' ? (next as Record<string | number, unknown>) : null;
      }
      // An earlier edit replaced or removed a container on this path: nothing left to edit.
      if (!parent) continue;
      const key = path[path.length - 1]!;
      if (kind === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
      else if (kind === 'delete') delete parent[key];
      else if (kind === 'scale') parent[key] = typeof parent[key] === 'number' ? parent[key] * factor : value;
      else parent[key] = value;
    }
    return copy;
  });
}

/** Every number inside a value (objects and arrays). */
function* numbersIn(value: unknown): Generator<number> {
  if (typeof value === 'number') yield value;
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) yield* numbersIn(v);
}

/** Runs `run`; it must end within MAX_CASE_MS in a value (then `check`ed) or an InputError. */
function valueOrInputError<T>(run: () => T, check: (output: T) => void = () => {}): boolean {
  const started = performance.now();
  let output: T;
  try {
    output = run();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    return false;
  } finally {
    expect(performance.now() - started).toBeLessThan(MAX_CASE_MS);
  }
  check(output);
  return true;
}

const allFinite = (output: unknown) => {
  for (const v of numbersIn(output)) expect(Number.isFinite(v)).toBe(true);
};

/** Runs a property with the fixed seed over `runs` cases; returns how many were accepted. */
function accepted<T>(arbitrary: fc.Arbitrary<T>, runs: number, run: (input: T) => boolean): number {
  let count = 0;
  fc.assert(
    fc.property(arbitrary, (input) => {
      if (run(input)) count++;
    }),
    { seed: SEED, numRuns: runs },
  );
  return count;
}

/** A small city: one road link, parcels of one source, a 30 km square boundary about the scene origin. */
const CITY: CityReferences = {
  linkIds: new Set(['12f']),
  parcelSources: new Set(['w1', 'u']),
  parcelIds: () => new Set(['w1-0_0-0']),
  boundaryRings: [
    [
      [-15_000, -15_000],
      [15_000, -15_000],
      [15_000, 15_000],
      [-15_000, 15_000],
    ] as Ring,
  ],
};

describe('fuzz: scenario documents', () => {
  const parse = (doc: unknown) => valueOrInputError(() => parseScenario(doc), allFinite);
  const parseInCity = (doc: unknown) =>
    valueOrInputError(
      () => parseScenario(doc, (c, edit, path) => checkEditInCity(c, edit, path, CITY)),
      allFinite,
    );

  it('random JSON values (300 cases)', () => {
    accepted(anyValue, 300, parse);
  });

  it('mutated shipped scenarios, alone and against a city (3 × 200 cases each)', () => {
    for (const doc of SCENARIOS) {
      const parsed = accepted(mutated(doc), 200, parse);
      // Some mutations keep a document valid: the property saw both outcomes.
      expect(parsed).toBeGreaterThan(0);
      expect(parsed).toBeLessThan(200);
      accepted(mutated(doc), 200, parseInCity);
    }
  });
});

describe('fuzz: share codes', () => {
  const decode = (code: string) => valueOrInputError(() => decodeShareCode(code), allFinite);
  const valid = SCENARIOS.map((doc) => encodeShareCode(parseScenario(doc)));

  it('random base64url text up to 7000 characters (300 cases)', () => {
    const alphabet = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_='.split(''),
    );
    accepted(fc.string({ unit: alphabet, maxLength: 7000 }), 300, decode);
  });

  it('valid codes with characters replaced, cut or inserted (300 cases)', () => {
    const edit = fc.record({
      which: fc.nat(),
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.string({ maxLength: 4 }),
    });
    const code = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
      edits.reduce(
        (text, { at, cut, insert }) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + cut);
        },
        valid[edits[0]!.which % valid.length]!,
      ),
    );
    accepted(code, 300, decode);
  });

  it('well-formed zlib of mutated scenarios and of random JSON (300 cases)', () => {
    const base64url = (bytes: Uint8Array) => {
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    const doc = fc.oneof(mutated(SCENARIOS[0]), fc.jsonValue({ maxDepth: 3 }));
    accepted(
      doc.map((d) => base64url(zlibSync(new TextEncoder().encode(JSON.stringify(d) ?? 'null')))),
      300,
      decode,
    );
  });
});

describe('fuzz: flood cases', () => {
  /**
   * Parses a case and places it on the fixture DEM; an accepted case then runs (at most 900 s,
   * at most 100 samples) to finite gauges and volumes with its balance closed, or stops on the
   * minimum time step with an InputError. Returns whether the case was accepted.
   */
  async function parseAndRun(doc: unknown): Promise<boolean> {
    const started = performance.now();
    try {
      const kase = parseFloodCase(doc);
      const { input, gauges } = floodInputFromCase(kase, { dem: DEM });
      const duration = Math.min(kase.durationSeconds, 900);
      const interval = Math.max(kase.outputIntervalSeconds, duration / 100);
      const result = await runFloodCase(
        singleThreadEngine(createFloodState(input)),
        duration,
        interval,
        gauges,
      );
      allFinite(result);
      expect(result.volume.relativeError).toBeLessThan(1e-6);
      return true;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      expect(error.problems.length).toBeGreaterThan(0);
      return false;
    } finally {
      expect(performance.now() - started).toBeLessThan(MAX_CASE_MS);
    }
  }

  it('mutated fixture cases: parsed, placed and run (400 cases)', async () => {
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(mutated(FLOOD_CASE), async (doc) => {
        if (await parseAndRun(doc)) ran++;
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(400);
  });
});
