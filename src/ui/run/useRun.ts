import { useContext } from 'react';
import { runKey, scenarioFingerprint } from '../../scenario/runOptions.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { RunRecord, RunState } from '../../state/appStore.ts';
import { StoreContext, useApp, useScenarioStore, useScenarios } from '../context.tsx';
import { type RunViews, runViews } from './runViews.ts';
import { runScenarioInWorker, SCENARIO_RUN_ID } from './scenarioRun.ts';

/** A scenario's latest run with the current run options, as the panels show it. */
export interface ShownRun {
  /** `runKey` of the scenario and the current run options. */
  key: string;
  record: RunRecord | undefined;
  views: RunViews | undefined;
  /** The run was made from an earlier version of the scenario (edited since). */
  stale: boolean;
}

/** The latest run of scenario `scenarioId` with the current run options (re-read when a run ends). */
export function useRunOf(scenarioId: string | undefined | null): ShownRun | undefined {
  const options = useApp((s) => s.runOptions);
  const key = scenarioId ? runKey(scenarioId, options) : '';
  const record = useApp((s) => (key ? s.runRecords[key] : undefined));
  useApp((s) => s.runViewsVersion);
  const scenario = useScenarios((s) => (scenarioId ? s.scenarios[scenarioId] : undefined));
  if (!scenarioId) return undefined;
  return {
    key,
    record,
    views: runViews(key),
    stale:
      record !== undefined && scenario !== undefined && record.fingerprint !== scenarioFingerprint(scenario),
  };
}

/** The current scenario's latest run with the current run options. */
export function useCurrentRun(): ShownRun | undefined {
  const id = useScenarios((s) => s.currentId);
  return useRunOf(id);
}

/** The scenario run in flight or last finished (progress per stage, status). */
export function useScenarioRunState(): RunState | undefined {
  return useApp((s) => s.runs[SCENARIO_RUN_ID]);
}

/** Starts a run of the current scenario (as it is in the store now) with the current run options. */
export function useStartRun(): (scenario?: Scenario) => Promise<RunRecord | undefined> {
  const store = useContext(StoreContext);
  const scenarios = useScenarioStore();
  return async (scenario) => {
    const state = scenarios.getState();
    const target = scenario ?? state.scenarios[state.currentId];
    if (!store || !target) return undefined;
    return runScenarioInWorker(store, target);
  };
}
