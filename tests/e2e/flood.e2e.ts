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

const caption = () => page.textContent('[data-testid="flood-results"] caption');
const area = () => page.getAttribute('[data-testid="flood-area"]', 'data-value');

describe('flood panel in Chromium', () => {
  it('adds a storm event to the scenario and runs it; the time slider and play show the water rising and receding; a 40 m run is cached apart from the 80 m one; a 20 m run cancels', async () => {
    ({ page, errors } = await openCityPage(chromium.browser, inject('appUrl')));
    await page.waitForTimeout(1000);
    const before = await canvasPixels(page, CANVAS);
    await page.selectOption('[data-testid="traffic-gap"]', '0.01'); // a quick traffic stage

    // the baseline has no storm event: the flood panel adds one (10-year, 1-hour storm on a
    // 1.4 m tide, 1 hour simulated) and runs the scenario at 80 m
    expect(await page.textContent('[data-testid="flood-event-state"]')).toMatch(/chưa có sự kiện/);
    await page.selectOption('[data-testid="flood-cell"]', '80');
    await page.selectOption('[data-testid="flood-rain-hours"]', '1');
    await page.fill('[data-testid="flood-duration"]', '1');
    expect(await clickAndWaitForRun(page, '[data-testid="flood-run"]')).toBe('done');
    expect(await page.getAttribute('[data-testid="flood-status"]', 'data-progress')).toBe('100');
    expect(await page.textContent('body')).toContain('storm-event'); // the edit is in the scenario
    expect(await caption()).toContain('80 m');
    // the scenario worker runs the flood on the WebAssembly SIMD kernel (the page is cross-origin isolated)
    expect(await caption()).toContain('WebAssembly SIMD');
    const area80 = await area();
    expect(Number(area80)).toBeGreaterThanOrEqual(0);
    expect(await canvasChangeShare(page, CANVAS, before)).toBeGreaterThan(0.01);

    // the water rising and receding: the maximum depth is the default view; the time slider
    // (keyboard) moves through the run's frames (00:00, 00:30, 01:00) with the tide at each
    const label = () => page.textContent('[data-testid="flood-time-label"]');
    expect(await page.isChecked('[data-testid="flood-show-max"]')).toBe(true);
    expect(await page.getAttribute('[data-testid="flood-time"]', 'max')).toBe('2');
    const maxView = await canvasPixels(page, CANVAS);
    await page.focus('[data-testid="flood-time"]');
    await page.keyboard.press('Home'); // the event starts dry: no flood water drawn
    await expect.poll(label).toBe('00:00');
    expect(await page.isChecked('[data-testid="flood-show-max"]')).toBe(false);
    expect(await page.textContent('[data-testid="flood-tide"]')).toMatch(/lúc 00:00: -?\d+,\d\d m/);
    expect(await canvasChangeShare(page, CANVAS, maxView)).toBeGreaterThan(0.01); // measured 8.7 %
    const startView = await canvasPixels(page, CANVAS);
    // Space on the slider plays to the end and stops there
    await page.keyboard.press(' ');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="flood-time-label"]')?.textContent === '01:00' &&
        document.querySelector('[data-testid="flood-play"]')?.getAttribute('aria-pressed') === 'false',
      null,
      { timeout: 10_000 },
    );
    expect(await page.inputValue('[data-testid="flood-time"]')).toBe('2');
    expect(await canvasChangeShare(page, CANVAS, startView)).toBeGreaterThan(0.01); // measured 8.4 %
    // the play button (Enter) from the end plays from the start again; pause stops it
    await page.focus('[data-testid="flood-play"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="flood-play"][aria-pressed="true"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="flood-play"][aria-pressed="false"]');
    // back to the maximum depth
    await page.check('[data-testid="flood-show-max"]');
    await expect.poll(label).toBe('Độ sâu lớn nhất');

    // another cell size is another run: nothing shown at 40 m until it runs
    await page.selectOption('[data-testid="flood-cell"]', '40');
    await page.waitForSelector('[data-testid="flood-results"]', { state: 'detached' });
    expect(await page.textContent('[data-testid="flood-result-note"]')).toContain('40 m');
    expect(await clickAndWaitForRun(page, '[data-testid="flood-run"]')).toBe('done');
    expect(await caption()).toContain('40 m');
    // the run options are the same select in the run panel and the flood panel
    expect(await page.inputValue('[data-testid="run-option-flood-cell"]')).toBe('40');

    // back at 80 m the earlier run is shown at once, and running again takes every stage from the cache
    await page.selectOption('[data-testid="run-option-flood-cell"]', '80');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="flood-results"] caption')?.textContent?.includes('80 m'),
    );
    expect(await area()).toBe(area80);
    expect(await clickAndWaitForRun(page, '[data-testid="scenario-run"]')).toBe('done');
    expect(await page.textContent('[data-testid="scenario-run-status"]')).toMatch(/landuse, flood, traffic/);
    expect(await area()).toBe(area80);

    // a long event at 20 m, cancelled once the flood stage has started
    await page.selectOption('[data-testid="flood-cell"]', '20');
    await page.fill('[data-testid="flood-duration"]', '24');
    await page.click('[data-testid="flood-run"]');
    await page.waitForSelector('[data-testid="flood-cancel"]', { timeout: 60_000 });
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="flood-status"]')?.getAttribute('data-progress')) >= 1,
      null,
      { timeout: 180_000 },
    );
    await page.click('[data-testid="flood-cancel"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="flood-status"]')?.textContent === 'Đã hủy',
      null,
      { timeout: 60_000 },
    );
    expect(await page.isVisible('[data-testid="flood-results"]')).toBe(false);
    expect(errors).toEqual([]);
  }, 600_000);
});
