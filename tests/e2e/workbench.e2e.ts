import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { canvasColourStats, chromiumForTests, collectErrors, openCityPage } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;
let errors: string[];

describe('workbench in Chromium', () => {
  const open = async (hash = '') => {
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectErrors(page);
    await page.goto(`${inject('appUrl')}${hash}`);
    await page.waitForSelector('[data-testid="city-canvas"] canvas', { timeout: 60_000 });
  };

  it('renders the 3D view (not blank), in Vietnamese by default, cross-origin isolated, without errors', async () => {
    await open();
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    expect(await page.textContent('[data-testid="app-title"]')).toContain('Bản sao số 3D');
    await page.waitForTimeout(1500);
    const stats = await canvasColourStats(page, '[data-testid="city-canvas"] canvas');
    expect(stats.width).toBeGreaterThan(300);
    expect(stats.distinctColours).toBeGreaterThan(3);
    expect(errors).toEqual([]);
  });

  it('switches language to English and keeps it after a reload', async () => {
    await open();
    await page.click('[data-testid="language-switch"]');
    expect(await page.textContent('[data-testid="app-title"]')).toContain('3D urban-planning digital twin');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.waitForSelector('[data-testid="app-title"]');
    expect(await page.textContent('[data-testid="app-title"]')).toContain('3D urban-planning digital twin');
    expect(errors).toEqual([]);
  });
});

describe('presentation mode in Chromium', () => {
  it('walks the tour with the keyboard, captions in both languages', async () => {
    // the first stop's run shares the CPU with the city's build: wait for the city before clicking
    ({ page, errors } = await openCityPage(chromium.browser, `${inject('appUrl')}#/presentation`));
    expect(await page.textContent('[data-testid="tour-caption"]')).toContain('Thành phố Thủ Đức');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('[data-testid="tour-caption"]')).toContain('triều cường');
    // the stop's flood run and software WebGL share two cores: a dispatched click does not wait for quiet frames
    await page.dispatchEvent('[data-testid="language-switch"]', 'click');
    expect(await page.textContent('[data-testid="tour-caption"]')).toContain('king tide');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('[data-testid="tour-caption"]')).toContain('Thủ Đức City');
    expect(errors).toEqual([]);
  });
});
