import type { FloodModelInput } from './floodInput.ts';
import { type FloodKernel, jsFloodKernel, jsKernelPlacement } from './floodKernel.ts';
import { type FloodEngine, type FloodRunner, placedRunner } from './floodRun.ts';
import { createFloodState, type FloodState, plainBuffers, sharedBuffers } from './floodState.ts';
import { advanceRows, atomicsBarrier, splitRows, stalledStepError } from './floodStepper.ts';
import {
  placeInWasmMemory,
  type WasmFloodMemory,
  wasmFloodKernel,
  wasmFloodKernelName,
  wasmKernelAvailable,
  wasmKernelPlacement,
} from './wasmKernel.ts';

/**
 * Running one flood state on several workers (Node worker_threads in the CLI, Web Workers in the
 * browser): the state lives in SharedArrayBuffers, each worker owns a row range and runs the same
 * pure `advanceRows`, synchronised by an Atomics barrier. The protocol has two messages to a
 * worker: a {@link RowWorkerInit} once, then a target time (s) per advance; the worker answers
 * each target with 'done'.
 */

/** First message to a row worker: the shared state and its share of the rows. */
export interface RowWorkerInit {
  state: FloodState;
  thread: number;
  rowStart: number;
  rowEnd: number;
  /** The WebAssembly kernel and the memory holding `state` (absent: the JavaScript kernel). */
  wasm?: WasmFloodMemory;
}

/** A row worker as seen from the coordinating thread (adapters wrap Node and Web workers). */
export interface RowWorkerPort {
  postMessage(message: RowWorkerInit | number): void;
  /** Registers the handlers of replies ('done') and of a crash. */
  onReply(done: () => void, failed: (error: unknown) => void): void;
  terminate(): unknown;
}

/**
 * The message handler of a row worker: call it with each message received; it calls
 * `reply('done')` after each advance. Blocks in Atomics.wait, so only for worker threads.
 */
export function createRowWorkerHandler(
  reply: (message: 'done') => void,
): (message: RowWorkerInit | number) => void {
  let range: Parameters<typeof advanceRows>[1] | undefined;
  let state: FloodState | undefined;
  let kernel: FloodKernel = jsFloodKernel;
  return (message) => {
    if (typeof message !== 'number') {
      state = message.state;
      range = {
        thread: message.thread,
        rowStart: message.rowStart,
        rowEnd: message.rowEnd,
        barrier: atomicsBarrier(state.barrier, state.threads),
      };
      kernel = message.wasm ? wasmFloodKernel(state, message.wasm) : jsFloodKernel;
      return;
    }
    if (!state || !range) throw new Error('row worker: target time before init');
    advanceRows(state, range, message, kernel);
    reply('done');
  };
}

/**
 * A flood engine over `ports.length` row workers sharing `state` (built with sharedBuffers and
 * that many threads, or placed in `wasm`'s memory to run the WebAssembly kernel).
 */
export function pooledFloodEngine(
  state: FloodState,
  ports: readonly RowWorkerPort[],
  wasm?: WasmFloodMemory,
): FloodEngine & { close(): Promise<void> } {
  if (ports.length !== state.threads) throw new Error('pooledFloodEngine: one port per state thread');
  let pending = 0;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  let failure: unknown;
  splitRows(state.rows, ports.length).forEach(([rowStart, rowEnd], thread) => {
    const port = ports[thread]!;
    port.onReply(
      () => {
        pending--;
        if (pending > 0) return;
        const stalled = stalledStepError(state);
        if (stalled) settle?.reject(stalled);
        else settle?.resolve();
      },
      (error) => {
        failure = error;
        settle?.reject(error);
      },
    );
    port.postMessage(wasm ? { state, thread, rowStart, rowEnd, wasm } : { state, thread, rowStart, rowEnd });
  });
  return {
    state,
    advanceTo(targetSeconds) {
      return new Promise<void>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        settle = { resolve, reject };
        pending = ports.length;
        for (const port of ports) port.postMessage(targetSeconds);
      });
    },
    async close() {
      await Promise.all(ports.map((port) => port.terminate()));
    },
  };
}

/** How to run a flood: how many workers, the compiled WebAssembly kernel, and how to start a worker. */
export interface FloodRunnerOptions {
  /** Threads sharing the rows (1 = the calling thread; at most one per row). */
  workers: number;
  /** floodKernel.wasm compiled; absent: the JavaScript kernel. */
  module?: WebAssembly.Module;
  /** Starts one row worker (Node worker thread or Web Worker) running {@link createRowWorkerHandler}. */
  spawnRowWorker: () => RowWorkerPort;
}

/**
 * The flood engine of one run, in Node and in the browser alike: the WebAssembly kernel when a
 * module is given and shared WebAssembly memory exists (else the JavaScript kernel), on the
 * calling thread or on `workers` row workers sharing the state (rows split evenly, an Atomics
 * barrier twice per step; without SharedArrayBuffer, one thread). Depths are bit-identical for
 * any worker count: each cell and face is computed by the same arithmetic, and the volume
 * accounts are kept per row and summed in row order.
 */
export function floodRunner(input: FloodModelInput, options: FloodRunnerOptions): FloodRunner {
  const module = wasmKernelAvailable() ? options.module : undefined;
  const canShare = typeof SharedArrayBuffer === 'function';
  const count = canShare ? Math.max(1, Math.min(options.workers, input.rows)) : 1;
  if (count === 1) return placedRunner(module ? wasmKernelPlacement(module) : jsKernelPlacement)(input);
  // workers start once the state is built (a bad model throws first and leaves none behind)
  const ports = () => Array.from({ length: count }, options.spawnRowWorker);
  if (module) {
    const placed = placeInWasmMemory(createFloodState(input, count, plainBuffers), module);
    return {
      ...pooledFloodEngine(placed.state, ports(), placed.wasm),
      kernel: wasmFloodKernelName,
      workers: count,
    };
  }
  const state = createFloodState(input, count, sharedBuffers);
  return { ...pooledFloodEngine(state, ports()), kernel: jsFloodKernel.name, workers: count };
}
