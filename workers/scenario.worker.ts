/// <reference types="@webgpu/types" />
import { expose } from 'comlink';
import { createScenarioApi } from '../src/scenario/scenarioApi.ts';
import floodKernelUrl from '../src/sim/flood/floodKernel.wasm?url';
import { floodRunner, type RowWorkerPort } from '../src/sim/flood/floodPool.ts';
import type { FloodRunnerFactory } from '../src/sim/flood/floodRun.ts';
import { gpuFloodRunner } from '../src/sim/flood/gpu/floodGpuEngine.ts';
import { type FloodGpuChoice, floodGpuWanted } from '../src/sim/flood/gpu/floodGpuChoice.ts';

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

/** The page's choice of the WebGPU kernel (`?floodGpu`); auto: hardware adapters only. */
let floodGpu: FloodGpuChoice = 'auto';

/** This worker's WebGPU device and its adapter's description, or undefined without an adapter. */
async function floodGpuDevice(): Promise<{ device: GPUDevice; adapter: GPUAdapterInfo } | undefined> {
  try {
    const adapter = await navigator.gpu?.requestAdapter({ powerPreference: 'high-performance' });
    return adapter ? { device: await adapter.requestDevice(), adapter: adapter.info } : undefined;
  } catch (error: unknown) {
    console.warn('flood: no WebGPU device', error);
    return undefined;
  }
}

/** floodKernel.wasm compiled, or undefined where it does not compile. */
const floodWasmModule: Promise<WebAssembly.Module | undefined> = fetch(floodKernelUrl)
  .then((response) => response.arrayBuffer())
  .then((bytes) => WebAssembly.compile(bytes))
  .catch((error: unknown) => {
    console.warn('flood: WebAssembly kernel unavailable, using the JavaScript kernel', error);
    return undefined;
  });

/**
 * The flood runs of this worker: the WebGPU kernel (docs/flood.md, "WebGPU path") when the
 * adapter is a hardware one or the page forces it (floodGpuChoice.ts); otherwise the WebAssembly
 * SIMD kernel when it compiles here, on `floodWorkers` row workers when the page is cross-origin
 * isolated (shared memory); else the JavaScript kernel on this worker. The CPU choices give the
 * same depths; WebGPU computes in float32 (within 1 mm of them on the test cases).
 */
const floodRunners: Promise<FloodRunnerFactory> = Promise.all([floodWasmModule, floodGpuDevice()]).then(
  ([module, gpu]) =>
    (input) => {
      if (gpu && floodGpuWanted(floodGpu, gpu.adapter))
        try {
          return gpuFloodRunner(gpu.device)(input);
        } catch (error: unknown) {
          console.warn('flood: WebGPU kernel cannot take this grid, using the CPU kernels', error);
        }
      return floodRunner(input, {
        workers: crossOriginIsolated ? floodWorkers : 1,
        ...(module ? { module } : {}),
        spawnRowWorker: webRowWorker,
      });
    },
);

expose(
  createScenarioApi(
    floodRunners,
    (count) => {
      floodWorkers = Math.max(1, Math.floor(count));
    },
    (choice) => {
      floodGpu = choice;
    },
  ),
);
