import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { Scenario } from './scenario.ts';
import { parseTour, type TourReferences } from './tour.ts';
import { parseScenario } from './validate.ts';

const load = (path: string) => parseJsonText(readFileSync(path, 'utf8'), path);
const SHIPPED_SCENARIOS: Scenario[] = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenario(load(`scenarios/${f}`)));
const REFERENCES: TourReferences = {
  scenarios: SHIPPED_SCENARIOS,
  layerIds: ['flood', 'traffic', 'zoning', 'difference', 'buildings'],
};
const SHIPPED_TOUR = 'scenarios/tours/thu-duc-2045.json';

const problemsOf = (doc: unknown, references = REFERENCES): string[] => {
  try {
    parseTour(doc, references);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
};

const stop = (overrides: Record<string, unknown> = {}) => ({
  id: 'a',
  camera: {
    position: [106.77, 10.7, 15000],
    target: [106.77, 10.82, 0],
    durationSeconds: 2,
    easing: 'linear',
  },
  scenario: 'baseline-100yr-king-tide',
  kpis: ['flood.floodedAreaKm2'],
  caption: { vi: 'Chú thích', en: 'Caption' },
  ...overrides,
});
const tour = (stops: unknown[]) => ({
  format: 'twin-tour/1',
  id: 't',
  title: { vi: 'Tiêu đề', en: 'Title' },
  stops,
});

describe('twin-tour/1 documents', () => {
  it('accepts a valid document and returns it typed', () => {
    const parsed = parseTour(
      tour([
        stop({ time: { fromSeconds: 0, toSeconds: 3600 }, layers: { flood: true } }),
        stop({
          id: 'b',
          scenario: undefined,
          compare: { a: 'baseline', b: 'ring-road-2-completed', mode: 'swipe' },
          kpis: ['traffic.travelTimeBurdenHours'],
          holdSeconds: 10,
        }),
      ]),
      REFERENCES,
    );
    expect(parsed.stops.map((s) => s.id)).toEqual(['a', 'b']);
    expect(parsed.stops[0]!.time).toEqual({ fromSeconds: 0, toSeconds: 3600 });
    expect(parsed.stops[0]!.layers).toEqual({ flood: true });
    expect(parsed.stops[1]!.compare).toEqual({ a: 'baseline', b: 'ring-road-2-completed', mode: 'swipe' });
    expect(parsed.stops[1]!.scenario).toBeUndefined();
    expect(parsed.stops[1]!.layers).toEqual({});
  });

  it('locates each kind of shape problem by its path', () => {
    expect(problemsOf({ ...tour([]), format: 'twin-tour/7' })).toEqual([
      'format: unsupported version "twin-tour/7"; this build reads "twin-tour/1"',
      'stops: expected at least one stop',
    ]);
    expect(problemsOf({ format: 'twin-tour/1', id: '', title: { vi: 'x' }, stops: {} })).toEqual([
      'id: expected a non-empty string, got ""',
      'title.en: expected a non-empty string, got undefined',
      'stops: expected an array, got an object',
    ]);
    expect(
      problemsOf(
        tour([
          stop({
            camera: {
              position: [106.77, 10.7],
              target: [106.77, 10.82, 0],
              durationSeconds: -1,
              easing: 'bounce',
            },
            caption: { vi: 'x', en: 7 },
          }),
        ]),
      ),
    ).toEqual([
      'stops[0].camera.position: expected [longitude, latitude, height m]',
      'stops[0].camera.durationSeconds: expected a number in [0, 60], got -1',
      'stops[0].camera.easing: expected one of "linear", "smoothstep", "easeInOutCubic", "easeInOutSine", got "bounce"',
      'stops[0].caption.en: expected a non-empty string, got 7',
    ]);
  });

  it('refuses a camera outside the city, a camera on its target, both or neither of scenario and compare', () => {
    const far = stop({
      camera: {
        position: [2.35, 48.85, 500],
        target: [106.77, 10.82, 0],
        durationSeconds: 1,
        easing: 'linear',
      },
    });
    expect(problemsOf(tour([far]))[0]).toMatch(/^stops\[0\]\.camera\.position: outside the city region/);
    const same = stop({
      camera: {
        position: [106.77, 10.82, 0],
        target: [106.77, 10.82, 0],
        durationSeconds: 1,
        easing: 'linear',
      },
    });
    expect(problemsOf(tour([same]))).toEqual([
      'stops[0].camera: the camera position and its target must differ',
    ]);
    const both = stop({ compare: { a: 'baseline', b: 'saigon-dike-and-ponds', mode: 'split' } });
    expect(problemsOf(tour([both]))).toEqual(['stops[0]: give exactly one of "scenario" or "compare"']);
    expect(problemsOf(tour([stop({ scenario: undefined, kpis: [] })]))).toEqual([
      'stops[0]: give exactly one of "scenario" or "compare"',
    ]);
  });

  it('rejects unknown scenarios, KPIs, layers and a flood where no storm is run', () => {
    expect(problemsOf(tour([stop({ scenario: 'atlantis' })]))[0]).toMatch(
      /^stops\[0\]\.scenario: unknown scenario "atlantis"; known: .*"baseline"/,
    );
    expect(
      problemsOf(
        tour([stop({ scenario: undefined, compare: { a: 'baseline', b: 'baseline', mode: 'fade' } })]),
      ),
    ).toEqual([
      'stops[0].compare.mode: expected one of "split", "swipe", got "fade"',
      'stops[0].compare: compare two different scenarios',
    ]);
    expect(problemsOf(tour([stop({ kpis: ['flood.happiness', 'traffic.averageSpeedKmh'] })]))).toEqual([
      'stops[0].kpis[0]: unknown KPI "flood.happiness" (not in twin-kpis/2, docs/kpis.md)',
    ]);
    // the baseline has no storm event: no flood stage runs, so no flood KPI or flood time
    expect(problemsOf(tour([stop({ scenario: 'baseline', time: { atSeconds: 100 } })]))).toEqual([
      'stops[0].time: a flood time needs a scenario with a storm event (no flood is run without one)',
      'stops[0].kpis[0]: "flood.floodedAreaKm2" needs a scenario with a storm event (no flood is run without one)',
    ]);
    expect(problemsOf(tour([stop({ layers: { flood: 'yes', volcano: true } })]))).toEqual([
      'stops[0].layers.flood: expected true or false, got "yes"',
      'stops[0].layers.volcano: unknown layer; known: "flood", "traffic", "zoning", "difference", "buildings"',
    ]);
  });

  it('rejects a backwards flood span, mixed time forms and duplicate stop ids', () => {
    expect(problemsOf(tour([stop({ time: { fromSeconds: 7200, toSeconds: 3600 } })]))).toEqual([
      'stops[0].time.toSeconds: expected a time after fromSeconds (7200), got 3600',
    ]);
    expect(problemsOf(tour([stop({ time: { atSeconds: 1, toSeconds: 3600 } })]))).toEqual([
      'stops[0].time: give either "atSeconds" or "fromSeconds" and "toSeconds"',
    ]);
    expect(problemsOf(tour([stop(), stop()]))).toEqual([
      'stops[1].id: duplicate stop id "a" (also stops[0])',
    ]);
  });
});

describe('the shipped tour', () => {
  const doc = load(SHIPPED_TOUR);

  it('validates against the schema and the shipped scenarios', () => {
    expect(problemsOf(doc)).toEqual([]);
  });

  it('tells the story of the issue: today, the storm, dike + ponds against it, Thủ Thiêm, Ring Road 2', () => {
    const { title, stops } = parseTour(doc, REFERENCES);
    expect(title.en).toBe('Thủ Đức 2045: growth and flood resilience');
    expect(stops.map((s) => s.scenario ?? `${s.compare?.a}→${s.compare?.b}`)).toEqual([
      'baseline',
      'baseline-100yr-king-tide',
      'baseline-100yr-king-tide→saigon-dike-and-ponds',
      'thu-thiem-high-density',
      'ring-road-2-completed',
    ]);
    // the storm stop plays the water rising and receding: the span covers the tide's high water
    const storm = stops[1]!;
    const highWater = SHIPPED_SCENARIOS.find((s) => s.id === 'baseline-100yr-king-tide')!
      .edits.flatMap((e) => (e.type === 'stormEvent' ? (e.tide?.levelMetres ?? []) : []))
      .reduce((best, p) => (p[1] > best[1] ? p : best))[0];
    expect(storm.time && 'fromSeconds' in storm.time).toBe(true);
    if (storm.time && 'fromSeconds' in storm.time) {
      expect(storm.time.fromSeconds).toBeLessThan(highWater);
      expect(storm.time.toSeconds).toBeGreaterThan(highWater);
    }
    // the document holds no numbers for the cards: only KPI names
    expect(JSON.stringify(doc)).not.toMatch(/"value"/);
  });

  it.skipIf(!existsSync('../shared/spec/cli.md'))(
    'shows only KPIs named in the shared KPI contract (../shared/spec/cli.md) and docs/kpis.md',
    () => {
      const contract = readFileSync('../shared/spec/cli.md', 'utf8');
      const documented = readFileSync('docs/kpis.md', 'utf8');
      const names = [...new Set(parseTour(doc, REFERENCES).stops.flatMap((s) => s.kpis))];
      expect(names.filter((k) => !contract.includes(`\`${k}\``))).toEqual([]);
      expect(names.filter((k) => !documented.includes(`\`${k}\``))).toEqual([]);
    },
  );
});

describe('tour documents from anywhere', () => {
  it('end in a tour or an InputError, never another error (random values in every field of a stop)', () => {
    const doc = load(SHIPPED_TOUR) as { stops: Record<string, unknown>[] };
    const fields = [
      'id',
      'camera',
      'scenario',
      'compare',
      'layers',
      'time',
      'kpis',
      'caption',
      'holdSeconds',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), fc.anything(), (field, value, whole) => {
        const mutated = structuredClone(doc);
        mutated.stops[1]![field] = value;
        for (const candidate of [mutated, whole]) {
          try {
            const tour = parseTour(candidate, REFERENCES);
            expect(tour.stops.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        }
      }),
      { seed: 15, numRuns: 400 },
    );
  });
});
