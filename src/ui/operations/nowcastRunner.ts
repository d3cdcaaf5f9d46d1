/**
 * The operations view's flood nowcast (issue 14, item 6): watches the live river level and rain,
 * and when the trigger's schedule (nowcastTriggerReport: the first data time the river reaches
 * alarm I or a gauge 50 mm in 3 h, then every 30 min of data time while it holds) names a run
 * time not run yet, reads that time's observations and runs the nowcast, with progress and
 * cancel. The view passes the service reader (the one `twin nowcast --sta` uses) and the
 * scenario worker's `nowcast()` (OperationsView.tsx); tests pass stubs.
 */
import { type CancelToken, createCancelToken } from '../../core/cancel.ts';
import type { NowcastObservations } from '../../sensors/nowcast.ts';
import { nowcastTriggerReport } from '../../sensors/nowcast.ts';
import type { NumericObservation } from '../../sensors/sensorThingsClient.ts';
import type { NowcastResult } from '../../scenario/nowcastRun.ts';
import type { StageId } from '../../scenario/pipeline.ts';
import type { FollowedStream } from './operationsData.ts';

/** How the runner reads a run's observations and runs it. */
export interface NowcastBackend {
  /** The observations of the 24 h up to `atMs` (from the service). */
  read(atMs: number): Promise<NowcastObservations>;
  /** Runs the nowcast (runNowcast, in the scenario worker); rejects with "cancelled" when cancelled. */
  run(
    observations: NowcastObservations,
    atMs: number,
    onProgress: (stage: StageId, fraction: number) => void,
    cancelBuffer: SharedArrayBuffer,
  ): Promise<NowcastResult>;
}

/** Where the nowcast stands. */
export interface NowcastState {
  /** `waiting`: no run called for yet; `running`; `done` (the result is the latest); `cancelled`; `failed`. */
  status: 'waiting' | 'running' | 'done' | 'cancelled' | 'failed';
  /** Data time of the run in flight or of the latest result, ms. */
  atMs?: number;
  /** Fraction done per stage, 0..1, while running. */
  stages?: Partial<Record<StageId, number>>;
  /** The latest finished nowcast (kept while the next one runs). */
  result?: NowcastResult;
  /** Why the latest run failed. */
  message?: string;
}

/** The nowcast's observations from the feed's buffers (river with its tide model, rain gauges). */
export function feedNowcastObservations(
  streams: readonly FollowedStream[],
  observations: (id: number) => readonly NumericObservation[],
): NowcastObservations | undefined {
  const river = streams.find((s) => s.kind === 'river' && s.tideModel !== undefined);
  if (river?.tideModel === undefined) return undefined;
  return {
    river: {
      observations: observations(river.id),
      alarmLevelsMetres: river.alarmLevelsMetres ?? {},
      tideModel: river.tideModel,
    },
    rainGauges: streams
      .filter((s) => s.kind === 'rain')
      .map((s) => ({ name: s.thingName, observations: observations(s.id) })),
  };
}

/** The latest phenomenon time among the nowcast's observations, ms (undefined without any). */
function latestDataTimeMs(observations: NowcastObservations): number | undefined {
  const latest = [observations.river.observations, ...observations.rainGauges.map((g) => g.observations)]
    .map((list) => list.at(-1)?.phenomenonTimeMs ?? Number.NEGATIVE_INFINITY)
    .reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return Number.isFinite(latest) ? latest : undefined;
}

/** The nowcast of one operations view; `observe` on every feed change, `dispose` when the view goes. */
export interface NowcastRunner {
  /** Checks the trigger's schedule on the feed's latest data; starts a run when one is due. */
  observe(observations: NowcastObservations | undefined): void;
  /** Cancels the run in flight (the next scheduled time starts a new one). */
  cancel(): void;
  state(): NowcastState;
  dispose(): void;
}

/** Creates a nowcast runner on `backend`; `changed` is called on every state change. */
export function createNowcastRunner(
  backend: NowcastBackend,
  changed: (state: NowcastState) => void,
): NowcastRunner {
  let state: NowcastState = { status: 'waiting' };
  let checkedDataTimeMs: number | undefined;
  /** The latest scheduled run time seen, and the latest one started. */
  let dueAtMs: number | undefined;
  let startedAtMs: number | undefined;
  let current: CancelToken | undefined;
  let disposed = false;
  const set = (next: NowcastState) => {
    state = next;
    if (!disposed) changed(state);
  };

  const start = async (atMs: number) => {
    startedAtMs = atMs;
    const token = createCancelToken();
    current = token;
    const stages: Partial<Record<StageId, number>> = { flood: 0, traffic: 0 };
    set({ ...state, status: 'running', atMs, stages: { ...stages } });
    try {
      const observations = await backend.read(atMs);
      const result = await backend.run(
        observations,
        atMs,
        (stage, fraction) => {
          if (current !== token) return;
          stages[stage] = fraction;
          set({ ...state, stages: { ...stages } });
        },
        token.buffer,
      );
      if (current === token) set({ status: 'done', atMs, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (current === token)
        set({
          ...state,
          status: message === 'cancelled' ? 'cancelled' : 'failed',
          stages: {},
          ...(message === 'cancelled' ? {} : { message }),
        });
    } finally {
      if (current === token) current = undefined;
    }
    if (!disposed && dueAtMs !== undefined && dueAtMs > atMs) void start(dueAtMs);
  };

  return {
    observe(observations) {
      if (observations === undefined) return;
      const dataTimeMs = latestDataTimeMs(observations);
      if (dataTimeMs === undefined || dataTimeMs === checkedDataTimeMs) return;
      checkedDataTimeMs = dataTimeMs;
      const scheduled = nowcastTriggerReport(observations, dataTimeMs).latestScheduledRun;
      if (scheduled === null) return;
      dueAtMs = Date.parse(scheduled);
      if (current === undefined && (startedAtMs === undefined || dueAtMs > startedAtMs)) void start(dueAtMs);
    },
    cancel() {
      current?.cancel();
    },
    state: () => state,
    dispose() {
      disposed = true;
      current?.cancel();
    },
  };
}
