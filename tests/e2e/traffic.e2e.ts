import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  CANVAS_SELECTOR as CANVAS,
  canvasChangeShare,
  canvasPixels,
  chromiumForTests,
  clickAndWaitForRun,
  openCityPage,
} from './browser.ts';

const chromium = chromiumForTests();
let page: Page;
let errors: string[];

const VHT = '[data-testid="traffic-totals"] tr[data-kpi="traffic.vehicleHoursTravelled"]';

/** The shown run's vehicle hours from the totals table (0 when absent). */
async function vehicleHours(): Promise<number> {
  return Number((await page.getAttribute(VHT, 'data-value')) ?? 0);
}

describe('traffic panel in Chromium', () => {
  it('runs the scenario (traffic stage), draws loaded links and vehicles, closes a road and runs again', async () => {
    ({ page, errors } = await openCityPage(chromium.browser, inject('appUrl')));
    await page.waitForTimeout(1000);
    const before = await canvasPixels(page, CANVAS);

    await page.selectOption('[data-testid="traffic-gap"]', '0.01');
    expect(await clickAndWaitForRun(page, '[data-testid="traffic-run"]')).toBe('done');
    await page.waitForSelector('[data-testid="traffic-totals"]');
    expect(await page.getAttribute('[data-testid="traffic-status"]', 'data-progress')).toBe('100');
    const first = await vehicleHours();
    expect(first).toBeGreaterThan(0);
    const segments = await page.evaluate(
      () => (window.__twin?.traffic as { segmentCount(): number } | undefined)?.segmentCount() ?? 0,
    );
    expect(segments).toBeGreaterThan(1000);
    const changedShare = await canvasChangeShare(page, CANVAS, before);
    await page.screenshot({ path: 'test-results/traffic-links.png' });
    expect(changedShare).toBeGreaterThan(0.01);

    // vehicles move: the worker steps the fleet and the instanced meshes are filled
    await page.check('[data-testid="traffic-vehicles"]');
    await page.waitForFunction(
      () => ((window.__twin?.traffic as { vehicleCount(): number } | undefined)?.vehicleCount() ?? 0) > 1000,
      null,
      { timeout: 60_000 },
    );
    await page.uncheck('[data-testid="traffic-vehicles"]');

    // close the busiest link through the panel's action (selected as a map click would)
    await page.evaluate(() => {
      const hook = window.__twin?.traffic as { busiestRoadId(): string | null; selectRoad(id: string): void };
      const id = hook.busiestRoadId();
      if (id) hook.selectRoad(id);
    });
    await page.waitForSelector('[data-testid="traffic-link"] table');
    expect(await clickAndWaitForRun(page, '[data-testid="traffic-close-road"]')).toBe('done');
    expect(await vehicleHours()).not.toBe(first);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: 'test-results/traffic-closure-difference.png' });
    expect(await page.textContent('body')).toContain('traffic-closures');
    expect(errors).toEqual([]);
  }, 300_000);
});
