import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  CANVAS_SELECTOR as CANVAS,
  canvasChangeShare,
  canvasPixels,
  chromiumForTests,
  openCityPage,
} from './browser.ts';

const chromium = chromiumForTests();
let page: Page;
let errors: string[];

describe('flood panel in Chromium', () => {
  it('runs a short city event to 100 %, shows the flooded area and draws water; a second run cancels', async () => {
    ({ page, errors } = await openCityPage(chromium.browser, inject('appUrl')));
    await page.waitForTimeout(1000);
    const before = await canvasPixels(page, CANVAS);

    // 1-hour event at 80 m: 10-year 1-hour storm on a 1.4 m tide
    await page.selectOption('[data-testid="flood-cell"]', '80');
    await page.selectOption('[data-testid="flood-rain-hours"]', '1');
    await page.fill('[data-testid="flood-duration"]', '1');
    await page.click('[data-testid="flood-run"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="flood-status"]')?.getAttribute('data-progress') === '100',
      null,
      { timeout: 150_000 },
    );
    await page.waitForSelector('[data-testid="flood-area"]');
    const area = await page.textContent('[data-testid="flood-area"]');
    expect(Number.parseFloat((area ?? '').replace(/\./g, '').replace(',', '.'))).toBeGreaterThan(0);
    expect(await canvasChangeShare(page, CANVAS, before)).toBeGreaterThan(0.01);

    // a long run at 20 m, cancelled once it has started
    await page.selectOption('[data-testid="flood-cell"]', '20');
    await page.fill('[data-testid="flood-duration"]', '24');
    await page.click('[data-testid="flood-run"]');
    await page.waitForSelector('[data-testid="flood-cancel"]', { timeout: 60_000 });
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="flood-status"]')?.getAttribute('data-progress')) >= 1,
      null,
      { timeout: 120_000 },
    );
    await page.click('[data-testid="flood-cancel"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="flood-status"]')?.textContent === 'Đã hủy',
      null,
      { timeout: 60_000 },
    );
    expect(errors).toEqual([]);
  });
});
