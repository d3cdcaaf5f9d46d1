import { Worker } from 'node:worker_threads';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import { type FloodEngine, singleThreadEngine } from '../../sim/flood/floodRun.ts';
import { createFloodState, sharedBuffers } from '../../sim/flood/floodState.ts';
import { splitRows } from '../../sim/flood/floodStepper.ts';

/** A flood engine that may own worker threads; `close()` ends them. */
export interface ClosableFloodEngine extends FloodEngine {
  close(): Promise<void>;
}

/**
 * Builds a flood engine on `threads` Node worker threads sharing the state through
 * SharedArrayBuffers (rows split evenly; one Atomics barrier after the flux phase and one
 * after the continuity phase of every step). `threads` = 1 runs on the calling thread.
 * Results are bit-identical for any thread count: each cell and face is computed by the
 * same arithmetic, and volume accounts are kept per row and summed in row order.
 */
export function createFloodEngine(input: FloodModelInput, threads: number): ClosableFloodEngine {
  const count = Math.max(1, Math.min(threads, input.rows));
  if (count === 1) {
    const engine = singleThreadEngine(createFloodState(input));
    return { ...engine, close: async () => {} };
  }
  const state = createFloodState(input, count, sharedBuffers);
  const workers = splitRows(state.rows, count).map(
    ([rowStart, rowEnd], thread) =>
      new Worker(new URL('./floodThreadBoot.mjs', import.meta.url), {
        workerData: { state, thread, rowStart, rowEnd },
      }),
  );
  const oneMessage = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      w.once('error', onError);
      w.once('message', () => {
        w.off('error', onError);
        resolve();
      });
    });
  return {
    state,
    async advanceTo(targetSeconds) {
      const done = workers.map(oneMessage);
      for (const w of workers) w.postMessage(targetSeconds);
      await Promise.all(done);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
