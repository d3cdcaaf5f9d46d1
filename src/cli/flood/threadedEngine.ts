import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import type { FloodKernelPlacement } from '../../sim/flood/floodKernel.ts';
import { floodRunner, type RowWorkerPort } from '../../sim/flood/floodPool.ts';
import type { FloodRunner, FloodRunnerFactory } from '../../sim/flood/floodRun.ts';
import { wasmKernelPlacement } from '../../sim/flood/wasmKernel.ts';

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
 * Builds a flood engine on `threads` Node worker threads sharing the state (floodRunner of
 * sim/flood/floodPool.ts: `threads` = 1 runs on the calling thread; the WebAssembly kernel unless
 * `kernel` is 'js'). Results are bit-identical for any thread count.
 */
export function createFloodEngine(
  input: FloodModelInput,
  threads: number,
  kernel: FloodKernelName = 'wasm',
): FloodRunner {
  return floodRunner(input, {
    workers: threads,
    ...(kernel === 'wasm' ? { module: floodKernelModule() } : {}),
    spawnRowWorker: nodeRowWorker,
  });
}

/**
 * Flood runners for the scenario stages in Node: the WebAssembly kernel on `threads` worker
 * threads (default: every core); the same depths for any count.
 */
export function nodeFloodRunner(threads = availableParallelism()): FloodRunnerFactory {
  return (input) => createFloodEngine(input, threads);
}
