/**
 * Render benchmark of the city (not part of vitest): builds the app, serves it with `vite preview`
 * and opens it in RUNS fresh Chromium browsers, one after the other (SwiftShader WebGL, as in the
 * e2e tests; a new launch each, so no shader or HTTP cache carries over). It prints ONE JSON
 * object:
 *
 * - `firstCityFrameMs`: `window.__twin.cityReady` (ms from navigation to the first full city
 *   frame) of every run, with min / median / max: the acceptance figure is the median;
 * - `runs[]`: per run, the load average (1 min) when it started and the breakdown of that time
 *   from the page: the app script downloaded, DOMContentLoaded, the WebGL context made, the
 *   dataset worker's fetch, decode and prism build, each part's arrival, build and first draw,
 *   `cityReady` (User Timing marks `city:<stage>`, src/ui/city/cityLoadMarks.ts);
 * - from the last run's page: draw calls and triangles, JS heap after a forced GC, dataset bytes,
 *   frames per second at two camera views, the time to find a pickable building, and, as a
 *   baseline, the frame rate of the same page with the dataset withheld (ground plane and grid).
 *
 * Run: npx tsx bench/renderBench.ts [--no-build] [--runs 3]
 */
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/e2e/browser.ts';

const SAMPLE_SECONDS = 4;
/** The benchmark's own build (dist/ is rebuilt by the e2e tests, possibly while this runs). */
const OUT_DIR = join(tmpdir(), 'twin-render-bench');
const VIEWPORT = { width: 1280, height: 800 };

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

/** Where the time to the first city frame went, ms since navigation start (null: not reached). */
interface LoadBreakdown {
  appScriptLoadedMs: number | null;
  domContentLoadedMs: number | null;
  contextCreatedMs: number | null;
  /**
   * `city:<stage>` marks other than the context's: the dataset worker's steps (`worker-outline-read`,
   * `worker-buildings-fetched`, `worker-buildings-decoded`, `worker-prisms-built`), the parts
   * arriving on the page (`outline-parsed`, `details-parsed`), built (`outline-built`,
   * `model-built`) and drawn (`outline-frame`, `first-frame`).
   */
  marks: Record<string, number>;
  cityReadyMs: number;
}

/** Reads the breakdown from the page's Navigation, Resource and User Timing entries (a string script, see above). */
async function loadBreakdown(page: Page): Promise<LoadBreakdown> {
  return page.evaluate(`(() => {
    const round = (x) => (x === undefined || x === null ? null : Math.round(x));
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const script = resources.find((r) => /\\/assets\\/index-[^/]*\\.js$/.test(r.name));
    const marks = {};
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('city:') && !(m.name.slice(5) in marks)) marks[m.name.slice(5)] = Math.round(m.startTime);
    const context = marks['context-created'];
    delete marks['context-created'];
    return {
      appScriptLoadedMs: round(script?.responseEnd),
      domContentLoadedMs: round(navigation?.domContentLoadedEventEnd),
      contextCreatedMs: round(context),
      marks,
      cityReadyMs: Math.round(window.__twin?.cityReady ?? -1),
    };
  })()`);
}

/** One fresh browser: navigation to the first full city frame, with its breakdown. */
async function measureRun(browser: Browser, url: string): Promise<{ page: Page; breakdown: LoadBreakdown }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
    timeout: 300_000,
  });
  return { page, breakdown: await loadBreakdown(page) };
}

/** Draw calls, frame rates, heap and picking of the loaded city page, and the page without the dataset. */
async function viewMeasures(browser: Browser, page: Page, url: string) {
  const ready = await page.evaluate(() => ({
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
  await page.click('[data-testid="camera-thuThiem"]');
  await page.waitForTimeout(2500);
  const thuThiemInfo = await page.evaluate(() => window.__twin?.city?.renderInfo());
  const thuThiemFps = await framesPerSecond(page);
  const pickable = await page.evaluate(() => {
    const t0 = performance.now();
    const found = window.__twin?.city?.findPickableBuilding() ?? null;
    return { found: found !== null, ms: performance.now() - t0 };
  });
  await page.close();
  const empty = await browser.newPage({ viewport: VIEWPORT });
  await empty.route('**/data/thuduc/manifest.json', (route) =>
    route.fulfill({ status: 404, body: 'withheld' }),
  );
  await empty.goto(url);
  await empty.waitForSelector('[data-testid="city-error"]', { timeout: 60_000 });
  const emptyFps = await framesPerSecond(empty);
  return {
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
    datasetBytesTransferred: ready.datasetBytes,
    buildings: ready.buildings,
    pickableBuildingFound: pickable.found,
    findPickableBuildingMs: Math.round(pickable.ms),
  };
}

/** Min, median and max of `values` (the median of an even count is the mean of the middle two). */
function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median: Math.round(median), max: sorted[sorted.length - 1]! };
}

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs expects a whole number ≥ 1');
  if (!process.argv.includes('--no-build')) await build({ logLevel: 'warn', build: { outDir: OUT_DIR } });
  const server = await preview({
    build: { outDir: OUT_DIR },
    preview: { port: 4188, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const measured: Array<LoadBreakdown & { loadAverage1Min: number }> = [];
  let view: Awaited<ReturnType<typeof viewMeasures>> | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      const loadAverage1Min = Math.round(loadavg()[0]! * 100) / 100;
      const browser = await launchChromium();
      try {
        const { page, breakdown } = await measureRun(browser, url);
        measured.push({ loadAverage1Min, ...breakdown });
        process.stderr.write(
          `run ${run + 1}/${runs} (load ${loadAverage1Min}): ${JSON.stringify(breakdown)}\n`,
        );
        if (run === runs - 1) view = await viewMeasures(browser, page, url);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const result = {
    url,
    browser: 'Chromium (SwiftShader WebGL2, headless), 1280×800, dpr 1, a fresh launch per run',
    firstCityFrameMs: {
      ...spread(measured.map((m) => m.cityReadyMs)),
      runs: measured.map((m) => m.cityReadyMs),
    },
    runs: measured,
    ...view,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
