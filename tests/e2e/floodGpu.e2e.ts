import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOD_KERNEL_CASES } from '../fixtures/flood/kernelCases.ts';
import type { FloodGpuHarness } from '../gpu/floodGpuHarness.ts';
import { startFloodGpuHarness } from '../gpu/harnessServer.ts';
import { chromiumForTests, collectErrors } from './browser.ts';

const chromium = chromiumForTests({ webgpu: true });
let harness: Awaited<ReturnType<typeof startFloodGpuHarness>>;

beforeAll(async () => {
  harness = await startFloodGpuHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Tolerance on depths between the float32 GPU kernel and the float64 JavaScript kernel, m. */
const DEPTH_TOLERANCE_METRES = 1e-3;
/** Largest relative volume error of the float32 GPU run (the accounts are summed in float64). */
const VOLUME_TOLERANCE = 1e-5;

describe('the flood kernel on WebGPU (SwiftShader) against the JavaScript kernel', () => {
  it('gives the same depths within 1 mm and closes the volume account within 1e-5 on every case', async () => {
    const page = await chromium.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(harness.url);
    await page.waitForFunction(() => (window as { floodGpu?: unknown }).floodGpu !== undefined, null, {
      timeout: 120_000,
    });
    // No adapter is a failure, not a skip: CI's Chromium has SwiftShader's WebGPU adapter.
    const { adapter, cases } = await page.evaluate(() =>
      (window as unknown as { floodGpu: FloodGpuHarness }).floodGpu.compareCases(),
    );
    for (const c of cases)
      console.log(
        `${c.name}: ${c.cells} cells, ${c.gpuSteps}/${c.jsSteps} steps (GPU/JS), max |Δh| ${c.maxDepthDifferenceMetres.toExponential(2)} m, ` +
          `max |Δ maxDepth| ${c.maxMaxDepthDifferenceMetres.toExponential(2)} m, volume error GPU ${c.gpuVolumeRelativeError.toExponential(2)} ` +
          `JS ${c.jsVolumeRelativeError.toExponential(2)}, ${c.gpuSeconds.toFixed(1)} s GPU / ${c.jsSeconds.toFixed(2)} s JS`,
      );
    expect(adapter.architecture).toBe('swiftshader');
    expect(cases.map((c) => c.name)).toEqual(FLOOD_KERNEL_CASES.map((c) => c.name));
    for (const c of cases) {
      // each case moves water: something deep enough to compare, forcing where there is some
      expect(c.deepestMetres, c.name).toBeGreaterThan(0.05);
      expect(c.wetCells, c.name).toBeGreaterThan(10);
      expect(c.gpuSteps, c.name).toBeGreaterThan(10);
      // the same time-step rule: step counts agree to a few steps (float32 vs float64 Δt)
      expect(Math.abs(c.gpuSteps - c.jsSteps), c.name).toBeLessThanOrEqual(Math.max(2, 0.01 * c.jsSteps));
      expect(c.maxDepthDifferenceMetres, c.name).toBeLessThanOrEqual(DEPTH_TOLERANCE_METRES);
      expect(c.maxMaxDepthDifferenceMetres, c.name).toBeLessThanOrEqual(DEPTH_TOLERANCE_METRES);
      expect(c.gpuVolumeRelativeError, c.name).toBeLessThanOrEqual(VOLUME_TOLERANCE);
      expect(c.jsVolumeRelativeError, c.name).toBeLessThanOrEqual(1e-12);
    }
    // every case but the closed dam break takes water in through rain, sources, edges or held cells
    for (const c of cases) expect(c.forcedVolume > 1, c.name).toBe(!c.name.startsWith('dam break'));
    expect(errors).toEqual([]);
  }, 120_000);
});
