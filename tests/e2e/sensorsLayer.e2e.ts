import { connectAsync } from 'mqtt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  killStartedServices,
  type SensorServiceProcess,
} from '../../src/cli/sensors/sensorServiceProcess.ts';
import { STA_ROOT_STORAGE_KEY } from '../../src/state/sensorsStore.ts';
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

const marker = (page: Page, place: string) =>
  page.evaluate((p: string) => window.__twin?.sensors?.markerLevel(p) ?? null, place);

describe('the workbench sensors layer against `twin sensors serve`', () => {
  const sensors = sensorServiceForBlock('twin-sensors-layer-e2e');
  let service: SensorServiceProcess;
  let riverDatastreamId: number;

  beforeAll(async () => {
    service = sensors.process;
    const now = Date.now();
    const post = (body: unknown) => postThing(service.http, body);
    // 12 h of PM2.5 65 µg/m³: NowCast 65 → 100 + 50·15/30 = 125 (class 3, "Kém").
    await post(
      thing(
        'Trạm A',
        'replay',
        [datastream('A PM2.5', 'PM2.5', 'µg/m³', hourly(65, 12, now))],
        [106.77, 10.85],
      ),
    );
    // 4 mm now: 4 mm in the last hour, "moderate" (2.5–10 mm/h).
    await post(
      thing('Mưa Thủ Đức', 'observed', [datastream('Mưa', 'rain', 'mm', hourly(4, 1, now))], [106.76, 10.84]),
    );
    await post(
      thing(
        'Phú An',
        'synthetic',
        [
          datastream(
            'Phú An level',
            'water level',
            'm',
            hourly(1.2, 24, now).map((o, i) => (i === 0 ? { ...o, result: 1.45 } : o)),
            { alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 } },
          ),
        ],
        [106.75, 10.8],
      ),
    );
    riverDatastreamId = await datastreamIdNamed(service.http, 'Phú An level');
  }, 120_000);

  it('draws a marker per station, follows a level published over MQTT, opens the popup, says when the server is unreachable', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.addInitScript(
      ([key, url]) => {
        if (!localStorage.getItem(key as string)) localStorage.setItem(key as string, url as string);
      },
      [STA_ROOT_STORAGE_KEY, `${service.http}/v1.1`],
    );
    await page.goto(inject('appUrl'));
    await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
      timeout: 150_000,
    });
    // Off by default: nothing read until the layer is toggled on.
    expect(await page.evaluate(() => window.__twin?.sensors?.markerCount())).toBe(0);
    await page.getByTestId('toggle-sensors').check();
    await page.waitForFunction(() => window.__twin?.sensors?.markerCount() === 3, null, { timeout: 60_000 });
    expect(await marker(page, 'Trạm A')).toBe('aqi-3');
    expect(await marker(page, 'Mưa Thủ Đức')).toBe('rain-moderate');
    expect(await marker(page, 'Phú An')).toBe('river-I');
    const riverLabel = page.locator('[data-testid="sensor-marker"]', { hasText: 'Phú An' });
    await expect.poll(() => riverLabel.textContent()).toContain('1.45 m');
    expect(await riverLabel.textContent()).toContain('mô phỏng / synthetic');
    const alerts = page.getByTestId('sensor-alert');
    expect((await alerts.allTextContents()).some((t) => t.includes('báo động I tại Phú An'))).toBe(true);

    // Live: wait for the connection (the river's label not offline), publish 1.55 m (≥ alarm II).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="sensor-marker"]')].some(
          (n) => n.textContent?.includes('Phú An') && (n as HTMLElement).dataset.health !== 'offline',
        ),
      null,
      { timeout: 15_000 },
    );
    const mqtt = await connectAsync(`mqtt://127.0.0.1:${service.mqttPort}`);
    await mqtt.publishAsync(
      `v1.1/Datastreams(${riverDatastreamId})/Observations`,
      JSON.stringify({ phenomenonTime: new Date().toISOString(), result: 1.55 }),
      { qos: 1 },
    );
    await mqtt.endAsync();
    await page.waitForFunction(() => window.__twin?.sensors?.markerLevel('Phú An') === 'river-II', null, {
      timeout: 10_000,
    });
    await expect
      .poll(async () =>
        (await alerts.allTextContents()).some((t) => t.includes('1.55 m ≥ báo động II tại Phú An')),
      )
      .toBe(true);

    // The popup from the keyboard-accessible station list: the 24 h line and the three alarm levels.
    await page.getByTestId('sensor-station').filter({ hasText: 'Phú An' }).click();
    const popup = page.getByTestId('sensor-popup');
    await popup.waitFor();
    expect(Number(await popup.locator('svg').getAttribute('data-points'))).toBeGreaterThanOrEqual(24);
    expect(await popup.locator('[data-threshold]').count()).toBe(3);
    expect(errors).toEqual([]);

    // Another server, unreachable: the panel says so and the city stays.
    await page.getByTestId('sensors-url').fill('http://127.0.0.1:9/v1.1');
    await page.getByTestId('sensors-url').press('Enter');
    await page.getByTestId('sensors-unreachable').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => window.__twin?.sensors?.markerCount())).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('twin.sensors.staRoot'))).toBe(
      'http://127.0.0.1:9/v1.1',
    );
    expect(
      errors.filter((e) => !e.includes('Failed to load resource') && !e.includes('127.0.0.1:9')),
    ).toEqual([]);
    await page.close();
  });
});
