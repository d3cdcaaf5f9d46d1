import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { canvasColourStats, collectErrors, chromiumForTests } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;

describe('public viewer in Chromium', () => {
  it('shows the CesiumJS globe with the 3D Tiles buildings from local files only, without errors', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = collectErrors(page);
    const external: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
        external.push(url.href);
    });
    await page.goto(`${inject('appUrl')}#/viewer`);
    await page.waitForSelector('[data-testid="cesium-container"] canvas', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="cesium-container"][data-tiles-loaded="true"]', {
      timeout: 120_000,
    });
    await page.waitForTimeout(500);
    const stats = await canvasColourStats(page, '[data-testid="cesium-container"] canvas');
    expect(stats.distinctColours).toBeGreaterThan(10); // globe, sky, boundary and buildings coloured by use
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
