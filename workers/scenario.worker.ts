import { expose } from 'comlink';
import { createScenarioApi } from '../src/scenario/scenarioApi.ts';
import floodKernelUrl from '../src/sim/flood/floodKernel.wasm?url';
import { floodRunner, type RowWorkerPort } from '../src/sim/flood/floodPool.ts';
import type { FloodRunnerFactory } from '../src/sim/flood/floodRun.ts';

/** Starts one flood row worker (workers/floodRow.worker.ts) as a RowWorkerPort. */
function webRowWorker(): RowWorkerPort {
  const worker = new Worker(new URL('./floodRow.worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply(done, failed) {
      worker.addEventListener('message', done);
      worker.addEventListener('error', (event) => failed(new Error(`flood row worker: ${event.message}`)));
    },
    terminate: () => worker.terminate(),
  };
}

/** Row workers per flood run: every core by default; the page may set another count. */
let floodWorkers = navigator.hardwareConcurrency || 1;

/**
 * The flood runs of this worker: the WebAssembly SIMD kernel (docs/flood.md) when it compiles
 * here, on `floodWorkers` row workers when the page is cross-origin isolated (shared memory);
 * else the JavaScript kernel on this worker. Every choice gives the same depths.
 */
const floodRunners: Promise<FloodRunnerFactory> = fetch(floodKernelUrl)
  .then((response) => response.arrayBuffer())
  .then((bytes) => WebAssembly.compile(bytes))
  .catch((error: unknown) => {
    console.warn('flood: WebAssembly kernel unavailable, using the JavaScript kernel', error);
    return undefined;
  })
  .then(
    (module) => (input) =>
      floodRunner(input, {
        workers: crossOriginIsolated ? floodWorkers : 1,
        ...(module ? { module } : {}),
        spawnRowWorker: webRowWorker,
      }),
  );

expose(
  createScenarioApi(floodRunners, (count) => {
    floodWorkers = Math.max(1, Math.floor(count));
  }),
);
