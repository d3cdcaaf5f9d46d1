import { describe, expect, inject, it } from 'vitest';
import { chromiumForTests, clickAndWaitForRun, collectErrors } from './browser.ts';

const chromium = chromiumForTests();
const RUN = '[data-testid="scenario-run"]';
const STATUS = '[data-testid="scenario-run-status"]';

describe('a scenario worker that dies mid-run', () => {
  it('fails the run with a message, takes the progress bar down, re-enables Run, and a retry succeeds', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(inject('appUrl'));
    await page.waitForSelector('[data-testid="scenario-select"]');
    await page.selectOption('[data-testid="run-option-traffic-gap"]', '0.01'); // a quick traffic stage
    await page.click(RUN);
    await page.waitForSelector(`${STATUS}[data-state="running"]`, { state: 'attached' });
    await page.waitForSelector('[data-testid="scenario-run-progress"]');
    expect(await page.isDisabled(RUN)).toBe(true);

    await page.evaluate(() =>
      (window as unknown as { __twin: { terminateScenarioWorker(): void } }).__twin.terminateScenarioWorker(),
    );
    await page.waitForSelector(`${STATUS}[data-state="failed"]`, { timeout: 10_000 });
    const status = await page.textContent(STATUS);
    expect(status).toContain('Bộ xử lý mô phỏng đã dừng (đã bị dừng)');
    expect(status).toContain('The simulation worker stopped (it was terminated)');
    expect(await page.locator('[data-testid="scenario-run-progress"]').count()).toBe(0);
    expect(await page.isEnabled(RUN)).toBe(true);

    // the retry starts a fresh worker (nothing comes from the old one's cache) and runs to the end
    expect(await clickAndWaitForRun(page, RUN)).toBe('done');
    expect(await page.textContent(STATUS)).toMatch(/^Xong sau [\d.]+ s \(dùng lại kết quả: —\)$/);
    expect(errors).toEqual([]);
  }, 600_000);
});
