import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  killStartedServices,
  type SensorServiceProcess,
} from '../../src/cli/sensors/sensorServiceProcess.ts';
import { chromiumForTests, collectErrors } from './browser.ts';
import {
  datastream,
  hourly,
  postThing,
  thing,
  sensorServiceForBlock,
  datastreamIdNamed,
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
    const tideModel = {
      meanLevelMetres: 0.1,
      constituents: [{ name: 'S2', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
    };
    await post(
      thing('Phú An', 'synthetic', [
        datastream(
          'Phú An level',
          'water level',
          'm',
          hourly(1.2, 24, now).map((o, i) => (i === 0 ? { ...o, result: 1.45 } : o)),
          {
            alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
            tideModel,
          },
        ),
      ]),
    );
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
