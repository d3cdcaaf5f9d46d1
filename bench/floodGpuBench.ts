/**
 * WebGPU flood kernel benchmark (not part of vitest): serves the harness page (tests/gpu) and runs
 * the flood benchmark model (bench/floodBenchModel.ts: a bumpy tilted plane with a lake, rain and
 * an inflow) in headless Chromium on the WebGPU kernel and on the JavaScript kernel in the same
 * page, `--repeat` times each, alternating. Chromium is started with WebGPU on SwiftShader (the
 * CPU emulation CI has) unless `--gpu-flags` gives other flags (on a machine with a GPU:
 * `--gpu-flags "--enable-unsafe-webgpu --enable-features=Vulkan"`). Prints ONE JSON object: the
 * adapter, the grid, cell updates per second of each kernel (min / median / max of the runs)
 * and the ratio of the medians.
 *
 * Run: npx tsx bench/floodGpuBench.ts [--size 256] [--seconds 120] [--repeat 3] [--gpu-flags "..."]
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import type { FloodGpuHarness } from '../tests/gpu/floodGpuHarness.ts';
import { startFloodGpuHarness } from '../tests/gpu/harnessServer.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '256' },
    seconds: { type: 'string', default: '120' },
    repeat: { type: 'string', default: '3' },
    'gpu-flags': { type: 'string' },
  },
});
const size = Number(values.size);
const seconds = Number(values.seconds);
const repeat = Number(values.repeat);

/** Min, median and max cell updates per second of the runs. */
function spreadOf(runs: readonly number[]) {
  const sorted = [...runs].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[(sorted.length - 1) >> 1]!, max: sorted.at(-1)!, runs };
}

const harness = await startFloodGpuHarness();
const browser = values['gpu-flags']
  ? await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', ...values['gpu-flags'].split(/\s+/)],
    })
  : await launchChromium({ webgpu: true });
try {
  const page = await browser.newPage();
  await page.goto(harness.url);
  await page.waitForFunction(() => (window as { floodGpu?: unknown }).floodGpu !== undefined, null, {
    timeout: 120_000,
  });
  const result = await page.evaluate(
    ([n, s, r]) => (window as unknown as { floodGpu: FloodGpuHarness }).floodGpu.benchmark(n, s, r),
    [size, seconds, repeat] as const,
  );
  const gpu = spreadOf(result.gpu);
  const js = spreadOf(result.js);
  console.log(
    JSON.stringify({
      adapter: result.adapter,
      cells: size * size,
      simulatedSeconds: seconds,
      cellUpdatesPerSecond: { webgpu: gpu, javascript: js },
      webgpuOverJavascript: gpu.median / js.median,
    }),
  );
} finally {
  await browser.close();
  await harness.close();
}
