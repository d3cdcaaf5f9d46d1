/**
 * Workloads of `twin bench flood` (src/cli/commands/benchFlood.ts parses the options and prints):
 * the synthetic case of floodBenchModel.ts run for a fixed simulated time, after untimed warm-up,
 * with the plain reference kernel on one thread and the optimized kernel on N worker threads.
 */
import { createFloodEngine } from '../src/cli/flood/threadedEngine.ts';
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

/** The optimized kernel on `threads` worker threads, `simulatedSeconds` after the warm-up. */
export async function timeOptimizedFlood(
  size: number,
  threads: number,
  simulatedSeconds: number,
): Promise<FloodBenchRun & { threads: number }> {
  const engine = createFloodEngine(benchModel(size), threads);
  try {
    // Warm-up (threads started, modules loaded, kernel compiled) before the clock starts.
    await engine.advanceTo(WARM_UP_SECONDS);
    const warmUpSteps = engine.state.control[CONTROL_STEPS]!;
    const started = performance.now();
    await engine.advanceTo(WARM_UP_SECONDS + simulatedSeconds);
    const seconds = (performance.now() - started) / 1000;
    const steps = engine.state.control[CONTROL_STEPS]! - warmUpSteps;
    const cellUpdates = steps * engine.state.activeCells;
    return { threads, steps, cellUpdates, seconds, cellUpdatesPerSecond: cellUpdates / seconds };
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
