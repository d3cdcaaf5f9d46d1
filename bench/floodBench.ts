/**
 * Workloads of `twin bench flood` (src/cli/commands/benchFlood.ts parses the options and prints):
 * the synthetic case of floodBenchModel.ts run for a fixed simulated time, after untimed warm-up,
 * with the plain reference kernel on one thread and the JavaScript and WebAssembly kernels on
 * N worker threads, repeated to show the machine's noise.
 */
import { createFloodEngine, type FloodKernelName } from '../src/cli/flood/threadedEngine.ts';
import { CONTROL_STEPS } from '../src/sim/flood/floodState.ts';
import { runReference } from '../src/sim/flood/referenceKernel.ts';
import { benchModel, benchReferenceModel } from './floodBenchModel.ts';

/** Simulated seconds run untimed before each measurement (JIT warm-up). */
export const WARM_UP_SECONDS = 3;

/** One timed run: engine steps, cell updates and wall seconds. */
export interface FloodBenchRun {
  steps: number;
  cellUpdates: number;
  seconds: number;
  cellUpdatesPerSecond: number;
}

/** The engine with `kernel` on `threads` worker threads, `simulatedSeconds` after the warm-up. */
export async function timeFloodEngine(
  size: number,
  kernel: FloodKernelName,
  threads: number,
  simulatedSeconds: number,
): Promise<FloodBenchRun> {
  const engine = createFloodEngine(benchModel(size), threads, kernel);
  try {
    // Warm-up (threads started, modules loaded, kernel compiled) before the clock starts.
    await engine.advanceTo(WARM_UP_SECONDS);
    const warmUpSteps = engine.state.control[CONTROL_STEPS]!;
    const started = performance.now();
    await engine.advanceTo(WARM_UP_SECONDS + simulatedSeconds);
    const seconds = (performance.now() - started) / 1000;
    const steps = engine.state.control[CONTROL_STEPS]! - warmUpSteps;
    const cellUpdates = steps * engine.state.activeCells;
    return { steps, cellUpdates, seconds, cellUpdatesPerSecond: cellUpdates / seconds };
  } finally {
    await engine.close();
  }
}

/** The plain reference kernel on this thread, `simulatedSeconds` after the warm-up. */
export function timeReferenceFlood(size: number, simulatedSeconds: number): FloodBenchRun {
  const model = benchReferenceModel(size);
  runReference(model, WARM_UP_SECONDS);
  const started = performance.now();
  const steps = runReference(model, simulatedSeconds);
  const seconds = (performance.now() - started) / 1000;
  return {
    steps,
    cellUpdates: steps * size * size,
    seconds,
    cellUpdatesPerSecond: (steps * size * size) / seconds,
  };
}

/** Repeated runs of one configuration: the median run and the spread of its speed. */
export interface FloodBenchSeries {
  /** The run of median speed. */
  median: FloodBenchRun;
  /** Slowest and fastest speed over the repetitions, cell updates/s. */
  minCellUpdatesPerSecond: number;
  maxCellUpdatesPerSecond: number;
}

/** The median run and the range of `runs` (at least one). */
export function benchSeries(runs: readonly FloodBenchRun[]): FloodBenchSeries {
  const sorted = [...runs].sort((a, b) => a.cellUpdatesPerSecond - b.cellUpdatesPerSecond);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)]!,
    minCellUpdatesPerSecond: sorted[0]!.cellUpdatesPerSecond,
    maxCellUpdatesPerSecond: sorted[sorted.length - 1]!.cellUpdatesPerSecond,
  };
}
