import { InputError, type InputProblem } from '../../core/errors.ts';
import type { PlacedGauge } from './floodCase.ts';
import type { FloodModelInput } from './floodInput.ts';
import {
  type FloodKernel,
  type FloodKernelPlacement,
  jsFloodKernel,
  jsKernelPlacement,
} from './floodKernel.ts';
import { advanceRows, stalledStepError } from './floodStepper.ts';
import { CONTROL_STEPS, createFloodState, type FloodState } from './floodState.ts';
import { type FloodVolume, storedVolume, volumeAccount } from './floodVolume.ts';

/** Something that advances a flood state: one thread here, or a pool of worker threads (CLI). */
export interface FloodEngine {
  readonly state: FloodState;
  /** Advances the state to `targetSeconds` (simulated time). */
  advanceTo(targetSeconds: number): void | Promise<void>;
}

/** A flood engine that a run builds, advances and closes, with what runs it (shown with the results). */
export interface FloodRunner extends FloodEngine {
  /** The kernel running the steps ('JavaScript', 'WebAssembly SIMD'). */
  readonly kernel: string;
  /** Threads (workers) sharing the rows. */
  readonly workers: number;
  /** Ends the runner's workers (none for one thread). */
  close(): Promise<void>;
}

/** Builds the runner of one flood run from its model. */
export type FloodRunnerFactory = (input: FloodModelInput) => FloodRunner;

/** Runners on the calling thread, on the kernel `place` picks (default: JavaScript). */
export function placedRunner(place: FloodKernelPlacement = jsKernelPlacement): FloodRunnerFactory {
  return (input) => {
    const { state, kernel } = place(createFloodState(input));
    return { ...singleThreadEngine(state, kernel), kernel: kernel.name, workers: 1, close: async () => {} };
  };
}

/** An engine running `kernel` (JavaScript by default) on the calling thread over all rows. */
export function singleThreadEngine(state: FloodState, kernel: FloodKernel = jsFloodKernel): FloodEngine {
  const range = { thread: 0, rowStart: 0, rowEnd: state.rows, barrier: () => {} };
  return {
    state,
    advanceTo(target) {
      advanceRows(state, range, target, kernel);
      const stalled = stalledStepError(state);
      if (stalled) throw stalled;
    },
  };
}

/** Result of {@link runFloodCase}: the spec's output apart from timings. */
export interface FloodCaseResult {
  /** Per gauge: [t (s), depth (m), water level (m)] every output interval, t = 0 included. */
  gauges: Record<string, Array<[number, number, number]>>;
  volume: FloodVolume;
  steps: number;
  /** Time steps × cells inside the domain. */
  cellUpdates: number;
}

/**
 * Runs a case from t = 0 to `durationSeconds`, sampling gauges every `outputIntervalSeconds`
 * (sample k at exactly k × interval). `onProgress(fractionDone)` is called after each sample.
 */
export async function runFloodCase(
  engine: FloodEngine,
  durationSeconds: number,
  outputIntervalSeconds: number,
  gauges: readonly PlacedGauge[],
  onProgress: (fractionDone: number) => void = () => {},
): Promise<FloodCaseResult> {
  const s = engine.state;
  const initialVolume = storedVolume(s);
  const series: FloodCaseResult['gauges'] = {};
  for (const g of gauges) series[g.name] = [];
  const sample = (t: number) => {
    for (const g of gauges) {
      const depth = s.depth[g.cell]!;
      series[g.name]!.push([t, depth, s.bed[g.cell]! + depth]);
    }
  };
  sample(0);
  for (let k = 1; k * outputIntervalSeconds <= durationSeconds * (1 + 1e-12); k++) {
    const t = Math.min(k * outputIntervalSeconds, durationSeconds);
    await engine.advanceTo(t);
    sample(t);
    onProgress(t / durationSeconds);
  }
  await engine.advanceTo(durationSeconds);
  const steps = s.control[CONTROL_STEPS]!;
  const result = {
    gauges: series,
    volume: volumeAccount(s, initialVolume),
    steps,
    cellUpdates: steps * s.activeCells,
  };
  const problem = nonFiniteFigure(result);
  if (problem) throw new InputError([problem]);
  return result;
}

/**
 * The first figure of a result that is not a finite number (NaN or ±Infinity would print as
 * `null`), as a problem naming it, or undefined when every figure is finite.
 */
export function nonFiniteFigure(result: FloodCaseResult): InputProblem | undefined {
  const message =
    'the run produced a figure that is not a finite number: the input is beyond what the model can compute';
  for (const [name, samples] of Object.entries(result.gauges))
    for (let i = 0; i < samples.length; i++)
      if (!samples[i]!.every(Number.isFinite)) return { path: `gauges.${name}[${i}]`, message };
  for (const [key, value] of Object.entries(result.volume))
    if (!Number.isFinite(value)) return { path: `volume.${key}`, message };
  return undefined;
}
