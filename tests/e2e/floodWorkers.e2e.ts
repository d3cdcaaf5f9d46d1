import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests, clickAndWaitForRun, openCityPage } from './browser.ts';

const chromium = chromiumForTests();

/**
 * Runs the flood panel's storm (10-year, 1-hour rain on a 1.4 m tide, 1 hour simulated, 80 m) in
 * a fresh page whose scenario worker uses `workers` flood row workers; returns the results
 * caption and the digest of the maximum depth grid.
 */
async function floodRun(workers: number): Promise<{ caption: string; digest: string; errors: string[] }> {
  const url = new URL(inject('appUrl'));
  url.searchParams.set('floodWorkers', String(workers));
  const { page, errors } = await openCityPage(chromium.browser, url.href);
  try {
    await page.selectOption('[data-testid="traffic-gap"]', '0.01');
    await page.selectOption('[data-testid="flood-cell"]', '80');
    await page.selectOption('[data-testid="flood-rain-hours"]', '1');
    await page.fill('[data-testid="flood-duration"]', '1');
    expect(await clickAndWaitForRun(page, '[data-testid="flood-run"]')).toBe('done');
    return {
      caption: (await page.textContent('[data-testid="flood-results"] caption')) ?? '',
      digest: (await page.getAttribute('[data-testid="flood-results"]', 'data-depth-digest')) ?? '',
      errors,
    };
  } finally {
    await page.close();
  }
}

describe('the flood on several Web Workers in Chromium', () => {
  it('gives the same maximum depths on 1 and 2 row workers (WebAssembly SIMD, shared memory)', async () => {
    const one = await floodRun(1);
    const two = await floodRun(2);
    expect(one.caption).toContain('WebAssembly SIMD trên 1 luồng');
    expect(two.caption).toContain('WebAssembly SIMD trên 2 luồng');
    expect(one.digest).toMatch(/^[0-9a-f]{14}$/);
    expect(two.digest).toBe(one.digest);
    expect([...one.errors, ...two.errors]).toEqual([]);
  }, 600_000);
});
