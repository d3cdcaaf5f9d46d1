/**
 * Render benchmark of the city (not part of vitest): builds the app, serves it with `vite preview`,
 * opens it in Chromium (SwiftShader WebGL, as in the e2e tests) and prints ONE JSON object:
 * time from navigation to the first full city frame (`window.__twin.cityReady`), draw calls and
 * triangles of that view, JS heap after load (CDP Performance.getMetrics after a forced GC),
 * dataset bytes transferred, and frames per second over a few seconds at two camera views, and,
 * as a baseline, of the same page with the dataset withheld (flat ground plane and grid only).
 *
 * Run: npx tsx bench/renderBench.ts [--no-build]
 */
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/e2e/browser.ts';

const SAMPLE_SECONDS = 4;

/** Frames per second over SAMPLE_SECONDS (a string script: tsx's name helpers do not exist in the page). */
async function framesPerSecond(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    function tick() {
      frames++;
      if (performance.now() - start < ${SAMPLE_SECONDS * 1000}) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (performance.now() - start));
    }
    requestAnimationFrame(tick);
  })`);
}

async function main() {
  if (!process.argv.includes('--no-build')) await build({ logLevel: 'warn' });
  const server = await preview({
    preview: { port: 4188, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let datasetBytesOnWire = 0;
    page.on('response', async (response) => {
      if (!response.url().includes('/data/thuduc/')) return;
      const body = await response.body().catch(() => undefined);
      datasetBytesOnWire += body?.length ?? 0;
    });
    const wallStart = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
      timeout: 300_000,
    });
    const wallToReadyMs = Date.now() - wallStart;
    const ready = await page.evaluate(() => ({
      cityReadyMs: window.__twin?.cityReady ?? -1,
      info: window.__twin?.city?.renderInfo(),
      datasetBytes: window.__twin?.city?.datasetBytes ?? 0,
      buildings: window.__twin?.city?.buildingCount ?? 0,
    }));
    const cityFps = await framesPerSecond(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? -1;
    const performanceMemory = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? -1,
    );
    await page.click('[data-testid="camera-thuThiem"]');
    await page.waitForTimeout(2500);
    const thuThiemInfo = await page.evaluate(() => window.__twin?.city?.renderInfo());
    const thuThiemFps = await framesPerSecond(page);
    const pickStart = Date.now();
    const pickable = await page.evaluate(() => {
      const t0 = performance.now();
      const found = window.__twin?.city?.findPickableBuilding() ?? null;
      return { found: found !== null, ms: performance.now() - t0 };
    });
    await page.close();
    const empty = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await empty.route('**/data/thuduc/manifest.json', (route) =>
      route.fulfill({ status: 404, body: 'withheld' }),
    );
    await empty.goto(url);
    await empty.waitForSelector('[data-testid="city-error"]', { timeout: 60_000 });
    const emptyFps = await framesPerSecond(empty);
    const result = {
      url,
      browser: 'Chromium (SwiftShader WebGL2, headless), 1280×800, dpr 1',
      timeToFirstCityFrameMs: Math.round(ready.cityReadyMs),
      wallClockNavigationToReadyMs: wallToReadyMs,
      cityView: {
        drawCalls: ready.info?.drawCalls,
        triangles: ready.info?.triangles,
        geometries: ready.info?.geometries,
        textures: ready.info?.textures,
        framesPerSecond: Math.round(cityFps * 10) / 10,
      },
      thuThiemView: {
        drawCalls: thuThiemInfo?.drawCalls,
        triangles: thuThiemInfo?.triangles,
        framesPerSecond: Math.round(thuThiemFps * 10) / 10,
      },
      baselineWithoutDatasetFramesPerSecond: Math.round(emptyFps * 10) / 10,
      jsHeapUsedBytesAfterGc: metric('JSHeapUsedSize'),
      jsHeapTotalBytes: metric('JSHeapTotalSize'),
      performanceMemoryUsedJSHeapSize: performanceMemory,
      datasetBytesTransferred: ready.datasetBytes,
      datasetBytesOnWire,
      buildings: ready.buildings,
      findPickableBuildingMs: Math.round(pickable.ms),
      pickSearchWallMs: Date.now() - pickStart,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
