/**
 * Browser benchmark of the live sensors (issue 14, item 7, browser half); prints one JSON line,
 * asserts nothing. Run: npx tsx bench/sensorsBrowserLoad.ts [--stations 1000] [--seconds 30] [--no-build]
 * [--profile page.cpuprofile]
 *
 * Starts `twin sensors serve --no-replay` on free ports with a temporary --data and creates N river
 * gauges (one Thing, one Location spread over the Thủ Đức bbox and one water-level Datastream each,
 * levels far below their alarms) by deep insert. Builds the app (unless --no-build), serves it with
 * `vite preview` and opens it in Chromium (SwiftShader WebGL, as the e2e tests) pointed at the
 * service, turns the sensors layer on and waits for N markers. A PerformanceObserver installed
 * before navigation records the main thread's long tasks (> 50 ms). Two windows of S + 3 s each
 * are measured on the same page: the idle page (baseline: SwiftShader rendering alone makes long
 * tasks), then the page while 1 Observation/s per Datastream is published over MQTT for S s. For
 * each: long tasks (count, over 100 ms, max, p95), main-thread busy share (CDP TaskDuration over
 * the window) and the feed's changes seen by the page (`window.__twin.sensors.changesSeen()`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { startSensorService, stopSensorService } from '../src/cli/sensors/sensorServiceProcess.ts';
import { OM_MEASUREMENT } from '../src/sensors/observationMessage.ts';
import { STA_ROOT_STORAGE_KEY } from '../src/state/sensorsStore.ts';
import { launchChromium } from '../tests/e2e/browser.ts';
import { createThings, publishEverySecond, quantile } from './sensorsSynthetic.ts';

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '30' },
    'no-build': { type: 'boolean', default: false },
    /** Writes a CPU profile of the page over the publishing window to this file (`.cpuprofile`). */
    profile: { type: 'string' },
  },
});
const stationCount = Number(values.stations);
const seconds = Number(values.seconds);
/** Time after the last publish for the page to take in what is still in flight, s. */
const DRAIN_SECONDS = 3;
/** Thủ Đức bounding box, WGS84 degrees: [west, south, east, north]. */
const BBOX = [106.7, 10.75, 106.85, 10.9] as const;

/** The `index`-th gauge: spread over BBOX by the R2 low-discrepancy sequence, alarms at 3/4/5 m. */
function gauge(index: number) {
  const name = `Trạm đo ${index + 1}`;
  const lon = BBOX[0] + (BBOX[2] - BBOX[0]) * ((0.5 + index * 0.7548776662) % 1);
  const lat = BBOX[1] + (BBOX[3] - BBOX[1]) * ((0.5 + index * 0.569840291) % 1);
  return {
    name,
    properties: { source: 'synthetic' },
    Locations: [
      { name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [lon, lat] } },
    ],
    Datastreams: [
      {
        name: `${name} mực nước`,
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
        observationType: OM_MEASUREMENT,
        properties: { alarmLevelsMetres: { I: 3, II: 4, III: 5 } },
        Sensor: { name: 'bench gauge', encodingType: 'text/plain', metadata: 'bench' },
        ObservedProperty: { name: 'water level', definition: 'https://example.org/water-level' },
      },
    ],
  };
}

/** Recorded in the page before any of its scripts: every long task's start and duration, ms. */
const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Long tasks, busy share and feed changes over one window of the page. */
interface WindowFigures {
  count: number;
  over100Ms: number;
  maxMs: number;
  p95Ms: number;
  mainThreadBusyShare: number;
  changesSeen: number;
}

