import { InputError } from '../../core/errors.ts';
import { valueAt, type TimeSeries } from '../../core/timeSeries.ts';
import { type FloodKernel, jsFloodKernel, type StepForcing } from './floodKernel.ts';
import {
  CONTROL_HMAX,
  CONTROL_RAIN_VOLUME,
  CONTROL_SOURCE_VOLUME,
  CONTROL_STALLED_DEPTH,
  CONTROL_STALLED_STEP,
  CONTROL_STEPS,
  CONTROL_TIME,
  EDGE_LEVEL,
  type FloodState,
  MIN_CFL_DEPTH_METRES,
} from './floodState.ts';

const GRAVITY = 9.81;

/**
 * Smallest adaptive time step, s. A shorter step means water deeper than about
 * `(α dx / MIN_TIME_STEP_SECONDS)² / g` (14 000 km on a 20 m grid): the input is absurd, and
 * going on would crawl for hours. The stepper stops instead (see {@link stalledStepError}).
 */
export const MIN_TIME_STEP_SECONDS = 1e-3;

/**
 * Deepest water the stepper accepts, m. No flood is a kilometre deep; water that deep means an
 * inflow the grid cannot drain, and the steps (√(g h) sets them) would shrink towards the floor
 * while the run crawls. The stepper stops instead.
 */
export const MAX_WATER_DEPTH_METRES = 1000;

/** The part of the grid one thread works on, and how threads wait for each other. */
export interface RowRange {
  /** Index of this thread, 0-based (thread 0 keeps the shared scalar accounts). */
  thread: number;
  rowStart: number;
  rowEnd: number;
  /** Waits until every thread reaches this point (a no-op for one thread). */
  barrier: () => void;
}

/** Splits `rows` into `threads` contiguous ranges of nearly equal size. */
export function splitRows(rows: number, threads: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let t = 0; t < threads; t++)
    out.push([Math.floor((rows * t) / threads), Math.floor((rows * (t + 1)) / threads)]);
  return out;
}

/**
 * The Courant number actually used: `alpha`, but at most √(θ/2). A von Neumann analysis of the
 * θ-weighted scheme without friction on a 2-D grid (the checkerboard mode, whose flux is damped
 * by 2θ - 1) gives stability for c Δt / Δx ≤ √(θ/2); for θ = 1 this is Bates' 1/√2 ≈ 0.7.
 * Without the cap, θ = 0.7 with α = 0.7 grows checkerboard oscillations over uneven ground.
 */
export function stableCourantNumber(alpha: number, theta: number): number {
  const limit = Math.sqrt(theta / 2);
  return Math.min(alpha, limit);
}

/**
 * Exact integral of a piecewise-linear series over [t0, t1] (value × s), held constant outside
 * its points; allocation-free because it runs every step.
 */
export function seriesIntegral(series: TimeSeries, t0: number, t1: number): number {
  let sum = 0;
  let a = t0;
  let va = valueAt(series, t0);
  for (let i = 0; i < series.length && a < t1; i++) {
    const tb = series[i]![0];
    if (tb <= a) continue;
    const b = Math.min(tb, t1);
    const vb = b === tb ? series[i]![1] : valueAt(series, b);
    sum += 0.5 * (va + vb) * (b - a);
    a = b;
    va = vb;
  }
  if (a < t1) sum += va * (t1 - a);
  return sum;
}

/**
 * Advances the state to `targetSeconds` working on one row range. Every thread calls this
 * with the same target; each step is: time step from the shared maximum depth (all threads
 * compute the same value), flux phase, barrier, continuity phase, barrier. Forcing is a pure
 * function of time, so every thread evaluates it identically. `kernel` runs the two phases (the
 * JavaScript kernel by default, or the WebAssembly one bound to this state).
 */
