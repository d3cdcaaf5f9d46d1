import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, chromiumForTests } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;
let errors: string[];

const dikeScenario = {
  ...JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')),
  id: 'dike-e2e',
  name: { vi: 'Đê thử nghiệm', en: 'Test dike' },
  base: 'baseline',
  edits: [
    {
      type: 'dike',
      id: 'dike-1',
      coordinates: [
        [106.71, 10.78],
        [106.72, 10.79],
      ],
      crestHeightMetres: 2.5,
    },
  ],
};

describe('scenario workflow in Chromium', () => {
  it('imports a scenario, refuses a broken one keeping work, undoes, survives a reload, copies a taken id, quarantines a damaged record', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(inject('appUrl'));
    await page.waitForSelector('[data-testid="scenario-select"]');

    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'dike.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dikeScenario)),
    });
    await page.waitForSelector('[data-testid="edit-list"] li');
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('dike-e2e');

    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "twin-scenario/1", "id": '),
    });
    expect(await page.textContent('[data-testid="scenario-error"]')).toMatch(
      /broken\.json: line 1, column \d+: invalid JSON/,
    );
    expect(await page.locator('[data-testid="edit-list"] li').count()).toBe(1);

    await page.click('[data-testid="edit-list"] li button');
    expect(await page.locator('[data-testid="edit-list"] li').count()).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await page.locator('[data-testid="edit-list"] li').count()).toBe(1);

    await page.click('[data-testid="scenario-duplicate"]');
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('dike-e2e-1');
    await page.waitForTimeout(800); // autosave is debounced by 300 ms
    await page.reload();
    await page.waitForSelector('[data-testid="scenario-select"]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement | null)?.value ===
        'dike-e2e-1',
    );
    expect(await page.locator('[data-testid="edit-list"] li').count()).toBe(1);
    expect(await page.locator('[data-testid="scenario-select"] option').allTextContents()).toEqual([
      'Hiện trạng',
      'Đê thử nghiệm',
      'Đê thử nghiệm (bản sao 1)',
    ]);

    // a different scenario with a taken id comes in as a new copy; the planner's one is kept
    await page.setInputFiles('[data-testid="scenario-import"]', {
      name: 'dike-again.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...dikeScenario, edits: [] })),
    });
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement | null)?.value ===
        'dike-e2e-2',
    );
    expect(await page.textContent('[data-testid="scenario-notice"]')).toContain('dike-e2e → dike-e2e-2');
    await page.selectOption('[data-testid="scenario-select"]', 'dike-e2e');
    expect(await page.locator('[data-testid="edit-list"] li').count()).toBe(1);

    // a damaged autosave record is moved to a quarantine key and told once; autosave goes on
    await page.waitForTimeout(800);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('thu-duc-twin');
          open.onsuccess = () => {
            const tx = open.result.transaction('workspace', 'readwrite');
            tx.objectStore('workspace').put({ scenarios: 'not a list' }, 'scenarios');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('[data-testid="scenario-error"]');
    expect(await page.textContent('[data-testid="scenario-error"]')).toMatch(
      /cách ly.*quarantine-\d{4}-.*scenarios: expected an array, found string/,
    );
    await page.click('[data-testid="scenario-duplicate"]'); // a change: autosave writes a fresh record
    await page.waitForTimeout(800);
    const keys = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('thu-duc-twin');
          open.onsuccess = () => {
            const request = open.result.transaction('workspace').objectStore('workspace').getAllKeys();
            request.onsuccess = () => resolve(request.result.map(String));
          };
        }),
    );
    expect(keys.filter((k) => k.startsWith('quarantine-'))).toHaveLength(1);
    expect(keys).toContain('scenarios');
    await page.reload();
    await page.waitForSelector('[data-testid="scenario-select"]');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="scenario-error"]').count()).toBe(0); // told once
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe('baseline-1');
    expect(errors).toEqual([]);
    await context.close();
  });
});