/** Measures the page while `during()` runs, then for DRAIN_SECONDS more. */
async function measureWindow(
  page: Page,
  cdp: CDPSession,
  during: () => Promise<void>,
): Promise<WindowFigures> {
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
  };
  const pageState = () =>
    page.evaluate(`[performance.now(), window.__twin?.sensors?.changesSeen() ?? 0]`) as Promise<
      [number, number]
    >;
  const [startMs, changesBefore] = await pageState();
  const busyBefore = await taskSeconds();
  const wallStart = performance.now();
  await during();
  await new Promise((r) => setTimeout(r, DRAIN_SECONDS * 1000));
  const busy = (await taskSeconds()) - busyBefore;
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const [endMs, changesAfter] = await pageState();
  const tasks = (await page.evaluate(`window.__longTasks`)) as Array<[number, number]>;
  const durations = tasks
    .filter(([start]) => start >= startMs && start < endMs)
    .map(([, duration]) => duration)
    .sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: durations.length,
    over100Ms: durations.filter((d) => d > 100).length,
    maxMs: round(durations.at(-1) ?? 0),
    p95Ms: round(durations.length ? quantile(durations, 0.95) : 0),
    mainThreadBusyShare: Math.round((busy / wallSeconds) * 1000) / 1000,
    changesSeen: changesAfter - changesBefore,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'twin-sensors-browser-'));
  const service = await startSensorService(dataDir);
  const root = `${service.http}/v1.1`;
  let closeServer: (() => Promise<void>) | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  try {
    const setupStarted = performance.now();
    const ids = await createThings(root, stationCount, gauge);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    if (!values['no-build']) await build({ logLevel: 'warn' });
    const server = await preview({
      preview: { port: 4189, strictPort: false, host: '127.0.0.1' },
      logLevel: 'warn',
    });
    closeServer = () => server.close();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    const browser = await launchChromium();
    closeBrowser = () => browser.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(LONG_TASK_RECORDER);
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key as string, value as string),
      [STA_ROOT_STORAGE_KEY, root],
    );
    const loadStarted = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
      timeout: 300_000,
    });
    await page.getByTestId('toggle-sensors').check();
    await page.waitForFunction((n) => window.__twin?.sensors?.markerCount() === n, stationCount, {
      timeout: 300_000,
    });
    // live: the MQTT connection is up once the markers are no longer offline
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="sensor-marker"]') as HTMLElement | null)?.dataset.health !==
        'offline',
      null,
      { timeout: 60_000 },
    );
    const stationsShownSeconds = (Date.now() - loadStarted) / 1000;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const baselineLongTasks = await measureWindow(
      page,
      cdp,
      () => new Promise((r) => setTimeout(r, seconds * 1000)),
    );
    let messagesPublished = 0;
    if (values.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const longTasks = await measureWindow(page, cdp, async () => {
      const run = await publishEverySecond({
        mqttUrl: `mqtt://127.0.0.1:${service.mqttPort}`,
        ids,
        seconds,
        publishers: 10,
        result: (second, index) => Math.round((1 + 0.3 * Math.sin(second / 5 + index)) * 1000) / 1000,
      });
      messagesPublished = run.published;
    });
    if (values.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(values.profile, JSON.stringify(profile));
    }
    const markersShown = await page.evaluate(() => window.__twin?.sensors?.markerCount() ?? 0);
    process.stdout.write(
      `${JSON.stringify({
        stations: ids.length,
        seconds,
        markersShown,
        setupSeconds: Math.round(setupSeconds * 10) / 10,
        stationsShownSeconds: Math.round(stationsShownSeconds * 10) / 10,
        messagesPublished,
        updatesSeen: longTasks.changesSeen,
        longTasks,
        baselineLongTasks,
        difference: {
          count: longTasks.count - baselineLongTasks.count,
          over100Ms: longTasks.over100Ms - baselineLongTasks.over100Ms,
          maxMs: Math.round((longTasks.maxMs - baselineLongTasks.maxMs) * 10) / 10,
          mainThreadBusyShare:
            Math.round((longTasks.mainThreadBusyShare - baselineLongTasks.mainThreadBusyShare) * 1000) / 1000,
        },
        windowSeconds: seconds + DRAIN_SECONDS,
        browser: 'Chromium (SwiftShader WebGL2, headless), 1280×800, dpr 1',
      })}\n`,
    );
  } finally {
    await closeBrowser?.();
    await closeServer?.();
    await stopSensorService(service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
