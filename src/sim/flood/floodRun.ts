import type { PlacedGauge } from './floodCase.ts';
import { advanceRows } from './floodStepper.ts';
import { CONTROL_STEPS, type FloodState } from './floodState.ts';
import { type FloodVolume, storedVolume, volumeAccount } from './floodVolume.ts';

/** Something that advances a flood state: one thread here, or a pool of worker threads (CLI). */
export interface FloodEngine {
  readonly state: FloodState;
  /** Advances the state to `targetSeconds` (simulated time). */
  advanceTo(targetSeconds: number): void | Promise<void>;
}

/** An engine running the kernel on the calling thread over all rows. */
export function singleThreadEngine(state: FloodState): FloodEngine {
  const range = { thread: 0, rowStart: 0, rowEnd: state.rows, barrier: () => {} };
  return { state, advanceTo: (target) => advanceRows(state, range, target) };
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
  return {
    gauges: series,
    volume: volumeAccount(s, initialVolume),
    steps,
    cellUpdates: steps * s.activeCells,
  };
}
