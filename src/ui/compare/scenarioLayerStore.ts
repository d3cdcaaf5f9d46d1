import type { ScenarioLayers } from '../../scenario/differenceLayers.ts';
import type { AppStore } from '../../state/appStore.ts';

/**
 * The latest map layers of each scenario run in this session, by scenario id. Kept outside the
 * app store (big typed arrays, never persisted); `scenarioLayersVersion` in the app store is
 * bumped on every change so views re-read them.
 */
const layersByScenario = new Map<string, ScenarioLayers>();

/** Stores a run's layers in place of the scenario's earlier ones. */
export function putScenarioLayers(store: AppStore | null, scenarioId: string, layers: ScenarioLayers): void {
  layersByScenario.set(scenarioId, layers);
  store?.getState().bumpScenarioLayers();
}

/** The latest layers of a scenario run in this session, or undefined before its first run. */
export function scenarioLayers(scenarioId: string): ScenarioLayers | undefined {
  return layersByScenario.get(scenarioId);
}
