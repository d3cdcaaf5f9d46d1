import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  killStartedServices,
  type SensorServiceProcess,
  startSensorService,
  stopSensorService,
} from '../../src/cli/sensors/sensorServiceProcess.ts';
import { chromiumForTests, collectErrors } from './browser.ts';
import {
  datastream,
  datastreamIdNamed,
  hourly,
  phuAnGauge,
  postThing,
  sensorServiceForBlock,
  thing,
} from './sensorThings.ts';

const chromium = chromiumForTests();

afterAll(killStartedServices);

describe('#/operations against `twin sensors serve`', () => {
  const sensors = sensorServiceForBlock('twin-ops-e2e');
  let service: SensorServiceProcess;
  let riverDatastreamId: number;

  beforeAll(async () => {
    service = sensors.process;
    const now = Date.now();
    const post = (body: unknown) => postThing(service.http, body);
    // 12 hours of PM2.5 65 µg/m³: NowCast 65 → 100 + 50·15/30 = 125 (Kém). 200 µg/m³ → 200 + 100·50/100 = 250 (Rất xấu).
    await post(thing('Trạm A', 'replay', [datastream('A PM2.5', 'PM2.5', 'µg/m³', hourly(65, 12, now))]));
    await post(thing('Trạm B', 'replay', [datastream('B PM2.5', 'PM2.5', 'µg/m³', hourly(200, 12, now))]));
    await post(phuAnGauge(now, 1.45));
    riverDatastreamId = await datastreamIdNamed(service.http, 'Phú An level');
  }, 120_000);

  it('shows AQI tiles, the river level with its alarm levels, and a value published over MQTT within seconds', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('appUrl')}#/operations?sta=${encodeURIComponent(`${service.http}/v1.1`)}`);
    await page.waitForSelector('[data-testid="aqi-tile"]', { timeout: 60_000 });
    const aqi = await page
      .locator('[data-testid="aqi-tile"]')
      .evaluateAll((tiles) =>
        tiles.map((t) => [t.querySelector('h3')?.textContent, (t as HTMLElement).dataset.aqi]),
      );
    expect(Object.fromEntries(aqi)).toEqual({ 'Trạm A': '125', 'Trạm B': '250' });
    expect(await page.locator('[data-testid="river-level"]').getAttribute('data-level')).toBe('1.45');
    expect(await page.locator('[data-testid="alarm-level"]').count()).toBe(3);
    const alertsBefore = await page.locator('[data-testid="alert"]').allTextContents();
    expect(alertsBefore.some((t) => t.includes('AQI 250') && t.includes('Trạm B'))).toBe(true);
    expect(alertsBefore.some((t) => t.includes('AQI 125'))).toBe(false);
    expect(alertsBefore.some((t) => t.includes('báo động I'))).toBe(true);

    // Wait for the live connection (no offline badge on the river), then publish 1.62 m over MQTT.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="river"] [data-health="offline"]') === null,
      null,
      {
        timeout: 15_000,
      },
    );
    const mqtt = await connectAsync(`mqtt://127.0.0.1:${service.mqttPort}`);
    const publishedAt = Date.now();
    await mqtt.publishAsync(
      `v1.1/Datastreams(${riverDatastreamId})/Observations`,
      JSON.stringify({ phenomenonTime: new Date().toISOString(), result: 1.62 }),
      { qos: 1 },
    );
    await page.waitForSelector('[data-testid="river-level"][data-level="1.62"]', { timeout: 10_000 });
    const seconds = (Date.now() - publishedAt) / 1000;
    await mqtt.endAsync();
    expect(seconds).toBeLessThan(10);
    const alertsAfter = await page.locator('[data-testid="alert"]').allTextContents();
    expect(alertsAfter.some((t) => t.includes('báo động III'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('#/operations through a restart of `twin sensors serve`', () => {
  let dataDir: string;
  let service: SensorServiceProcess;
  let riverDatastreamId: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'twin-ops-restart-'));
    service = await startSensorService(dataDir);
    await postThing(service.http, phuAnGauge(Date.now(), 1.2));
    riverDatastreamId = await datastreamIdNamed(service.http, 'Phú An level');
  }, 120_000);
  afterAll(async () => {
    await stopSensorService(service);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows offline while the service is down, then reconnects and fills the gap from the HTTP history', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${inject('appUrl')}#/operations?sta=${encodeURIComponent(`${service.http}/v1.1`)}`);
    await page.waitForSelector(
      '[data-testid="river-level"][data-level="1.20"], [data-testid="river-level"][data-level="1.2"]',
      {
        timeout: 60_000,
      },
    );
    const offline = '[data-testid="river"] [data-health="offline"]';
    await page.waitForFunction((selector) => document.querySelector(selector) === null, offline, {
      timeout: 15_000,
    });

    // The service dies: the view says offline.
    await stopSensorService(service, 'SIGKILL');
    await page.waitForSelector(offline, { timeout: 30_000 });

    // While the view is cut off, a reading reaches the store (a second instance on other ports over
    // the same data folder takes it); the view can only learn it from the HTTP history.
    const writer = await startSensorService(dataDir);
    const posted = await fetch(`${writer.http}/v1.1/Datastreams(${riverDatastreamId})/Observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phenomenonTime: new Date().toISOString(), result: 1.33 }),
    });
    expect(posted.status).toBe(201);
    await stopSensorService(writer);
    expect(await page.locator('[data-testid="river-level"]').getAttribute('data-level')).not.toBe('1.33');

    // The service is back on its ports: the view reconnects (backoff with jitter) and fills the gap.
    service = await startSensorService(dataDir, [], [service.httpPort, service.mqttPort]);
    await page.waitForSelector('[data-testid="river-level"][data-level="1.33"]', { timeout: 60_000 });
    await page.waitForFunction((selector) => document.querySelector(selector) === null, offline, {
      timeout: 15_000,
    });
    await page.close();
  });
});
