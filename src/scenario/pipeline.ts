import { isCancelled } from '../core/cancel.ts';
import { CancelledError } from '../core/errors.ts';
import { hashValue } from '../core/hash.ts';
import { type Kpis, qualifyKpis } from './kpis.ts';
import type { Scenario } from './scenario.ts';
import type { FloodStageResult, LanduseStageResult, TrafficStageResult } from './stageResults.ts';

/** What each stage hands on (the pipeline contract of stageResults.ts), by stage id. */
export interface StageResults {
  landuse: LanduseStageResult;
  flood: FloodStageResult;
  traffic: TrafficStageResult;
}

/** The simulations, in the order their results feed each other. */
export const STAGE_ORDER = ['landuse', 'flood', 'traffic'] as const satisfies readonly (keyof StageResults)[];
export type StageId = (typeof STAGE_ORDER)[number];

/** What a stage receives: the scenario, the results of the stages it needs, progress and cancel. */
export interface StageContext {
  scenario: Scenario;
  /** Results of the stages in `needs` that ran (or came from the cache), typed by stage id. */
  upstream: Partial<StageResults>;
  onProgress(fractionDone: number): void;
  cancelBuffer?: SharedArrayBuffer;
}

/**
 * One simulation of the scenario pipeline (land use → flood → traffic):
 * `inputs` picks the parts of the scenario that change its result (the cache key),
 * `needs` the stages whose results it reads. Its result is the contract of its id
 * (StageResults) or a richer type extending it.
 */
export interface Stage<Id extends StageId = StageId, Result extends StageResults[Id] = StageResults[Id]> {
  id: Id;
  needs: readonly StageId[];
  /** Whether the scenario calls for this stage at all (default: always). */
  appliesTo?(scenario: Scenario): boolean;
  inputs(scenario: Scenario): unknown;
  run(context: StageContext): Promise<Result>;
  kpis(result: Result): Kpis;
}

/** Cached results by input hash (a Map in memory; any store with get/set works). */
export interface ResultCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** What running a scenario returns. */
export interface ScenarioRun {
  kpis: Kpis;
  results: Partial<StageResults>;
  /** Input hash per stage that ran (or came from the cache). */
  keys: Partial<Record<StageId, string>>;
  /** Stages served from the cache. */
  cached: StageId[];
}

/**
 * Runs the stages a scenario needs in dependency order, reusing cached results whose inputs
 * (own inputs and upstream keys) have not changed, so an unchanged scenario never re-runs.
 * `only` restricts the stages; a stage whose upstream is excluded runs on the base data.
 */
export async function runScenario(
  scenario: Scenario,
  stages: readonly Stage[],
  options: {
    cache?: ResultCache;
    only?: readonly StageId[];
    onStageProgress?: (stage: StageId, fractionDone: number) => void;
    cancelBuffer?: SharedArrayBuffer;
  } = {},
): Promise<ScenarioRun> {
  const run: ScenarioRun = { kpis: {}, results: {}, keys: {}, cached: [] };
  const selected = STAGE_ORDER.filter((id) => !options.only || options.only.includes(id));
  for (const id of selected) {
    const stage = stages.find((s) => s.id === id);
    if (!stage || (stage.appliesTo && !stage.appliesTo(scenario))) continue;
    if (isCancelled(options.cancelBuffer)) throw new CancelledError();
    const upstream: Partial<StageResults> = {};
    const upstreamKeys: Partial<Record<StageId, string>> = {};
    for (const need of stage.needs) {
      if (run.results[need] !== undefined) {
        copyResult(upstream, run.results, need);
        upstreamKeys[need] = run.keys[need] ?? '';
      }
    }
    const key = `${id}:${hashValue({ inputs: stage.inputs(scenario), upstream: upstreamKeys })}`;
    // the cache stores what this stage returned under this key
    let result = options.cache?.get(key) as StageResults[StageId] | undefined;
    if (result === undefined) {
      const context: StageContext = {
        scenario,
        upstream,
        onProgress: (f) => options.onStageProgress?.(id, f),
        ...(options.cancelBuffer ? { cancelBuffer: options.cancelBuffer } : {}),
      };
      result = await stage.run(context);
      options.cache?.set(key, result);
    } else {
      run.cached.push(id);
      options.onStageProgress?.(id, 1);
    }
    setResult(run.results, id, result);
    run.keys[id] = key;
    Object.assign(run.kpis, qualifyKpis(id, stage.kpis(result)));
  }
  return run;
}

function copyResult<Id extends StageId>(
  to: Partial<StageResults>,
  from: Partial<StageResults>,
  id: Id,
): void {
  to[id] = from[id];
}

function setResult<Id extends StageId>(to: Partial<StageResults>, id: Id, result: StageResults[Id]): void {
  to[id] = result;
}
