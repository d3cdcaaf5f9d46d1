import { transfer } from 'comlink';
import { isCancelled } from '../../core/cancel.ts';
import { CancelledError, InputError } from '../../core/errors.ts';
import {
  type GridLink,
  floodedAreaSquareMetres,
  impassableLinks,
  PASSABLE_DEPTH_METRES,
} from './floodMetrics.ts';
import type { FloodModelInput } from './floodInput.ts';
import { floodRunner, type RowWorkerPort } from './floodPool.ts';
import { placedRunner } from './floodRun.ts';
import { floodSnapshot } from './floodSimulation.ts';
import { CONTROL_STEPS, type FloodState } from './floodState.ts';
import { type FloodVolume, storedVolume, volumeAccount } from './floodVolume.ts';

/** Progress callback: fraction of simulated time done, in [0, 1]. */
export type FloodProgress = (fractionDone: number) => void;

/** What the app asks the flood worker to run. */
export interface FloodRunRequest {
  /** Terrain, roughness, forcing and boundaries (grids row 0 north). */
  model: FloodModelInput;
  /** Simulated duration, s. */
  durationSeconds: number;
  /** Seconds between depth snapshots for animation (t = 0 excluded, the end included); absent = none. */
  snapshotIntervalSeconds?: number;
  /** Road links in grid coordinates (see floodMetrics) to test for passability. */
  roadLinks?: GridLink[];
  /** Depth above which a link is impassable, m (default 0.3). */
  passableDepthMetres?: number;
  /** Depth above which a cell counts as flooded for the area KPI, m (default 0.1). */
  floodedDepthMetres?: number;
  /**
   * Row workers to use (default 1 = this worker). More needs a `spawnRowWorker` given to
   * createFloodApi and SharedArrayBuffer (a cross-origin-isolated page); otherwise one is used.
   * Results are identical for any count.
   */
  threads?: number;
}

/** One animation frame. */
export interface FloodFrame {
  timeSeconds: number;
  /** Depth per cell, m (Float32, row 0 north). */
  depthMetres: Float32Array;
}

/** The flood worker's answer; every typed array is transferred, not copied. */
export interface FloodRunResult {
  columns: number;
  rows: number;
  /** Maximum depth over the event, m. */
  maxDepthMetres: Float32Array;
  /** Depth at the end, m. */
  finalDepthMetres: Float32Array;
  /** Time each cell first got wet, s (-1 = never). */
  firstWetSeconds: Float32Array;
  /** Velocity east / north at the end, m/s. */
  velocityEastMetresPerSecond: Float32Array;
  velocityNorthMetresPerSecond: Float32Array;
  frames: FloodFrame[];
  volume: FloodVolume;
  /** Links deeper than the passable depth at some time, with that depth (m). */
  impassableLinks: Array<{ id: string; maxDepthMetres: number }>;
  /** Area that was deeper than `floodedDepthMetres` at some time, m². */
  floodedAreaSquareMetres: number;
  steps: number;
}

/**
 * The flood run API, a worker protocol (the app runs floods through the scenario pipeline; the
 * CLI's threaded tests use this one with Node row workers). `cancelBuffer` comes from
 * core/cancel's createCancelToken(); it is polled between chunks of at most 1 % of the run.
 * `spawnRowWorker` (optional) starts one row worker for multi-worker runs.
 */
export function createFloodApi(spawnRowWorker?: () => RowWorkerPort) {
  return {
    async run(request: FloodRunRequest, onProgress: FloodProgress, cancelBuffer?: SharedArrayBuffer) {
      const { durationSeconds, snapshotIntervalSeconds: every } = request;
      if (!(durationSeconds > 0))
        throw new InputError([{ path: 'durationSeconds', message: 'must be a positive number of seconds' }]);
      if (every !== undefined && !(every > 0))
        throw new InputError([{ path: 'snapshotIntervalSeconds', message: 'must be positive' }]);
      const engine = createEngine(request, spawnRowWorker);
      try {
        const state = engine.state;
        const initialVolume = storedVolume(state);
        const frames: FloodFrame[] = [];
        const chunk = Math.min(every ?? durationSeconds, durationSeconds / 100);
        let nextFrame = every ?? Number.POSITIVE_INFINITY;
        let time = 0;
        while (time < durationSeconds) {
          time = Math.min(durationSeconds, nextFrame, time + chunk);
          await engine.advanceTo(time);
          if (time >= nextFrame) {
            frames.push({ timeSeconds: time, depthMetres: Float32Array.from(state.depth) });
            nextFrame += every ?? 0;
          }
          if (isCancelled(cancelBuffer)) throw new CancelledError();
          await onProgress(time / durationSeconds);
        }
        return transferResult(request, state, frames, volumeAccount(state, initialVolume));
      } finally {
        await engine.close();
      }
    },
  };
}

/** One thread here, or `request.threads` row workers when they can share memory (the JavaScript kernel). */
function createEngine(request: FloodRunRequest, spawnRowWorker: (() => RowWorkerPort) | undefined) {
  if (!spawnRowWorker) return placedRunner()(request.model);
  return floodRunner(request.model, { workers: request.threads ?? 1, spawnRowWorker });
}

function transferResult(
  request: FloodRunRequest,
  state: FloodState,
  frames: FloodFrame[],
  volume: FloodVolume,
) {
  const snapshot = floodSnapshot(state);
  const grid = { columns: snapshot.columns, rows: snapshot.rows, depthMetres: snapshot.maxDepthMetres };
  const result: FloodRunResult = {
    columns: snapshot.columns,
    rows: snapshot.rows,
    maxDepthMetres: snapshot.maxDepthMetres,
    finalDepthMetres: snapshot.depthMetres,
    firstWetSeconds: snapshot.firstWetSeconds,
    velocityEastMetresPerSecond: snapshot.velocityEastMetresPerSecond,
    velocityNorthMetresPerSecond: snapshot.velocityNorthMetresPerSecond,
    frames,
    volume,
    impassableLinks: impassableLinks(
      grid,
      request.roadLinks ?? [],
      request.passableDepthMetres ?? PASSABLE_DEPTH_METRES,
    ),
    floodedAreaSquareMetres: floodedAreaSquareMetres(
      grid,
      request.model.cellSizeMetres,
      request.floodedDepthMetres ?? 0.1,
    ),
    steps: state.control[CONTROL_STEPS]!,
  };
  const buffers = [
    result.maxDepthMetres,
    result.finalDepthMetres,
    result.firstWetSeconds,
    result.velocityEastMetresPerSecond,
    result.velocityNorthMetresPerSecond,
    ...frames.map((f) => f.depthMetres),
  ].map((a) => a.buffer as ArrayBuffer);
  return transfer(result, buffers);
}

/** The typed protocol of a flood worker. */
export type FloodApi = ReturnType<typeof createFloodApi>;
