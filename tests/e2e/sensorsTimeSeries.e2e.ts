import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  killStartedServices,
  type SensorServiceProcess,
} from '../../src/cli/sensors/sensorServiceProcess.ts';
import { STA_ROOT_STORAGE_KEY } from '../../src/state/sensorsStore.ts';
import { chromiumForTests, collectErrors } from './browser.ts';
import { datastream, postThing, thing, sensorServiceForBlock } from './sensorThings.ts';

const chromium = chromiumForTests();
const TEN_MINUTES_MS = 600_000;

afterAll(killStartedServices);

describe('the station time-series chart (uPlot) against `twin sensors serve`', () => {
  const sensors = sensorServiceForBlock('twin-timeseries-e2e');
  let service: SensorServiceProcess;

  beforeAll(async () => {
    service = sensors.process;
    // A level every 10 min for 7 days and 10 h back from now: k = 0 … 1068, k·10 min before now.
    const now = Date.now();
    const levels = Array.from({ length: 1069 }, (_, k) => ({
      phenomenonTime: new Date(now - k * TEN_MINUTES_MS).toISOString(),
      result: 1 + 0.5 * Math.sin(k / 10),
    }));
    await postThing(
      service.http,
      thing(
        'Phú An',
        'synthetic',
        [
          datastream('Phú An level', 'water level', 'm', levels, {
            alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
          }),
        ],
        [106.75, 10.8],
      ),
    );
  }, 120_000);

  it('reads 24 h and 7 days over HTTP (7 days spans two pages) and draws the alarm levels', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.addInitScript(
      ([key, url]) => localStorage.setItem(key as string, url as string),
      [STA_ROOT_STORAGE_KEY, `${service.http}/v1.1`],
    );
    await page.goto(inject('appUrl'));
    await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
      timeout: 150_000,
    });
    await page.getByTestId('toggle-sensors').check();
    await page.getByTestId('sensor-station').filter({ hasText: 'Phú An' }).click();
    const chart = page.getByTestId('timeseries-chart');
    // 24 h: the levels k = 0 … 143 (k = 144 is 24 h before the test's "now", which the page's later clock leaves out)
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 20_000 }).toBe('144');
    expect(await chart.getAttribute('data-thresholds')).toBe('I,II,III');
    // uPlot's legend: the level and the three alarm lines
    const legend = await chart.locator('.u-legend .u-series .u-label').allTextContents();
    expect(legend).toEqual(['Time', 'm', 'I', 'II', 'III']);
    expect(await chart.locator('canvas').count()).toBe(1);

    // 7 days: k = 0 … 1007, 1,008 levels: 1,000 on the first page, 8 through @iot.nextLink.
    await page.getByTestId('timeseries-week').press('Enter');
    await expect.poll(() => chart.getAttribute('data-range')).toBe('week');
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 20_000 }).toBe('1008');
    expect(await page.getByTestId('timeseries-week').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
