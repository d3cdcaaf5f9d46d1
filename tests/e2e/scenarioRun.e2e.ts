import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { KPI_DEFINITIONS } from '../../src/scenario/kpis.ts';
import { clickAndWaitForRun, collectErrors, chromiumForTests } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;

const dikeScenario = readFileSync('scenarios/saigon-dike-and-ponds.json', 'utf8');

/** Clicks "run" and waits until the run is done. */
async function runCurrentScenario() {
  expect(await clickAndWaitForRun(page, '[data-testid="scenario-run"]')).toBe('done');
}

const row = (key: string) => `[data-testid="kpi-table"] tr[data-kpi="${key}"]`;

describe('scenario run and comparison in Chromium', () => {
  it('runs baseline and an imported scenario in the worker, survives a reload, and compares KPIs', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 850 } });
    page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(inject('appUrl'));
    await page.waitForSelector('[data-testid="scenario-select"]');
    await page.selectOption('[data-testid="run-option-traffic-gap"]', '0.01'); // a quick traffic stage
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
    expect(await page.textContent('[data-testid="scenario-run-status"]')).toMatch(/landuse, flood, traffic/);

    await page.click('[data-testid="compare-split"]');
    await page.selectOption('[data-testid="compare-select-a"]', 'baseline');
    await page.selectOption('[data-testid="compare-select-b"]', 'saigon-dike-and-ponds');
    await page.waitForSelector('[data-testid="kpi-table"]');
    // runs with the same options are compared, and the table says so
    expect(await page.textContent('[data-testid="compare-options"]')).toContain('80 m');
    // twin-kpis/2 names grouped by stage, with label and unit
    const groups = await page
      .locator('[data-testid="kpi-table"] tbody')
      .evaluateAll((bodies) => bodies.map((b) => b.getAttribute('data-testid')));
    expect(groups).toEqual(['kpi-group-landuse', 'kpi-group-flood', 'kpi-group-traffic']);
    const flooded = await page.textContent(row('flood.floodedAreaKm2'));
    expect(flooded).toContain('Diện tích ngập (km²)');
    expect(flooded).toContain('flood.floodedAreaKm2');
    expect(await page.textContent(row('landuse.residents'))).toContain('Dân số');
    expect(
      await page.locator('[data-testid="kpi-group-landuse"] tr[data-kpi="landuse.residents"]').count(),
    ).toBe(1);
    expect(
      await page.locator(`[data-testid="kpi-group-traffic"] tr[data-kpi^="traffic."]`).count(),
    ).toBeGreaterThan(0);
    // the ranking traffic figure leads its group, marked, when the traffic stage reports it
    const trafficKeys = await page
      .locator('[data-testid="kpi-group-traffic"] tr[data-kpi]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kpi')));
    if (trafficKeys.includes('traffic.travelTimeBurdenHours')) {
      expect(trafficKeys[0]).toBe('traffic.travelTimeBurdenHours');
      expect(await page.textContent(row('traffic.travelTimeBurdenHours'))).toContain('★');
    }

    // each KPI's meaning is one click away (a disclosure button, also by keyboard)
    const meaning = '[data-testid="kpi-meaning-flood.floodedAreaKm2"]';
    const info = '[data-testid="kpi-info-flood.floodedAreaKm2"]';
    expect(await page.isVisible(meaning)).toBe(false);
    expect(await page.getAttribute(info, 'aria-expanded')).toBe('false');
    await page.click(info);
    await page.waitForSelector(meaning, { state: 'visible' });
    const definition = KPI_DEFINITIONS.find((d) => d.key === 'flood.floodedAreaKm2')!;
    expect(await page.textContent(meaning)).toBe(definition.meaning.vi);
    expect(await page.getAttribute(info, 'aria-expanded')).toBe('true');
    await page.focus(info);
    await page.keyboard.press('Enter');
    await page.waitForSelector(meaning, { state: 'hidden' });

    // CSV export: qualified names with units
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="compare-export-csv"]'),
    ]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').split('\n');
    expect(csv[0]).toBe('kpi,unit,a,b,absolute,relative');
    expect(csv.some((line) => line.startsWith('flood.floodedAreaKm2,km²,'))).toBe(true);
    expect(csv.some((line) => line.startsWith('landuse.residents,người,'))).toBe(true);

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
  }, 600_000);
});
