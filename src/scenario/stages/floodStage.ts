import { isCancelled } from '../../core/cancel.ts';
import { CancelledError } from '../../core/errors.ts';
import { valueAt } from '../../core/timeSeries.ts';
import { type CityFloodEvent, cityStormEvent } from '../../sim/flood/city/cityEvent.ts';
import {
  type CityFloodData,
  type CityFloodInput,
  cityFloodModel,
} from '../../sim/flood/city/cityFloodModel.ts';
import { type CityFloodTargets, cityFloodTargets } from '../../sim/flood/city/cityTargets.ts';
import { drainageLossAt, nextCanalLevel } from '../../sim/flood/city/drainage.ts';
import { cityFloodMeasures } from '../../sim/flood/city/floodKpis.ts';
import { type FloodRunner, type FloodRunnerFactory, placedRunner } from '../../sim/flood/floodRun.ts';
import { CONTROL_STEPS, CONTROL_TIME } from '../../sim/flood/floodState.ts';
import { type FloodVolume, storedVolume, volumeAccount } from '../../sim/flood/floodVolume.ts';
import { type ClockHour, MORNING_PEAK_HOUR } from '../eventClock.ts';
import type { Stage } from '../pipeline.ts';
import type { DikeEdit, PondEdit, Scenario, StormEventEdit } from '../scenario.ts';
import type { FloodStageResult } from '../stageResults.ts';

/**
 * Default cell of the headless stage, m: 80 m runs the whole city through the 24-hour 100-year
 * storm + king tide in about a minute on the 2-core build machine (docs/flood-city.md); 20 m is
 * the full terrain resolution.
 */
export const STAGE_CELL_SIZE_METRES = 80;

/** Interval at which the stage updates the drains' outfall control and samples depths, s. */
export const CONTROL_INTERVAL_SECONDS = 300;

/**
 * Interval between the depth frames the stage keeps (the flood panel's time slider), s: 30 min,
 * 49 frames over a day. A whole multiple of {@link CONTROL_INTERVAL_SECONDS}, so frames are taken
 * at the run's control pauses and keeping them changes nothing in the run.
 */
export const FRAME_INTERVAL_SECONDS = 1800;

/**
 * Most bytes of depth frames one run keeps (about 100 MB): 80 m grid (55,692 cells × 4 B × 49
 * frames over 24 h ≈ 11 MB) and 40 m (≈ 43 MB) keep every 30 min; a 24 h run at 20 m (887,167
 * cells, 3.5 MB a frame) keeps every hour (25 frames ≈ 89 MB). See {@link frameIntervalSeconds}.
 */
export const FRAME_BUDGET_BYTES = 100e6;

/**
 * The frame interval of a run on `cellCount` grid cells lasting `durationSeconds`, s: the
 * smallest whole multiple of {@link FRAME_INTERVAL_SECONDS} whose frames (t = 0, every interval,
 * and the end: ⌈duration / interval⌉ + 1 Float32 grids) fit in {@link FRAME_BUDGET_BYTES}; never
 * fewer than the two frames at the start and the end.
 */
export function frameIntervalSeconds(cellCount: number, durationSeconds: number): number {
  const frameBytes = 4 * cellCount;
  for (let multiple = 1; ; multiple++) {
    const interval = multiple * FRAME_INTERVAL_SECONDS;
    const frames = Math.ceil(durationSeconds / interval) + 1;
    if (frames * frameBytes <= FRAME_BUDGET_BYTES || interval >= durationSeconds) return interval;
  }
}

/** Options of the flood stage. */
export interface FloodStageOptions {
  /** Flood grid cell, m (20, 40 or 80; default 80). */
  cellSizeMetres?: number;
  /** Run this event instead of the scenario's (scenarioEvent). */
  event?: CityFloodEvent;
  /** The hour the traffic stage assigns (default the morning peak, 07:00–08:00). */
  assignedHour?: ClockHour;
  /**
   * Builds the flood engine of a run: which kernel on how many workers (default: the JavaScript
   * kernel on this thread; every choice gives the same depths).
   */
  runner?: FloodRunnerFactory;
}

