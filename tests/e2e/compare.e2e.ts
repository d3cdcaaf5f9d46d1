import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, chromiumForTests } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;

/** Share of sampled pixels whose colour differs by more than 48/255 in a channel between two canvases (or snapshots). */
const differingShare = (a: string, b: string) =>
  page.evaluate(
    async ([first, second]: readonly [string, string]) => {
      const pixels = async (source: string) => {
        const canvas = document.querySelector(`[data-testid="${source}"] canvas`) as HTMLCanvasElement | null;
        const image = new Image();
        image.src = canvas ? canvas.toDataURL() : source; // a test id, or a data URL taken earlier
        await image.decode();
        const copy = document.createElement('canvas');
        copy.width = image.width;
        copy.height = image.height;
        const ctx = copy.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return ctx.getImageData(0, 0, copy.width, copy.height).data;
      };
      const [p, q] = await Promise.all([pixels(first), pixels(second)]);
      let differing = 0;
      let sampled = 0;
      for (let i = 0; i < Math.min(p.length, q.length); i += 4 * 13) {
        sampled++;
        if (
          Math.abs(p[i]! - q[i]!) > 48 ||
          Math.abs(p[i + 1]! - q[i + 1]!) > 48 ||
          Math.abs(p[i + 2]! - q[i + 2]!) > 48
        ) {
          differing++;
        }
      }
      return differing / sampled;
    },
    [a, b] as const,
  );
const snapshot = (testId: string) =>
  page.evaluate(
    (id) => (document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement).toDataURL(),
    testId,
  );

describe('comparison view in Chromium', () => {
  it('shows two views whose cameras move together, and a swipe mode', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1400, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(inject('appUrl'));
    await page.click('[data-testid="compare-split"]');
    // the KPI comparison is of runs with the same run options, and says so; none has run yet
    expect(await page.textContent('[data-testid="compare-options"]')).toContain('80 m');
    expect(await page.isVisible('[data-testid="compare-no-results"]')).toBe(true);
    await page.waitForSelector('[data-testid="compare-canvas-b"] canvas');
    await page.waitForTimeout(8000); // both views load the city (software WebGL draws ~1 frame/s)
    const before = await snapshot('compare-canvas-a');
    const box = await page.locator('[data-testid="compare-canvas-a"] canvas').boundingBox();
    if (!box) throw new Error('no canvas A');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -1500);
    await page.mouse.move(5, 5); // leave the canvas: no hover highlight in A only
    await page.waitForTimeout(5000);
    // the zoom changed view A a lot; view B (same scenario) follows to within a few pixels
    expect(await differingShare(before, 'compare-canvas-a')).toBeGreaterThan(0.2);
    expect(await differingShare('compare-canvas-a', 'compare-canvas-b')).toBeLessThan(0.03);
    await page.click('[data-testid="compare-swipe"]');
    await page.waitForSelector('.swipe-handle');
    expect(await page.locator('[data-testid="compare-view"].swipe').count()).toBe(1);
    await page.click('[data-testid="compare-off"]');
    await page.waitForSelector('[data-testid="city-canvas"] canvas');
    expect(errors).toEqual([]);
  });
});
