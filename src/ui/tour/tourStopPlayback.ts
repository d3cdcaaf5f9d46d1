import { runKey, scenarioFingerprint } from '../../scenario/runOptions.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { TourStop } from '../../scenario/tour.ts';
import { framesOfTime, stopScenarioIds } from '../../scenario/tourPlayback.ts';
import type { AppStore } from '../../state/appStore.ts';
import { floodPlayer } from '../../state/floodPlayerStore.ts';
import { MAP_LAYERS } from '../layers/mapLayerList.ts';
import { runViews } from '../run/runViews.ts';
import { cancelScenarioRun, runScenarioInWorker } from '../run/scenarioRun.ts';

/** Seconds between flood frames while a stop plays its time span. */
export const FLOOD_FRAME_SECONDS = 0.4;

/** How far a stop's playback got. */
export type StopPhase = 'running' | 'ready' | 'failed';

/**
 * Shows a tour stop: applies its layers and compare pair, flies the camera to its view, runs its
 * scenario(s) through the app's one run path (the scenario worker; a run of the same scenario and
 * options already made this session is reused), then shows its flood moment or plays its flood
 * time span. `onPhase` follows the progress; the returned function stops the playback and
 * cancels the stop's run if it is still in flight (the presenter moved on).
 */
export function playStop(
  store: AppStore,
  stop: TourStop,
  scenarios: ReadonlyMap<string, Scenario>,
  onPhase: (phase: StopPhase) => void,
): () => void {
  let stopped = false;
  let running = true;
  let timer: ReturnType<typeof setInterval> | undefined;
  const app = store.getState();
  for (const [id, visible] of Object.entries(stop.layers)) {
    const shownByDefault = !MAP_LAYERS.find((l) => l.id === id)?.hiddenByDefault;
    if ((app.layerVisible[id] ?? shownByDefault) !== visible) app.toggleLayer(id, shownByDefault);
  }
  if (stop.compare) app.setCompare(stop.compare.mode, [stop.compare.a, stop.compare.b]);
  app.flyToView(stop.camera);
  floodPlayer.getState().showMaximum();
  onPhase('running');

  const run = async () => {
    await runScenarios();
    running = false;
  };
  const runScenarios = async () => {
    for (const id of stopScenarioIds(stop)) {
      const scenario = scenarios.get(id);
      if (stopped || !scenario) return;
      const record = store.getState().runRecords[runKey(id, store.getState().runOptions)];
      if (record?.fingerprint === scenarioFingerprint(scenario)) continue;
      if (!(await runScenarioInWorker(store, scenario))) {
        if (!stopped) onPhase('failed');
        return;
      }
    }
    if (stopped) return;
    onPhase('ready');
    const first = stopScenarioIds(stop)[0];
    const times = first
      ? runViews(runKey(first, store.getState().runOptions))?.layers.flood?.frames.timesSeconds
      : undefined;
    const frames = stop.time && times ? framesOfTime(stop.time, times) : [];
    if (frames.length === 0) return;
    let shown = 0;
    floodPlayer.getState().showFrame(frames[0]!);
    timer = setInterval(() => {
      shown += 1;
      if (shown < frames.length) floodPlayer.getState().showFrame(frames[shown]!);
      else clearInterval(timer);
    }, FLOOD_FRAME_SECONDS * 1000);
  };
  void run();
  return () => {
    stopped = true;
    if (running) cancelScenarioRun();
    clearInterval(timer);
  };
}