/**
 * The stage's result: the pipeline contract (maximum depth, depth frames, closures, KPIs) plus
 * the volume account of the run.
 */
export interface CityFloodStageResult extends FloodStageResult {
  /** Largest maximum depth on land (permanent water and cells outside the city left out), m. */
  maxLandDepthMetres: number;
  volume: FloodVolume;
  /** Engine time steps taken. */
  steps: number;
  /** The flood kernel that ran them ('JavaScript', 'WebAssembly SIMD'). */
  kernel: string;
  /** Threads (workers) that shared the grid. */
  workers: number;
}

/** The edits the flood result depends on (the stage's cache key). */
export function floodInputs(scenario: Scenario): unknown {
  return scenario.edits.filter((e) => e.type === 'dike' || e.type === 'pond' || e.type === 'stormEvent');
}

/**
 * The event of a scenario: its stormEvent edit (design or series rain, tide series) or, without
 * one, the default event (cityStormEvent: DEFAULT_EVENT).
 */
export function scenarioEvent(scenario: Scenario): CityFloodEvent {
  return cityStormEvent(scenario.edits.find((e): e is StormEventEdit => e.type === 'stormEvent'));
}

/** The city flood model's input from a scenario: its event (or `event`), dikes and ponds in edit order. */
export function cityFloodInput(
  scenario: Scenario,
  event: CityFloodEvent = scenarioEvent(scenario),
): CityFloodInput {
  return {
    event,
    dikes: scenario.edits.filter((e): e is DikeEdit => e.type === 'dike'),
    ponds: scenario.edits.filter((e): e is PondEdit => e.type === 'pond'),
  };
}

/** Times at which the run pauses: every control interval, the assigned hour's ends and the event's end. */
function controlTimes(durationSeconds: number, hour: ClockHour): number[] {
  const times = new Set<number>([durationSeconds]);
  for (let t = CONTROL_INTERVAL_SECONDS; t < durationSeconds; t += CONTROL_INTERVAL_SECONDS) times.add(t);
  for (const t of [hour.startSeconds, hour.endSeconds]) if (t > 0 && t < durationSeconds) times.add(t);
  return [...times].sort((a, b) => a - b);
}

/**
 * The flood stage of the scenario pipeline (land use → flood → traffic): builds the city model
 * (cityFloodModel) with the land-use stage's imperviousness when it ran, runs the engine on this
 * thread pausing every {@link CONTROL_INTERVAL_SECONDS} to update the drains' outfall control from
 * the tide, to sample depths within the assigned hour and to keep the depth frames (every
 * {@link frameIntervalSeconds}), and measures the KPIs (cityFloodMeasures; frames add none). An
 * assigned hour after the event's end sees the water left at the end.
 */
