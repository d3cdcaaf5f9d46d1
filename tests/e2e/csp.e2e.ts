import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CANVAS_SELECTOR, canvasColourStats, chromiumForTests, collectErrors } from './browser.ts';

const chromium = chromiumForTests();

/** A new page that records every `securitypolicyviolation` of its documents, and its errors. */
async function watchedPage(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage({ viewport: { width, height } });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { page, errors: collectErrors(page) };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('the built app under its Content-Security-Policy', () => {
  it('serves the policy as a header and a meta, and the workbench draws without a violation', async () => {
    const { page, errors } = await watchedPage(1280, 800);
    const response = await page.goto(inject('appUrl'));
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(meta).toContain("default-src 'self'");
    expect(meta).not.toContain('frame-ancestors'); // not allowed in a meta
    await page.waitForFunction(
      () => typeof (window as { __twin?: { cityReady?: number } }).__twin?.cityReady === 'number',
      null,
      { timeout: 150_000 },
    );
    await page.waitForTimeout(1000);
    expect((await canvasColourStats(page, CANVAS_SELECTOR)).distinctColours).toBeGreaterThan(10);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('shows the Cesium viewer without a violation, while an inline script is refused', async () => {
    const { page, errors } = await watchedPage(1024, 700);
    await page.goto(`${inject('appUrl')}#/viewer`);
    await page.waitForSelector('[data-testid="cesium-container"][data-tiles-loaded="true"]', {
      timeout: 120_000,
    });
    await page.waitForTimeout(500);
    const stats = await canvasColourStats(page, '[data-testid="cesium-container"] canvas');
    expect(stats.distinctColours).toBeGreaterThan(10);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // the policy is in force and its violations are seen: an injected inline script does not run
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await page.waitForFunction(() =>
      (window as unknown as { __cspViolations: string[] }).__cspViolations.some((v) =>
        v.startsWith('script-src'),
      ),
    );
  }, 300_000);
});
