import { expose } from 'comlink';
import { createScenarioApi } from '../src/scenario/scenarioApi.ts';
import floodKernelUrl from '../src/sim/flood/floodKernel.wasm?url';
import { jsKernelPlacement } from '../src/sim/flood/floodKernel.ts';
import { wasmKernelPlacement } from '../src/sim/flood/wasmKernel.ts';

/**
 * The flood kernel of this worker: the WebAssembly SIMD kernel (docs/flood.md) when it compiles
 * here and the page is cross-origin isolated (shared WebAssembly memory), else the JavaScript
 * kernel, which gives the same depths.
 */
const floodKernel = fetch(floodKernelUrl)
  .then((response) => response.arrayBuffer())
  .then((bytes) => WebAssembly.compile(bytes))
  .then(wasmKernelPlacement)
  .catch((error: unknown) => {
    console.warn('flood: WebAssembly kernel unavailable, using the JavaScript kernel', error);
    return jsKernelPlacement;
  });

expose(createScenarioApi(floodKernel));
