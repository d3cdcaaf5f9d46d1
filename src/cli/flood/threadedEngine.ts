import { Worker } from 'node:worker_threads';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import { pooledFloodEngine, type RowWorkerPort } from '../../sim/flood/floodPool.ts';
import { type FloodEngine, singleThreadEngine } from '../../sim/flood/floodRun.ts';
import { createFloodState, sharedBuffers } from '../../sim/flood/floodState.ts';

/** A flood engine that may own worker threads; `close()` ends them. */
export interface ClosableFloodEngine extends FloodEngine {
  close(): Promise<void>;
}

/** Starts one Node row worker (TypeScript loaded through tsx by floodThreadBoot.mjs). */
export function nodeRowWorker(): RowWorkerPort {
  const worker = new Worker(new URL('./floodThreadBoot.mjs', import.meta.url));
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply(done, failed) {
      worker.on('message', done);
      worker.on('error', failed);
    },
    terminate: () => worker.terminate(),
  };
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
  return pooledFloodEngine(
    state,
    Array.from({ length: count }, () => nodeRowWorker()),
  );
}
