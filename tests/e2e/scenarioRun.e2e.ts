import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, chromiumForTests } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;

const dikeScenario = readFileSync('scenarios/saigon-dike-and-ponds.json', 'utf8');

/** Clicks "run" and waits for a new "done in N s" status. */
async function runCurrentScenario() {
  const before = await page.textContent('[data-testid="scenario-run-status"]');
  await page.click('[data-testid="scenario-run"]');
  await page.waitForFunction(
    (previous) => {
      const text = document.querySelector('[data-testid="scenario-run-status"]')?.textContent ?? '';
      return text !== previous && /\d+(\.\d+)? s/.test(text);
    },
    before,
    { timeout: 240_000 },
  );
}

describe('scenario run and comparison in Chromium', () => {
  it('runs baseline and an imported scenario in the worker, survives a reload, and compares KPIs', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 850 } });
    page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(inject('appUrl'));
    await page.waitForSelector('[data-testid="scenario-select"]');
    await runCurrentScenario(); // baseline
    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'dike.json',
      mimeType: 'application/json',
      buffer: Buffer.from(dikeScenario),
    });
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement | null)?.value ===
        'saigon-dike-and-ponds',
    );
    await runCurrentScenario();
    // an unchanged scenario never re-runs: every stage comes from the cache
    await runCurrentScenario();
    expect(await page.textContent('[data-testid="scenario-run-status"]')).toMatch(/landuse, flood/);

    await page.click('[data-testid="compare-split"]');
    await page.selectOption('[data-testid="compare-select-a"]', 'baseline');
    await page.selectOption('[data-testid="compare-select-b"]', 'saigon-dike-and-ponds');
    await page.waitForSelector('[data-testid="kpi-table"]');
    const rows = await page.locator('[data-testid="kpi-table"] tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('Diện tích ngập'))).toBe(true);
    expect(rows.some((r) => r.startsWith('Dân số'))).toBe(true);

    // difference layers of B against A: traffic available (both ran it), flood not (baseline has no storm)
    await page.waitForSelector('[data-testid="difference-panel"]');
    expect(await page.isEnabled('[data-testid="difference-toggle-traffic"]')).toBe(true);
    expect(await page.isEnabled('[data-testid="difference-toggle-floorSpace"]')).toBe(true);
    expect(await page.isDisabled('[data-testid="difference-toggle-flood"]')).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="difference-export-geojson"]'),
    ]);
    const geoJson = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      features: Array<{ properties: { volumeA: number; volumeB: number; difference: number } }>;
    };
    expect(geoJson.features.length).toBeGreaterThan(1000);
    // the dike scenario's flood closes roads the baseline (no storm) keeps open: volumes move
    const changed = geoJson.features.filter((f) => Math.abs(f.properties.difference) >= 1);
    expect(changed.length).toBeGreaterThan(0);
    for (const { properties: p } of changed.slice(0, 50)) {
      expect(p.difference).toBeCloseTo(p.volumeB - p.volumeA, 1);
    }

    await page.waitForTimeout(800); // autosave debounce
    await page.reload();
    await page.waitForSelector('[data-testid="scenario-select"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="scenario-select"] option')].some(
        (o) => (o as HTMLOptionElement).value === 'saigon-dike-and-ponds',
      ),
    );
    expect(errors).toEqual([]);
  });
});
