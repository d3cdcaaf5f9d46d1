/// <reference types="@webgpu/types" />
/**
 * The page of the WebGPU flood checks (tests/gpu/index.html, served by harnessServer.ts): runs the
 * same flood on the WebGPU kernel and on the JavaScript kernel in this page and reports the
 * differences (tests/e2e/floodGpu.e2e.ts) or the speeds (bench/floodGpuBench.ts), on
 * `window.floodGpu`. Only the tests and the benchmark load it; the app does not.
 */
import { benchModel } from '../../bench/floodBenchModel.ts';
import { gpuFloodRunner } from '../../src/sim/flood/gpu/floodGpuEngine.ts';
import type { FloodModelInput } from '../../src/sim/flood/floodInput.ts';
import { type FloodRunner, placedRunner, runFloodCase } from '../../src/sim/flood/floodRun.ts';
import { CONTROL_STEPS } from '../../src/sim/flood/floodState.ts';
import { FLOOD_KERNEL_CASES } from '../fixtures/flood/kernelCases.ts';

/** One case run on both kernels. */
export interface FloodGpuComparison {
  name: string;
  cells: number;
  /** Time steps of the WebGPU and JavaScript runs. */
  gpuSteps: number;
  jsSteps: number;
  /** Largest |depth_gpu − depth_js| at the end, m. */
  maxDepthDifferenceMetres: number;
  /** Largest |maxDepth_gpu − maxDepth_js|, m. */
  maxMaxDepthDifferenceMetres: number;
  /** Deepest water at the end (JavaScript), m, and the cells wetter than 1 cm: the case did something. */
  deepestMetres: number;
  wetCells: number;
  gpuVolumeRelativeError: number;
  jsVolumeRelativeError: number;
  /** Volume added by rain, sources and edges (JavaScript run), m³: the accounts carry water. */
  forcedVolume: number;
  gpuSeconds: number;
  jsSeconds: number;
}

/** The adapter the page was given, as the test reports it. */
export interface FloodGpuAdapter {
  vendor: string;
  architecture: string;
  isFallbackAdapter: boolean;
}

let devicePromise: Promise<{ device: GPUDevice; adapter: FloodGpuAdapter }> | undefined;

/** The page's WebGPU device; rejects with a clear message when there is no adapter. */
function floodDevice(): Promise<{ device: GPUDevice; adapter: FloodGpuAdapter }> {
  devicePromise ??= (async () => {
    if (!navigator.gpu) throw new Error('no navigator.gpu: this Chromium was started without WebGPU');
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter)
      throw new Error(
        'navigator.gpu.requestAdapter() gave no adapter: start Chromium with --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader',
      );
    const device = await adapter.requestDevice();
    const info = adapter.info;
    return {
      device,
      adapter: {
        vendor: info.vendor,
        architecture: info.architecture,
        isFallbackAdapter: (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false,
      },
    };
  })();
  return devicePromise;
}

/** Runs `runner` to `durationSeconds` in `advances` equal advances; returns the result and wall time. */
async function timedRun(runner: FloodRunner, durationSeconds: number, advances: number) {
  const start = performance.now();
  try {
    const result = await runFloodCase(runner, durationSeconds, durationSeconds / advances, []);
    return { result, seconds: (performance.now() - start) / 1000 };
  } finally {
    await runner.close();
  }
}

/** Every flood kernel case (tests/fixtures/flood/kernelCases.ts) on both kernels. */
async function compareCases(): Promise<{ adapter: FloodGpuAdapter; cases: FloodGpuComparison[] }> {
  const { device, adapter } = await floodDevice();
  const cases: FloodGpuComparison[] = [];
  for (const { name, input: model, durationSeconds } of FLOOD_KERNEL_CASES) {
    const input = model();
    const gpu = gpuFloodRunner(device)(input);
    const js = placedRunner()(input);
    const gpuRun = await timedRun(gpu, durationSeconds, 3);
    const jsRun = await timedRun(js, durationSeconds, 3);
    let maxDepthDifference = 0;
    let maxMaxDepthDifference = 0;
    let deepest = 0;
    let wetCells = 0;
    for (let k = 0; k < js.state.depth.length; k++) {
      maxDepthDifference = Math.max(maxDepthDifference, Math.abs(gpu.state.depth[k]! - js.state.depth[k]!));
      maxMaxDepthDifference = Math.max(
        maxMaxDepthDifference,
        Math.abs(gpu.state.maxDepth[k]! - js.state.maxDepth[k]!),
      );
      deepest = Math.max(deepest, js.state.depth[k]!);
      if (js.state.depth[k]! > 0.01) wetCells++;
    }
    const v = jsRun.result.volume;
    cases.push({
      name,
      cells: input.columns * input.rows,
      gpuSteps: gpu.state.control[CONTROL_STEPS]!,
      jsSteps: js.state.control[CONTROL_STEPS]!,
      maxDepthDifferenceMetres: maxDepthDifference,
      maxMaxDepthDifferenceMetres: maxMaxDepthDifference,
      deepestMetres: deepest,
      wetCells,
      gpuVolumeRelativeError: gpuRun.result.volume.relativeError,
      jsVolumeRelativeError: v.relativeError,
      forcedVolume: v.rain + v.sources + Math.abs(v.boundaryNet),
      gpuSeconds: gpuRun.seconds,
      jsSeconds: jsRun.seconds,
    });
  }
  return { adapter, cases };
}

/** Cell updates per second of one run of `input` for `seconds` simulated on `runner`. */
async function cellUpdatesPerSecond(runner: FloodRunner, seconds: number): Promise<number> {
  const { result, seconds: wall } = await timedRun(runner, seconds, 1);
  return result.cellUpdates / wall;
}

/**
 * The benchmark model (bench/floodBenchModel.ts) on `size × size` cells for `seconds` simulated,
 * `repeats` times on each kernel after a warm-up run of 1 s: cell updates per second of every run.
 */
async function benchmark(
  size: number,
  seconds: number,
  repeats: number,
): Promise<{ adapter: FloodGpuAdapter; gpu: number[]; js: number[] }> {
  const { device, adapter } = await floodDevice();
  const input: FloodModelInput = benchModel(size);
  const gpu: number[] = [];
  const js: number[] = [];
  // warm-up, not counted: compiles the GPU pipelines (once per device) and the JavaScript kernel
  await cellUpdatesPerSecond(gpuFloodRunner(device)(input), 1);
  await cellUpdatesPerSecond(placedRunner()(input), 1);
  for (let r = 0; r < repeats; r++) {
    gpu.push(await cellUpdatesPerSecond(gpuFloodRunner(device)(input), seconds));
    js.push(await cellUpdatesPerSecond(placedRunner()(input), seconds));
  }
  return { adapter, gpu, js };
}

/** What the page offers its test and benchmark. */
export interface FloodGpuHarness {
  compareCases: typeof compareCases;
  benchmark: typeof benchmark;
}

declare global {
  interface Window {
    floodGpu?: FloodGpuHarness;
  }
}

window.floodGpu = { compareCases, benchmark };
