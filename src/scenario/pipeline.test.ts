import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../core/cancel.ts';
import { compareKpis, kpiDeltasCsv, kpisByStage } from './kpis.ts';
import { runScenario, type Stage, type StageId, type StageResults } from './pipeline.ts';
import type { Scenario } from './scenario.ts';

const baseline: Scenario = {
  format: 'twin-scenario/1',
  id: 'b',
  name: { vi: 'b', en: 'b' },
  base: null,
  year: 2025,
  edits: [],
};
const withPond: Scenario = {
  ...baseline,
  id: 'p',
  edits: [
    {
      type: 'pond',
      id: 'p1',
      polygon: [
        [106.7, 10.8],
        [106.71, 10.8],
        [106.71, 10.81],
      ],
      depthMetres: 3,
    },
  ],
};

/** The fake stages' results: only the numbers this test reads (the pipeline hands results on untouched). */
type Fake = Record<string, number>;
const fake = (value: Fake) => value as unknown as StageResults[StageId];
const read = (value: unknown) => value as Fake | undefined;

/**
 * Three small stages with real arithmetic: land use counts zoning edits, flood volume falls by
 * pond depth and rises with imperviousness, traffic delay grows with flooded share.
 */
function stages(log: string[]): Stage[] {
  return [
    {
      id: 'traffic',
      needs: ['landuse', 'flood'],
      inputs: (s) => s.edits.filter((e) => e.type === 'roadClosure'),
      run: async ({ upstream }) => {
        log.push('traffic');
        const flood = read(upstream.flood)?.floodedShare ?? 0;
        return fake({ vht: 1000 * (1 + flood) });
      },
      kpis: (r) => ({ vehicleHoursTravelled: read(r)!.vht! }),
    },
    {
      id: 'landuse',
      needs: [],
      inputs: (s) => s.edits.filter((e) => e.type === 'zoning'),
      run: async () => {
        log.push('landuse');
        return fake({ imperviousShare: 0.5 });
      },
      kpis: (r) => ({ imperviousShare: read(r)!.imperviousShare! }),
    },
    {
      id: 'flood',
      needs: ['landuse'],
      inputs: (s) => s.edits.filter((e) => e.type === 'pond' || e.type === 'dike'),
      run: async ({ scenario, upstream }) => {
        log.push('flood');
        const pondDepth = scenario.edits.reduce((d, e) => d + (e.type === 'pond' ? e.depthMetres : 0), 0);
        const impervious = read(upstream.landuse)?.imperviousShare ?? 0;
        return fake({ floodedShare: Math.max(0, 0.2 + 0.2 * impervious - 0.05 * pondDepth) });
      },
      kpis: (r) => ({ floodedAreaKm2: 211.8 * read(r)!.floodedShare! }),
    },
  ];
}

describe('scenario pipeline', () => {
  it('runs land use → flood → traffic in dependency order, whatever the stage list order', async () => {
    const log: string[] = [];
    const run = await runScenario(baseline, stages(log));
    expect(log).toEqual(['landuse', 'flood', 'traffic']);
    expect(run.kpis['flood.floodedAreaKm2']).toBeCloseTo(211.8 * 0.3, 10);
    expect(run.kpis['traffic.vehicleHoursTravelled']).toBeCloseTo(1300, 10);
  });

  it('serves an unchanged scenario from the cache and re-runs only what an edit affects', async () => {
    const log: string[] = [];
    const cache = new Map<string, unknown>();
    await runScenario(baseline, stages(log), { cache });
    const again = await runScenario(baseline, stages(log), { cache });
    expect(log).toEqual(['landuse', 'flood', 'traffic']);
    expect(again.cached).toEqual(['landuse', 'flood', 'traffic']);
    log.length = 0;
    const pond = await runScenario(withPond, stages(log), { cache });
    expect(log).toEqual(['flood', 'traffic']); // land use unchanged; flood input changed; traffic reads flood
    expect(pond.cached).toEqual(['landuse']);
    expect(pond.kpis['flood.floodedAreaKm2']).toBeCloseTo(211.8 * 0.15, 10);
  });

  it('skips a stage the scenario does not call for, downstream runs on base data', async () => {
    const log: string[] = [];
    const withApplies = stages(log).map((s) =>
      s.id === 'flood' ? { ...s, appliesTo: (sc: Scenario) => sc.edits.some((e) => e.type === 'pond') } : s,
    );
    const base = await runScenario(baseline, withApplies);
    expect(log).toEqual(['landuse', 'traffic']);
    expect(base.kpis['flood.floodedAreaKm2']).toBeUndefined();
    expect(base.kpis['traffic.vehicleHoursTravelled']).toBeCloseTo(1000, 10);
    log.length = 0;
    await runScenario(withPond, withApplies);
    expect(log).toEqual(['landuse', 'flood', 'traffic']);
  });

  it('restricts to --only stages and stops when cancelled', async () => {
    const log: string[] = [];
    const run = await runScenario(baseline, stages(log), { only: ['flood'] });
    expect(log).toEqual(['flood']);
    expect(run.kpis['flood.floodedAreaKm2']).toBeCloseTo(211.8 * 0.2, 10); // no land-use upstream: base imperviousness 0
    const token = createCancelToken();
    token.cancel();
    await expect(runScenario(baseline, stages([]), { cancelBuffer: token.buffer })).rejects.toThrow(
      /cancelled/,
    );
  });

  it('prefixes each stage’s KPI names with its id, so no stage overwrites another’s', async () => {
    const run = await runScenario(baseline, stages([]));
    expect(Object.keys(run.kpis).sort()).toEqual([
      'flood.floodedAreaKm2',
      'landuse.imperviousShare',
      'traffic.vehicleHoursTravelled',
    ]);
  });

  it('compares KPIs with absolute and relative deltas and exports CSV with qualified names and units', () => {
    const deltas = compareKpis(
      { 'flood.floodedAreaKm2': 40, 'landuse.jobs': 0 },
      { 'flood.floodedAreaKm2': 30, 'landuse.jobs': 5, 'landuse.residents': 9 },
    );
    expect(deltas['flood.floodedAreaKm2']).toEqual({ a: 40, b: 30, absolute: -10, relative: -0.25 });
    expect(deltas['landuse.jobs']).toEqual({ a: 0, b: 5, absolute: 5, relative: null });
    expect(deltas['landuse.residents']).toEqual({ a: null, b: 9, absolute: null, relative: null });
    expect(kpiDeltasCsv(deltas)).toBe(
      'kpi,unit,a,b,absolute,relative\n' +
        'landuse.residents,người,,9,,\n' +
        'landuse.jobs,việc làm,0,5,5,\n' +
        'flood.floodedAreaKm2,km²,40,30,-10,-0.25\n',
    );
  });

  it('groups KPI names by stage, the ranking traffic figure first', () => {
    const groups = kpisByStage([
      'traffic.vehicleHoursTravelled',
      'traffic.travelTimeBurdenHours',
      'flood.floodedAreaKm2',
      'traffic.somethingNew',
      'landuse.residents',
      'custom.x',
    ]);
    expect(groups).toEqual([
      { stage: 'landuse', keys: ['landuse.residents'] },
      { stage: 'flood', keys: ['flood.floodedAreaKm2'] },
      {
        stage: 'traffic',
        keys: ['traffic.travelTimeBurdenHours', 'traffic.vehicleHoursTravelled', 'traffic.somethingNew'],
      },
      { stage: 'other', keys: ['custom.x'] },
    ]);
  });
});
