import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readCityFolder } from '../../src/data/node/readCityFolder.ts';
import type { Kpis } from '../../src/scenario/kpis.ts';
import { runScenario } from '../../src/scenario/pipeline.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/scenario/runOptions.ts';
import { cityStages } from '../../src/scenario/stages/cityStages.ts';
import { parseTour } from '../../src/scenario/tour.ts';
import { encodeTourShareCode } from '../../src/scenario/tourShareLink.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { canvasColourStats, chromiumForTests, collectErrors, openCityPage } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;

/** The baseline's KPIs from the scenario pipeline run here, in the test process (Node), with the app's default run options. */
let expected: Kpis;

const card = (kpi: string) => `[data-testid="tour-kpi-${kpi}"]`;
const caption = () => page.textContent('[data-testid="tour-caption"]');
/** The number a KPI card carries once the stop's run is in (unrounded, in `data-value`). */
const cardValue = async (kpi: string, timeout = 240_000) => {
  await page.waitForSelector(`${card(kpi)}:not([data-value=""])`, { timeout });
  return Number(await page.getAttribute(card(kpi), 'data-value'));
};

describe('the shipped tour in presentation mode', () => {
  beforeAll(async () => {
    const baseline = parseScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));
    const stages = cityStages(await readCityFolder(), DEFAULT_RUN_OPTIONS);
    expected = (await runScenario(baseline, stages)).kpis;
  }, 300_000);

  it('plays the first stop with the pipeline’s numbers and steps through stops with the presenter keys', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('appUrl')}#/presentation`);
    await page.waitForSelector('[data-testid="tour-caption"]');
    expect(await page.textContent('[data-testid="tour-title"]')).toContain('Thủ Đức 2045');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('1 / 5');
    expect(await page.getAttribute('[data-testid="tour-dot-0"]', 'aria-current')).toBe('step');

    // stop 1 runs the baseline in the scenario worker: its cards show what the pipeline gives
    const residents = await cardValue('landuse.residents');
    expect(residents).toBeCloseTo(expected['landuse.residents']!, 6);
    expect(await page.textContent(card('landuse.residents'))).toBe(
      Math.round(expected['landuse.residents']!).toLocaleString('vi-VN'),
    );
    const burden = await cardValue('traffic.travelTimeBurdenHours');
    expect(Math.abs(burden - expected['traffic.travelTimeBurdenHours']!)).toBeLessThanOrEqual(
      1e-9 * expected['traffic.travelTimeBurdenHours']!,
    );
    const label = await page.textContent(
      '.tour-kpi[data-kpi="traffic.travelTimeBurdenHours"] .tour-kpi-label',
    );
    expect(label).toContain('PCU·h');
    // captions legible at 1920 × 1080
    const fontPixels = await page.$eval('[data-testid="tour-caption"]', (e) =>
      parseFloat(getComputedStyle(e).fontSize),
    );
    expect(fontPixels).toBeGreaterThanOrEqual(28);

    // → the storm stop: its own run starts, with a visible progress indicator
    await page.keyboard.press('ArrowRight');
    expect(await caption()).toContain('Mưa 100 năm gặp triều cường');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('2 / 5');
    expect(await page.getAttribute('[data-testid="tour-dot-1"]', 'aria-current')).toBe('step');
    await page.waitForSelector('[data-testid="tour-run-progress"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="tour-scenario"]')).toContain('Hiện trạng gặp mưa 100 năm');

    // PageDown (a presenter clicker) → the compare pair, Space → Thủ Thiêm, PageUp and ← back
    await page.keyboard.press('PageDown');
    expect(await caption()).toContain('Đê bao +2,5 m');
    await page.waitForSelector('[data-testid="compare-view"]');
    await page.keyboard.press(' ');
    expect(await caption()).toContain('Thủ Thiêm mật độ cao');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('1 / 5');
    // back on stop 1 the baseline's run of this session is reused: the same number, no new run
    expect(await cardValue('landuse.residents')).toBe(residents);
    expect(await page.isVisible('[data-testid="tour-run-progress"]')).toBe(false);
    // a progress dot jumps to its stop (runs and software WebGL share two cores: a dispatched
    // click does not wait for quiet frames)
    await page.dispatchEvent('[data-testid="tour-dot-4"]', 'click');
    expect(await caption()).toContain('Vành đai 2');

    expect(errors).toEqual([]);
  }, 400_000);

  it('authors a tour in the workbench: start from the shipped one, edit, reorder, delete, add a stop, export, preview', async () => {
    const { page: workbench, errors } = await openCityPage(chromium.browser, inject('appUrl'));
    page = workbench;
    await page.click('[data-testid="tour-start"]');
    const stops = () =>
      page
        .locator('[data-testid="tour-stop-list"] > li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-stop')));
    expect(await stops()).toEqual(['today', 'storm', 'dike-and-ponds', 'thu-thiem', 'ring-road-2']);
    await page.fill('[data-testid="tour-caption-vi-0"]', 'Hôm nay, trước một trận bão');
    await page.click('[aria-label="Đưa điểm dừng 2 lên trước"]');
    await page.click('[data-testid="tour-delete-4"]');
    await page.click('[data-testid="tour-add-stop"]');
    expect(await stops()).toEqual(['storm', 'today', 'dike-and-ponds', 'thu-thiem', 'stop-1']);
    // an empty caption is a problem of the document: listed, and export is off until it is fixed
    await page.fill('[data-testid="tour-caption-en-4"]', '');
    expect(await page.textContent('[data-testid="tour-problems"]')).toContain('stops[4].caption.en');
    expect(await page.isDisabled('[data-testid="tour-export"]')).toBe(true);
    await page.fill('[data-testid="tour-caption-en-4"]', 'A stop of my own');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="tour-export"]'),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const scenarios = readdirSync('scenarios')
      .filter((f) => f.endsWith('.json'))
      .map((f) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))));
    const tour = parseTour(exported, { scenarios });
    expect(tour.stops[1]!.caption.vi).toBe('Hôm nay, trước một trận bão');
    // the new stop is the current view of the current scenario, inside the city
    expect(tour.stops[4]!.scenario).toBe('baseline');
    expect(tour.stops[4]!.camera.position[2]).toBeGreaterThan(100);

    // kept in this browser, and played by presentation mode from the stop previewed
    await page.reload();
    await page.waitForSelector('[data-testid="tour-stop-list"]');
    expect(await stops()).toEqual(['storm', 'today', 'dike-and-ponds', 'thu-thiem', 'stop-1']);
    await page.click('[data-testid="tour-preview-1"]');
    await page.waitForSelector('[data-testid="tour-caption"]');
    expect(await caption()).toBe('Hôm nay, trước một trận bão');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('2 / 5');
    expect(errors).toEqual([]);
  }, 300_000);

  it('plays the storm stop: the flood run in the worker, then the water over the stop’s time span', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = collectErrors(page);
    await page.goto(`${inject('appUrl')}#/presentation?stop=2`);
    await page.waitForSelector('[data-testid="tour-caption"]');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('2 / 5');
    await page.waitForSelector('[data-testid="tour-run-progress"]', { timeout: 60_000 });
    const flooded = await cardValue('flood.floodedAreaKm2', 540_000);
    expect(flooded).toBeGreaterThan(0);
    // the span 00:00–12:00 plays frame after frame up to 12:00 (the king tide peaks at 04:00)
    const clock = '[data-testid="tour-flood-time"]';
    await page.waitForSelector(clock);
    const shown = await page.evaluate(
      (selector) =>
        new Promise<string[]>((resolve) => {
          const node = document.querySelector(selector)!;
          const texts: string[] = [];
          const note = () => {
            const text = node.textContent ?? '';
            if (texts.at(-1) !== text) texts.push(text);
            if (text.includes('12:00')) resolve(texts);
          };
          note();
          new MutationObserver(note).observe(node, { childList: true, characterData: true, subtree: true });
        }),
      clock,
    );
    const minutes = shown.map((text) => {
      const [, h, m] = /(\d\d):(\d\d)/.exec(text)!;
      return Number(h) * 60 + Number(m);
    });
    expect(minutes.length).toBeGreaterThanOrEqual(2);
    expect(minutes.every((m, i) => i === 0 || m > minutes[i - 1]!)).toBe(true);
    expect(minutes.at(-1)).toBe(12 * 60);
    expect(errors).toEqual([]);
  }, 600_000);

  it('records what is presented as a WebM video (an EBML file) and saves it', async () => {
    const opened = await openCityPage(chromium.browser, `${inject('appUrl')}#/presentation`);
    page = opened.page;
    const { errors } = opened;
    await page.dispatchEvent('[data-testid="tour-record"]', 'click');
    expect(await page.getAttribute('[data-testid="tour-record"]', 'aria-pressed')).toBe('true');
    // software VP8 encoding on a shared two-core machine is slow: give it frames to encode
    await page.waitForTimeout(15_000);
    const [video] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.dispatchEvent('[data-testid="tour-record"]', 'click'),
    ]);
    expect(video.suggestedFilename()).toBe('thu-duc-2045.webm');
    expect(errors).toEqual([]);
    const bytes = readFileSync((await video.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(bytes.length).toBeGreaterThan(1000);
  }, 300_000);
});

