/**
 * State of the zoning editor shared by its panel (DOM) and its map layers (canvas): the city's
 * parcels, the tool, the selection, the polygon being drawn, the last land-use run and the
 * growth year shown. One land-use worker per page (workers/landuseCity.worker.ts).
 */
import { proxy, type Remote, wrap } from 'comlink';
import { createStore } from 'zustand/vanilla';
import { type CancelToken, createCancelToken } from '../../core/cancel.ts';
import type { CityLanduseApi, LanduseView, ParcelOutlines } from '../../sim/landuse/city/cityLanduseApi.ts';
import type { Kpis } from '../../scenario/kpis.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { DATASET_URL } from '../city/cityDataset.ts';

/** Editor tool: none, click parcels, or draw a polygon. */
export type ZoningTool = 'none' | 'select' | 'draw';

/** The editor's state. */
export interface LanduseUiState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error?: string;
  outlines?: ParcelOutlines;
  tool: ZoningTool;
  /** Selected parcel indices (into outlines). */
  selection: number[];
  /** Vertices of the polygon being drawn, scene metres. */
  drawing: Array<[number, number]>;
  /** The finished polygon, scene metres. */
  polygon: Array<[number, number]> | undefined;
  baselineKpis?: Kpis;
  view?: LanduseView;
  /** Scenario id and edit key of `view`. */
  viewKey?: string;
  running: boolean;
  progress: number;
  /** Wall time of the last run, ms. */
  lastRunMs?: number;
  growthYear: number;
}

export const landuseUi = createStore<LanduseUiState>(() => ({
  status: 'idle',
  tool: 'none',
  selection: [],
  drawing: [],
  polygon: undefined,
  running: false,
  progress: 0,
  growthYear: 2045,
}));

let api: Remote<CityLanduseApi> | undefined;
let current: CancelToken | undefined;

function baselineOf(scenario: Scenario): Scenario {
  return { ...scenario, id: `${scenario.id}-landuse-baseline`, edits: [] };
}

/** Starts the worker, builds the city's parcels and the baseline KPIs (once per page). */
export async function prepareLanduse(template: Scenario): Promise<void> {
  if (landuseUi.getState().status !== 'idle') return;
  landuseUi.setState({ status: 'loading' });
  try {
    const worker = new Worker(new URL('../../../workers/landuseCity.worker.ts', import.meta.url), {
      type: 'module',
    });
    // a worker that fails to load (or dies) never answers: turn its error event into a failure
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (event) =>
        reject(new Error(event.message || 'land-use worker failed')),
      ),
    );
    api = wrap<CityLanduseApi>(worker);
    const outlines = await Promise.race([
      api.prepare(new URL(DATASET_URL, window.location.href).href),
      failed,
    ]);
    const baseline = await Promise.race([
      api.run(
        baselineOf(template),
        proxy(() => {}),
      ),
      failed,
    ]);
    landuseUi.setState({ status: 'ready', outlines, baselineKpis: baseline.kpis });
  } catch (error) {
    landuseUi.setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/** The edits the land-use run depends on, as a key. */
export function landuseKey(scenario: Scenario): string {
  return `${scenario.id}:${JSON.stringify(scenario.edits.filter((e) => e.type === 'zoning' || e.type === 'growth'))}`;
}

/**
 * Runs the land-use stage for the scenario in the worker (a newer run cancels an older one);
 * resolves to the KPIs, or undefined when cancelled or failed.
 */
export async function runLanduse(scenario: Scenario): Promise<Kpis | undefined> {
  if (!api || landuseUi.getState().status !== 'ready') return undefined;
  current?.cancel();
  const token = createCancelToken();
  current = token;
  const started = performance.now();
  landuseUi.setState({ running: true, progress: 0 });
  try {
    const view = await api.run(
      scenario,
      proxy((progress: number) => {
        if (current === token) landuseUi.setState({ progress });
      }),
      token.buffer,
    );
    if (current !== token) return undefined;
    landuseUi.setState({
      view,
      viewKey: landuseKey(scenario),
      running: false,
      progress: 1,
      lastRunMs: performance.now() - started,
    });
    return view.kpis;
  } catch (error) {
    if (current === token) {
      const message = error instanceof Error ? error.message : String(error);
      landuseUi.setState({ running: false, ...(message === 'cancelled' ? {} : { error: message }) });
    }
    return undefined;
  }
}

/** Cancels the running land-use run, if any. */
export function cancelLanduse(): void {
  current?.cancel();
  current = undefined;
  landuseUi.setState({ running: false, progress: 0 });
}
