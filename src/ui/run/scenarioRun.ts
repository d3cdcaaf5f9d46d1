import { proxy } from 'comlink';
import { type CancelToken, createCancelToken } from '../../core/cancel.ts';
import { STAGE_ORDER, type StageId } from '../../scenario/pipeline.ts';
import { type RunOptions, runKey, scenarioFingerprint } from '../../scenario/runOptions.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { AppStore, RunRecord } from '../../state/appStore.ts';
import { putRunViews } from './runViews.ts';
import { datasetUrl, scenarioWorker } from './scenarioWorker.ts';

/** Id of the scenario run in the app store's `runs` (progress bar, status bar). */
export const SCENARIO_RUN_ID = 'scenario';

/** The stages a scenario calls for (the flood stage only with a storm event; cityStages). */
export function stagesOf(scenario: Scenario): StageId[] {
  const storm = scenario.edits.some((e) => e.type === 'stormEvent');
  return STAGE_ORDER.filter((id) => id !== 'flood' || storm);
}

let current: { token: CancelToken; done: Promise<unknown> } | undefined;
let serial = 0;

/**
 * Runs `scenario` with `options` (default: the store's run options) through the scenario
 * pipeline in the scenario worker: the app's one run path. Progress per stage goes to the app
 * store (`runs.scenario`); the run's KPIs to `runRecords` and its layers and panel views to the
 * run view store, both keyed by scenario id + run options, each replacing the earlier run of that
 * key whole. A run started while another is in flight cancels it first. Resolves to the record,
 * or undefined when cancelled or failed (the store says which).
 */
export async function runScenarioInWorker(
  store: AppStore,
  scenario: Scenario,
  options: RunOptions = store.getState().runOptions,
): Promise<RunRecord | undefined> {
  if (current) {
    current.token.cancel();
    await current.done.catch(() => undefined);
  }
  const token = createCancelToken();
  const key = runKey(scenario.id, options);
  const id = { runKey: key, serial: ++serial };
  const stages: Partial<Record<StageId, number>> = Object.fromEntries(stagesOf(scenario).map((s) => [s, 0]));
  const overall = () => {
    const values = Object.values(stages);
    return values.reduce((sum, v) => sum + (v ?? 0), 0) / Math.max(1, values.length);
  };
  const { setRun } = store.getState();
  setRun(SCENARIO_RUN_ID, { progress: 0, status: 'running', stages: { ...stages }, ...id });
  const startedMs = performance.now();
  const done = scenarioWorker().run(
    datasetUrl(),
    scenario,
    options,
    proxy((stage: StageId, fraction: number) => {
      if (current?.token !== token) return;
      stages[stage] = fraction;
      setRun(SCENARIO_RUN_ID, { progress: overall(), status: 'running', stages: { ...stages }, ...id });
    }),
    token.buffer,
  );
  current = { token, done };
  try {
    const summary = await done;
    const record: RunRecord = {
      scenarioId: summary.scenarioId,
      options: summary.options,
      kpis: summary.kpis,
      stages: summary.stages,
      cached: summary.cached,
      fingerprint: scenarioFingerprint(scenario),
      seconds: (performance.now() - startedMs) / 1000,
    };
    putRunViews(store, key, { layers: summary.layers, views: summary.views });
    store.getState().putRunRecord(record);
    for (const stage of summary.stages) stages[stage] = 1;
    setRun(SCENARIO_RUN_ID, { progress: 1, status: 'done', stages: { ...stages }, ...id });
    return record;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setRun(
      SCENARIO_RUN_ID,
      message === 'cancelled'
        ? { progress: 0, status: 'cancelled', ...id }
        : { progress: 0, status: 'failed', message, ...id },
    );
    return undefined;
  } finally {
    if (current?.token === token) current = undefined;
  }
}

/** Cancels the scenario run in flight, if any (the worker stops at its next check). */
export function cancelScenarioRun(): void {
  current?.token.cancel();
}
