import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchChromium, screenshotOnFailure } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const image = (testId: string) =>
  page.evaluate(
    (id) => (document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement).toDataURL(),
    testId,
  );

describe('comparison view in Chromium', () => {
  it('shows two views whose cameras move together, and a swipe mode', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const errors = collectErrors(page);
    try {
      await page.goto(inject('appUrl'));
      await page.click('[data-testid="compare-split"]');
      await page.waitForSelector('[data-testid="compare-canvas-b"] canvas');
      await page.waitForTimeout(1000);
      const before = await image('compare-canvas-a');
      const box = await page.locator('[data-testid="compare-canvas-a"] canvas').boundingBox();
      if (!box) throw new Error('no canvas A');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(1500);
      const afterA = await image('compare-canvas-a');
      const afterB = await image('compare-canvas-b');
      expect(afterA).not.toBe(before); // the zoom changed view A
      expect(afterB).toBe(afterA); // view B follows (same scenario on both sides)
      await page.click('[data-testid="compare-swipe"]');
      await page.waitForSelector('.swipe-handle');
      expect(await page.locator('[data-testid="compare-view"].swipe').count()).toBe(1);
      await page.click('[data-testid="compare-off"]');
      await page.waitForSelector('[data-testid="city-canvas"] canvas');
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'compare');
      throw error;
    } finally {
      await page.close();
    }
  });
});