export function advanceRows(
  s: FloodState,
  range: RowRange,
  targetSeconds: number,
  kernel: FloodKernel = jsFloodKernel,
): void {
  const { control } = s;
  const courant = stableCourantNumber(s.solver.alpha, s.solver.theta);
  const dx = s.cellSizeMetres;
  const cellArea = dx * dx;
  const forcing: StepForcing = {
    dt: 0,
    timeAfter: 0,
    edgeLevels: new Float64Array(4),
    rainDepth: 0,
    sourceVolumes: new Float64Array(s.sources.length),
    heldLevel: 0,
  };
  let t = control[CONTROL_TIME]!;
  while (t < targetSeconds) {
    let hmax = MIN_CFL_DEPTH_METRES;
    for (let w = 0; w < s.threads; w++)
      if (control[CONTROL_HMAX + w]! > hmax) hmax = control[CONTROL_HMAX + w]!;
    for (let e = 0; e < 4; e++) {
      if (s.edgeTypes[e] !== EDGE_LEVEL) continue;
      const outside = valueAt(s.edgeLevels[e]!, t) - s.edgeMinBed[e]!;
      if (outside > hmax) hmax = outside;
    }
    if (s.hasHeld) {
      const bank = valueAt(s.heldLevel, t) - s.heldFaceMinBed;
      if (bank > hmax) hmax = bank;
    }
    let dt = (courant * dx) / Math.sqrt(GRAVITY * hmax);
    if (!(dt >= MIN_TIME_STEP_SECONDS && hmax <= MAX_WATER_DEPTH_METRES)) {
      // Every thread computes the same dt from the shared depths, so all stop here together.
      if (range.thread === 0) {
        control[CONTROL_STALLED_STEP] = Number.isNaN(dt) ? -1 : dt;
        control[CONTROL_STALLED_DEPTH] = hmax;
      }
      break;
    }
    const last = t + dt >= targetSeconds;
    if (last) dt = targetSeconds - t;
    const tAfter = last ? targetSeconds : t + dt;
    forcing.dt = dt;
    forcing.timeAfter = tAfter;
    for (let e = 0; e < 4; e++)
      forcing.edgeLevels[e] = s.edgeTypes[e] === EDGE_LEVEL ? valueAt(s.edgeLevels[e]!, t + 0.5 * dt) : 0;
    if (s.hasHeld) forcing.heldLevel = valueAt(s.heldLevel, tAfter);
    forcing.rainDepth = s.rain.length > 0 ? seriesIntegral(s.rain, t, tAfter) / 3.6e6 : 0;
    let sourceVolume = 0;
    for (let i = 0; i < s.sources.length; i++) {
      const v = seriesIntegral(s.sources[i]!.flow, t, tAfter);
      forcing.sourceVolumes[i] = v;
      sourceVolume += v;
    }
    kernel.fluxPhase(s, range.rowStart, range.rowEnd, forcing);
    range.barrier();
    control[CONTROL_HMAX + range.thread] = kernel.continuityPhase(s, range.rowStart, range.rowEnd, forcing);
    if (range.thread === 0) {
      control[CONTROL_STEPS] = control[CONTROL_STEPS]! + 1;
      control[CONTROL_SOURCE_VOLUME] = control[CONTROL_SOURCE_VOLUME]! + sourceVolume;
      control[CONTROL_RAIN_VOLUME] =
        control[CONTROL_RAIN_VOLUME]! + forcing.rainDepth * s.rainFactorSum * cellArea;
    }
    t = tAfter;
    range.barrier();
  }
  if (range.thread === 0) control[CONTROL_TIME] = t;
}

/**
 * The error to raise after an advance when the stepper stopped on a step shorter than
 * MIN_TIME_STEP_SECONDS or on water deeper than MAX_WATER_DEPTH_METRES, or undefined when it did not.
 */
export function stalledStepError(s: FloodState): InputError | undefined {
  const dt = s.control[CONTROL_STALLED_STEP]!;
  if (dt === 0) return undefined;
  const depth = s.control[CONTROL_STALLED_DEPTH]!;
  const at = `at t = ${s.control[CONTROL_TIME]!.toFixed(1)} s`;
  const cause = '(water levels, sources or rain far beyond anything physical)';
  if (dt >= MIN_TIME_STEP_SECONDS)
    return new InputError(
      `the water became ${depth.toExponential(2)} m deep ${at}, deeper than the ` +
        `${MAX_WATER_DEPTH_METRES} m any flood reaches ${cause}`,
    );
  const step = dt > 0 ? `${dt.toExponential(2)} s` : 'not a number';
  return new InputError(
    `the flow became too fast for the grid: time step ${step} < ${MIN_TIME_STEP_SECONDS} s ${at} ${cause}`,
  );
}

/**
 * A reusable barrier over `threads` threads on the state's shared Int32 words (count,
 * generation), using Atomics.wait / Atomics.notify. Only for threads that may block
 * (worker threads, not a browser main thread).
 */
export function atomicsBarrier(words: Int32Array, threads: number): () => void {
  return () => {
    const generation = Atomics.load(words, 1);
    if (Atomics.add(words, 0, 1) === threads - 1) {
      Atomics.store(words, 0, 0);
      Atomics.add(words, 1, 1);
      Atomics.notify(words, 1);
    } else {
      while (Atomics.load(words, 1) === generation) Atomics.wait(words, 1, generation);
    }
  };
}
