import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import type { FloodKernelPlacement } from '../../sim/flood/floodKernel.ts';
import { pooledFloodEngine, type RowWorkerPort } from '../../sim/flood/floodPool.ts';
import { type FloodEngine, singleThreadEngine } from '../../sim/flood/floodRun.ts';
import { createFloodState, plainBuffers, sharedBuffers } from '../../sim/flood/floodState.ts';
import { placeInWasmMemory, wasmKernelAvailable, wasmKernelPlacement } from '../../sim/flood/wasmKernel.ts';

/** A flood engine that may own worker threads; `close()` ends them. */
export interface ClosableFloodEngine extends FloodEngine {
  close(): Promise<void>;
}

/** Which kernel runs the steps: WebAssembly SIMD (default in Node) or JavaScript. */
export type FloodKernelName = 'wasm' | 'js';

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

let compiledKernel: WebAssembly.Module | undefined;

/** The compiled WebAssembly flood kernel (src/sim/flood/floodKernel.wasm, read once per process). */
export function floodKernelModule(): WebAssembly.Module {
  compiledKernel ??= new WebAssembly.Module(
    readFileSync(new URL('../../sim/flood/floodKernel.wasm', import.meta.url)),
  );
  return compiledKernel;
}

/**
 * The best kernel on this thread in Node: WebAssembly (the state copied into its memory) where
 * the runtime has shared WebAssembly memory, else the JavaScript kernel.
 */
export function nodeFloodKernelPlacement(): FloodKernelPlacement {
  return wasmKernelPlacement(floodKernelModule());
}

/**
 * Builds a flood engine on `threads` Node worker threads sharing the state (rows split evenly;
 * one Atomics barrier after the flux phase and one after the continuity phase of every step).
 * `threads` = 1 runs on the calling thread. The WebAssembly kernel keeps the state in one shared
 * WebAssembly memory; the JavaScript kernel in SharedArrayBuffers. Results are bit-identical for
 * any thread count: each cell and face is computed by the same arithmetic, and volume accounts
 * are kept per row and summed in row order.
 */
export function createFloodEngine(
  input: FloodModelInput,
  threads: number,
  kernel: FloodKernelName = 'wasm',
): ClosableFloodEngine {
  const count = Math.max(1, Math.min(threads, input.rows));
  const workers = () => Array.from({ length: count }, () => nodeRowWorker());
  if (kernel === 'wasm' && wasmKernelAvailable()) {
    if (count === 1) {
      const { state, kernel: wasmKernel } = nodeFloodKernelPlacement()(createFloodState(input));
      return { ...singleThreadEngine(state, wasmKernel), close: async () => {} };
    }
    const { state, wasm } = placeInWasmMemory(
      createFloodState(input, count, plainBuffers),
      floodKernelModule(),
    );
    return pooledFloodEngine(state, workers(), wasm);
  }
  if (count === 1) {
    const engine = singleThreadEngine(createFloodState(input));
    return { ...engine, close: async () => {} };
  }
  return pooledFloodEngine(createFloodState(input, count, sharedBuffers), workers());
}