describe('the present look and tour share links', () => {
  /** The look presentation mode chose (window.__twin.look), once the page has registered it. */
  const lookOf = async () => {
    await page.waitForFunction(() => window.__twin?.look !== undefined);
    return page.evaluate(() => window.__twin!.look!);
  };

  it('stays plain on SwiftShader, reports a damaged tour link, and with ?look=present plays a shared tour', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    // a damaged link: reported, and the shipped tour plays in the plain look (software WebGL)
    await page.goto(`${inject('appUrl')}#/presentation?tour=eJwr-damaged`);
    await page.waitForSelector('[data-testid="tour-link-error"]');
    expect(await page.textContent('[data-testid="tour-link-error"]')).toContain(
      'Không mở được liên kết chia sẻ chuyến tham quan: share link is damaged (not a compressed tour)',
    );
    expect(await page.textContent('[data-testid="tour-title"]')).toContain('Thủ Đức 2045');
    const plain = await lookOf();
    expect(plain.renderer).toMatch(/SwiftShader/i);
    expect(plain.look).toBe('plain');
    expect(await page.isChecked('[data-testid="tour-present-look"]')).toBe(false);

    // a shared tour (the shipped tour's id, so it comes in as a copy) in the forced present look
    const scenarios = readdirSync('scenarios')
      .filter((f) => f.endsWith('.json'))
      .map((f) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))));
    const shipped = parseTour(JSON.parse(readFileSync('scenarios/tours/thu-duc-2045.json', 'utf8')), {
      scenarios,
    });
    const shared = {
      ...shipped,
      title: { vi: 'Chuyến được chia sẻ', en: 'A shared tour' },
      stops: [shipped.stops[3]!],
    };
    await page.goto(
      `${inject('appUrl').replace(/\/?$/, '/')}?look=present#/presentation?tour=${encodeTourShareCode(shared)}`,
    );
    await page.waitForSelector('[data-testid="tour-caption"]');
    expect(await page.textContent('[data-testid="tour-title"]')).toBe('Chuyến được chia sẻ');
    expect(await page.textContent('[data-testid="tour-position"]')).toBe('1 / 1');
    expect((await lookOf()).look).toBe('present');
    expect(await page.getAttribute('[data-testid="presentation"]', 'data-look')).toBe('present');
    // imported as the planner's tour under a free id, and the code left the address
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('twin.tour')))!);
    expect(saved.id).toBe('thu-duc-2045-1');
    expect(page.url()).not.toContain('tour=');
    // the city drawn with sky, sun shadows, water and haze: many colours, no console errors
    await page.waitForFunction(() => typeof window.__twin?.cityReady === 'number', null, {
      timeout: 150_000,
    });
    await page.waitForTimeout(3000);
    const stats = await canvasColourStats(page, '[data-testid="city-canvas"] canvas');
    expect(stats.width).toBe(1280);
    expect(stats.distinctColours).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  }, 200_000);
});
