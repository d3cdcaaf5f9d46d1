import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';

/** Debian's Chromium; `.ci/run` installs it with `apt-get install -y chromium` when missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that give a page WebGPU on SwiftShader (a software fallback adapter): only for tests that ask. */
const WEBGPU_ON_SWIFTSHADER = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

/**
 * Launches headless Chromium with WebGL2 on SwiftShader and no background networking; with
 * `webgpu`, also WebGPU on SwiftShader (other tests get no WebGPU adapter).
 */
export async function launchChromium(options: { webgpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(options.webgpu ? WEBGPU_ON_SWIFTSHADER : []),
    ],
  });
}

/**
 * A fresh Chromium for every test, closed after it (with its pages): software WebGL keeps its
 * state in one GPU process per browser, and a whole city per page accumulates there over a
 * file's tests. When the test failed, every open page is saved to test-results/ first.
 */
export function chromiumForTests(options: { webgpu?: boolean } = {}): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeEach(async () => {
    browser = await launchChromium(options);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && browser) {
      const pages = browser.contexts().flatMap((c) => c.pages());
      const name = context.task.name.replace(/\W+/g, '-');
      for (const [i, page] of pages.entries())
        await screenshotOnFailure(page, pages.length > 1 ? `${name}-${i}` : name);
    }
    await browser?.close();
    browser = undefined;
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not started');
      return browser;
    },
  };
}

/** Console errors and uncaught page errors, collected for a test to assert on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Saves a screenshot of a failing page under test-results/. */
async function screenshotOnFailure(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` }).catch(() => {});
}

/**
 * Statistics of the pixels of the first canvas matching `selector`: how many distinct
 * colours (quantised to 4 bits per channel) and the share of non-background pixels.
 */
export async function canvasColourStats(
  page: Page,
  selector: string,
): Promise<{ distinctColours: number; width: number }> {
  return page.evaluate((sel) => {
    const source = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!source) return { distinctColours: 0, width: 0 };
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d');
    if (!ctx) return { distinctColours: 0, width: 0 };
    ctx.drawImage(source, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    }
    return { distinctColours: colours.size, width: copy.width };
  }, selector);
}

/** The workbench's 3D canvas. */
export const CANVAS_SELECTOR = '[data-testid="city-canvas"] canvas';

/** Every 4th pixel (RGBA values) of the canvas inside `selector`. */
export function canvasPixels(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((sel) => {
    const source = document.querySelector(sel) as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    return Array.from(ctx.getImageData(0, 0, copy.width, copy.height).data.filter((_, i) => i % 16 === 0));
  }, selector);
}

/**
 * Share of sampled values that changed by more than 8 against `before`, polled once a second
 * until it exceeds `minShare` or `seconds` pass (software WebGL draws about a frame a second).
 */
export async function canvasChangeShare(
  page: Page,
  selector: string,
  before: readonly number[],
  minShare = 0.01,
  seconds = 30,
): Promise<number> {
  let share = 0;
  for (let attempt = 0; attempt < seconds && share <= minShare; attempt++) {
    await page.waitForTimeout(1000);
    const after = await canvasPixels(page, selector);
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (Math.abs(before[i]! - after[i]!) > 8) changed++;
    share = changed / before.length;
  }
  return share;
}

/** Opens the workbench in a new page and waits until the whole city is on screen. */
export async function openCityPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForFunction(
    () => typeof (window as { __twin?: { cityReady?: number } }).__twin?.cityReady === 'number',
    null,
    {
      timeout: 150_000,
    },
  );
  return { page, errors };
}

/** The scenario run's status line (ScenarioRunPanel): `data-state` and a `data-serial` per run. */
const RUN_STATUS = '[data-testid="scenario-run-status"]';

/**
 * Clicks `selector` (a control that starts a run of the current scenario through the one run
 * path) and waits until that run has ended; returns how it ended (done, cancelled, failed).
 */
export async function clickAndWaitForRun(page: Page, selector: string, timeoutMs = 240_000): Promise<string> {
  const before = Number((await page.getAttribute(RUN_STATUS, 'data-serial')) ?? 0);
  await page.click(selector);
  await page.waitForFunction(
    ([status, previous]) => {
      const node = document.querySelector(status as string);
      return (
        Number(node?.getAttribute('data-serial')) > (previous as number) &&
        node?.getAttribute('data-state') !== 'running'
      );
    },
    [RUN_STATUS, before] as const,
    { timeout: timeoutMs },
  );
  return (await page.getAttribute(RUN_STATUS, 'data-state')) ?? '';
}