export function createFloodStage(
  files: CityFloodData,
  options: FloodStageOptions = {},
): Stage<'flood', CityFloodStageResult> {
  const cellSizeMetres = options.cellSizeMetres ?? STAGE_CELL_SIZE_METRES;
  const assignedHour = options.assignedHour ?? MORNING_PEAK_HOUR;
  const targetsCache = new Map<unknown, CityFloodTargets>();
  return {
    id: 'flood',
    needs: ['landuse'],
    inputs: (scenario) => ({
      edits: floodInputs(scenario),
      cellSizeMetres,
      event: options.event ?? null,
      assignedHour,
    }),
    async run(context) {
      const upstream = context.upstream.landuse;
      const city = cityFloodModel(files, cityFloodInput(context.scenario, options.event), {
        cellSizeMetres,
        ...(upstream?.imperviousness ? { imperviousness: upstream.imperviousness } : {}),
      });
      const engine = (options.runner ?? placedRunner())(city.model);
      try {
        return await runCityFlood(engine);
      } finally {
        await engine.close();
      }

      /** The run on `engine`: control pauses for drainage, frames and the assigned hour, then the measures. */
      async function runCityFlood(engine: FloodRunner): Promise<CityFloodStageResult> {
        const state = engine.state;
        const initialVolume = storedVolume(state);
        const duration = city.event.durationSeconds;
        const hourMaxDepth = new Float64Array(state.depth.length);
        const sampleHour = () => {
          for (let k = 0; k < hourMaxDepth.length; k++)
            if (!state.held[k] && state.depth[k]! > hourMaxDepth[k]!) hourMaxDepth[k] = state.depth[k]!;
        };
        const inHour = (t: number) => t >= assignedHour.startSeconds && t <= assignedHour.endSeconds;
        if (inHour(0)) sampleHour();
        // depth frames at 0, every frame interval (control pauses) and the end; held cells 0
        const frameInterval = frameIntervalSeconds(state.depth.length, duration);
        const depthFramesMetres: Float32Array[] = [];
        const frameTimesSeconds: number[] = [];
        const frameTideLevelsMetres: number[] = [];
        const keepFrame = (t: number) => {
          const frame = new Float32Array(state.depth.length);
          for (let k = 0; k < frame.length; k++) if (!state.held[k]) frame[k] = state.depth[k]!;
          depthFramesMetres.push(frame);
          frameTimesSeconds.push(t);
          frameTideLevelsMetres.push(valueAt(city.event.tideLevelMetres, t));
        };
        keepFrame(0);
        const times = controlTimes(duration, assignedHour);
        const threshold = state.solver.depthThreshold;
        const rain = city.event.rainMillimetresPerHour;
        let canalLevel = valueAt(city.event.tideLevelMetres, 0);
        let lossBefore = volumeAccount(state, initialVolume).losses;
        for (const [i, t] of times.entries()) {
          if (isCancelled(context.cancelBuffer)) throw new CancelledError();
          const raining =
            rain.length > 0 && (valueAt(rain, state.control[CONTROL_TIME]!) > 0 || valueAt(rain, t) > 0);
          const drainShare = drainageLossAt(
            city.drainage,
            canalLevel,
            state.lossRate,
            (k) => raining || state.depth[k]! > threshold,
          );
          await engine.advanceTo(t);
          const losses = volumeAccount(state, initialVolume).losses;
          canalLevel = nextCanalLevel(
            canalLevel,
            valueAt(city.event.tideLevelMetres, t),
            (losses - lossBefore) * drainShare,
            city.drainage.storageAreaM2,
          );
          lossBefore = losses;
          if (inHour(t)) sampleHour();
          if ((t % frameInterval === 0 || t === duration) && t > frameTimesSeconds.at(-1)!) keepFrame(t);
          context.onProgress((i + 1) / times.length);
        }
        if (assignedHour.startSeconds >= duration) sampleHour();
        const key = upstream ?? 'dataset';
        let targets = targetsCache.get(key);
        if (!targets) {
          targets = cityFloodTargets(files, city.grid, upstream?.floorSpace);
          targetsCache.set(key, targets);
        }
        const maxDepthMetres = Float32Array.from(state.maxDepth);
        const volume = volumeAccount(state, initialVolume);
        const measures = cityFloodMeasures(
          maxDepthMetres,
          hourMaxDepth,
          city.grid,
          city.permanentWater,
          targets,
        );
        const { xllCornerMetres, yllCornerMetres, columns, rows } = city.grid;
        let maxLandDepthMetres = 0;
        for (let k = 0; k < maxDepthMetres.length; k++)
          if (!city.permanentWater[k] && !Number.isNaN(city.grid.bedMetres[k]!))
            maxLandDepthMetres = Math.max(maxLandDepthMetres, maxDepthMetres[k]!);
        return {
          impassableLinkIds: measures.impassableLinkIds,
          assignedHour,
          closedInAssignedHourLinkIds: measures.closedInHourLinkIds,
          maxDepthMetres,
          depthFramesMetres,
          frameTimesSeconds,
          frameTideLevelsMetres,
          grid: { xllCornerMetres, yllCornerMetres, cellSizeMetres, columns, rows },
          kpis: { ...measures.kpis, volumeRelativeError: volume.relativeError },
          maxLandDepthMetres,
          volume,
          steps: state.control[CONTROL_STEPS]!,
          kernel: engine.kernel,
          workers: engine.workers,
        };
      }
    },
    kpis: (result) => result.kpis,
  };
}
