import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SHARED_SENSOR_DATA_DIR } from '../../src/cli/sensors/replayRunner.ts';
import {
  killStartedServices,
  type SensorServiceProcess,
  waitFor,
} from '../../src/cli/sensors/sensorServiceProcess.ts';
import type { NowcastResult } from '../../src/scenario/nowcastRun.ts';
import { chromiumForTests, collectErrors } from './browser.ts';
import { datastream, hourly, postThing, thing, sensorServiceForBlock } from './sensorThings.ts';

/**
 * The issue's done-criterion "a storm in the replay triggers a nowcast whose closed roads
 * re-route traffic": `twin sensors serve` replays the shared data with its clock set to the
 * afternoon storm of 25 Nov 2026 (the replay's synthetic gauges, deterministic in time); the
 * operations view, its page clock set to the same data time, runs the nowcast in the scenario
 * worker when the trigger fires; `twin nowcast --at <that time> --sta <same service>` must give
 * the same figures.
 */

const chromium = chromiumForTests();
const hasSharedData = existsSync(join(SHARED_SENSOR_DATA_DIR, 'healthyair-hcmc-hourly.csv'));
const TWIN = join(import.meta.dirname, '../../bin/twin.mjs');

/** The replay's data time at start: 14:45 local on the storm day. */
const CLOCK = '2026-11-25T14:45:00+07:00';
/**
 * The first scheduled run: the replay's Thảo Điền gauge has 0 mm until 14:00, then 4.1, 6.3,
 * 11.0, 25.0 mm in the 10 min ending 14:00…14:30 (46.4 mm in 3 h, under 50) and 15.8 mm at
 * 14:40: 62.2 mm ≥ 50 mm in 3 h, so the trigger first holds at 14:40 local = 07:40Z (the river,
 * at 0.60 m, is below alarm I); the next run is due at 15:10, 25 min of data time later.
 */
const FIRST_RUN = '2026-11-25T07:40:00.000Z';

afterAll(killStartedServices);

/** Runs `twin nowcast --json` and parses its output. */
function cliNowcast(args: string[]): Promise<NowcastResult & { seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TWIN, 'nowcast', ...args, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`twin nowcast exit ${code}: ${err}`)),
    );
  });
}

describe.skipIf(!hasSharedData)('#/operations: a storm in the replay triggers the flood nowcast', () => {
  const sensors = sensorServiceForBlock('twin-nowcast-e2e', [
    '--replay',
    '--clock',
    CLOCK,
    '--speed',
    '3600',
  ]);
  let service: SensorServiceProcess;
  let clockOffsetMs: number;

  beforeAll(async () => {
    clockOffsetMs = Date.parse(CLOCK) - Date.now();
    service = sensors.process;
    // the replay has created its Things and played up to the first run time
    await waitFor(async () => {
      const streams = (await (
        await fetch(`${service.http}/v1.1/Datastreams?$filter=unitOfMeasurement/symbol eq 'mm'`)
      ).json()) as { value: { '@iot.id': number }[] };
      const id = streams.value[0]?.['@iot.id'];
      if (id === undefined) return undefined;
      const latest = (await (
        await fetch(
          `${service.http}/v1.1/Datastreams(${id})/Observations?$filter=phenomenonTime ge ${FIRST_RUN}`,
        )
      ).json()) as { value: unknown[] };
      return latest.value.length > 0 ? true : undefined;
    }, 'the replay to reach the storm');
  }, 120_000);

  it('runs the nowcast in the worker, shows closed roads and the traffic burden, and matches twin nowcast', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = collectErrors(page);
    // the reference run, at the time the trigger must choose and on the same service, beside the app's
    const reference = cliNowcast(['--at', FIRST_RUN, '--sta', `${service.http}/v1.1`]);
    reference.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    // the page's Date stands at the replay's data time (its timers run as usual)
    await page.clock.setFixedTime(Date.now() + clockOffsetMs);
    await page.goto(`${inject('appUrl')}#/operations?sta=${encodeURIComponent(`${service.http}/v1.1`)}`);
    // polled from here, on the real clock
    const nowcast = () => page.evaluate(() => window.__twin?.nowcast?.state());
    const running = await waitFor(
      async () => {
        const state = await nowcast();
        return state?.status === 'running' ? state : undefined;
      },
      'the nowcast to start',
      60_000,
    );
    expect(new Date(running.atMs ?? 0).toISOString()).toBe(FIRST_RUN);
    const done = await waitFor(
      async () => {
        const state = await nowcast();
        if (state?.status === 'failed') throw new Error(`nowcast failed: ${state.message}`);
        return state?.status === 'done' ? state : undefined;
      },
      'the nowcast result',
      320_000,
    );
    const app = done.result as NowcastResult;
    const cli = await reference;

    expect(app.at).toBe(FIRST_RUN);
    expect(app.trigger.reasons).toContain('rain');
    expect(app.trigger.rainLast3hMm).toBeGreaterThanOrEqual(50);
    // the storm floods streets, their closure reaches the traffic stage, and trips pay for it
    expect(app.closedRoads).toBeGreaterThan(0);
    expect(app.kpis['traffic.closedLinkKm']).toBeGreaterThan(0);
    expect(app.kpis['traffic.travelTimeBurdenHours']).toBeGreaterThan(0);
    expect(app.maxDepthMetres).toBeGreaterThanOrEqual(0.3);
    // one function, two paths: the same figures
    const { seconds, ...cliResult } = cli;
    expect(app.kpis).toEqual(cliResult.kpis);
    expect(app).toEqual(cliResult);

    expect(await page.locator('[data-testid="nowcast-closed"]').textContent()).toBe(
      app.closedRoads.toLocaleString('vi-VN'),
    );
    expect(await page.locator('[data-testid="nowcast-roads"] li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 360_000);
});

describe('#/operations: the nowcast can be cancelled', () => {
  const sensors = sensorServiceForBlock('twin-nowcast-cancel-e2e');
  let service: SensorServiceProcess;

  beforeAll(async () => {
    service = sensors.process;
    // 1.2 m for 24 h, the latest hour 1.45 m ≥ alarm I (1.40 m): the trigger holds at once
    const levels = hourly(1.2, 24, Date.now()).map((o, i) => (i === 0 ? { ...o, result: 1.45 } : o));
    const tideModel = {
      meanLevelMetres: 0.1,
      constituents: [{ name: 'S2', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
    };
    await postThing(
      service.http,
      thing('Phú An', 'synthetic', [
        datastream('Phú An level', 'water level', 'm', levels, {
          alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 },
          tideModel,
        }),
      ]),
    );
  }, 120_000);

  it('starts on the river at alarm I, shows its progress, and stops on Cancel from the keyboard', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('appUrl')}#/operations?sta=${encodeURIComponent(`${service.http}/v1.1`)}`);
    const panel = page.getByTestId('nowcast');
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('running');
    expect(await panel.locator('progress').count()).toBe(1);
    await page.getByTestId('nowcast-cancel').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 120_000 }).toBe('cancelled');
    expect(await panel.textContent()).toContain('Đã hủy dự báo');
    // not started again for the same scheduled time
    await page.waitForTimeout(2000);
    expect(await panel.getAttribute('data-status')).toBe('cancelled');
    expect(await page.getByTestId('nowcast-result').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
