import type { ScenarioLayers } from '../../scenario/differenceLayers.ts';
import type { ScenarioRunViews } from '../../scenario/scenarioApi.ts';
import type { AppStore } from '../../state/appStore.ts';

/** The big results of one run: comparison layers and what the panels draw (typed arrays). */
export interface RunViews {
  layers: ScenarioLayers;
  views: ScenarioRunViews;
}

/**
 * The latest run views of each scenario and run options in this session, by `runKey`. Kept
 * outside the app store (big typed arrays, never persisted); `runViewsVersion` in the app store
 * is bumped on every change so views re-read them.
 */
const viewsByRun = new Map<string, RunViews>();

/** Stores a run's views in place of the earlier run of the same scenario and options. */
export function putRunViews(store: AppStore | null, key: string, views: RunViews): void {
  viewsByRun.set(key, views);
  store?.getState().bumpRunViews();
}

/** The views of the latest run with `key` in this session, or undefined before it. */
export function runViews(key: string): RunViews | undefined {
  return viewsByRun.get(key);
}
