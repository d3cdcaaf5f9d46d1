import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { canvasColourStats, chromiumForTests, collectErrors, openCityPage } from './browser.ts';

const chromium = chromiumForTests();
let page: Page;
let errors: string[];

const CANVAS = '[data-testid="city-canvas"] canvas';

/** Opens the workbench and waits until the city's first full frame is drawn. */
async function openCity(): Promise<void> {
  ({ page, errors } = await openCityPage(chromium.browser, inject('appUrl')));
}

/** Waits until the city view has drawn `count` more frames (SwiftShader frames take ~0.5–1 s). */
async function waitForFrames(count: number): Promise<void> {
  const start = await page.evaluate(() => window.__twin?.city?.frameCount() ?? 0);
  await page.waitForFunction((target) => (window.__twin?.city?.frameCount() ?? 0) >= target, start + count, {
    timeout: 60_000,
  });
}

/** Keeps a copy of the canvas pixels in the page under `name` (compared in the page: no big transfers). */
async function snapshot(name: string): Promise<void> {
  await page.evaluate(
    ([sel, key]) => {
      const source = document.querySelector(sel) as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const w = window as unknown as { __snapshots?: Record<string, Uint8ClampedArray> };
      w.__snapshots ??= {};
      const store = w.__snapshots;
      store[key] = ctx.getImageData(0, 0, copy.width, copy.height).data;
    },
    [CANVAS, name] as const,
  );
}

/** Share of pixels whose colour differs (sum of channel differences > 24) between two snapshots. */
async function changedShare(a: string, b: string): Promise<number> {
  return page.evaluate(
    ([ka, kb]) => {
      const store = (window as unknown as { __snapshots: Record<string, Uint8ClampedArray> }).__snapshots;
      const x = store[ka]!;
      const y = store[kb]!;
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 24)
          changed++;
      }
      return changed / (x.length / 4);
    },
    [a, b] as const,
  );
}

describe('Thủ Đức city in the workbench (Chromium)', () => {
  it('renders the whole city from the dataset: many colours, 100k+ buildings, legends, draw calls in the low hundreds, no errors', async () => {
    await openCity();
    await waitForFrames(1);
    const stats = await canvasColourStats(page, CANVAS);
    expect(stats.distinctColours).toBeGreaterThan(40);
    const city = await page.evaluate(() => ({
      buildings: window.__twin?.city?.buildingCount ?? 0,
      synthetic: window.__twin?.city?.syntheticBuildingCount ?? 0,
      info: window.__twin?.city?.renderInfo(),
    }));
    expect(city.buildings).toBeGreaterThan(100_000);
    expect(city.synthetic).toBeGreaterThan(0);
    expect(city.synthetic).toBeLessThan(city.buildings);
    expect(city.info?.drawCalls).toBeGreaterThan(10);
    expect(city.info?.drawCalls).toBeLessThanOrEqual(300);
    // legends and the synthetic-terrain note in the layer panel (Vietnamese by default)
    expect(await page.textContent('[data-testid="synthetic-terrain-note"]')).toContain('Địa hình tổng hợp');
    expect(await page.textContent('[data-testid="layer-roads"]')).toContain('Đường cao tốc');
    expect(await page.textContent('[data-testid="layer-buildings"]')).toContain('tổng hợp');
    expect(await page.textContent('.status-bar')).toContain('OpenStreetMap');
    expect(await page.textContent('[data-testid="scale-bar"]')).toMatch(/^\d+ (m|km)$/);
    expect(errors).toEqual([]);
  });

  it('toggling the roads layer and the building colouring changes the image', async () => {
    await openCity();
    await waitForFrames(1);
    await snapshot('before');
    await page.click('[data-testid="toggle-roads"]');
    await waitForFrames(2);
    await snapshot('withoutRoads');
    expect(await changedShare('before', 'withoutRoads')).toBeGreaterThan(0.005);
    await page.click('[data-testid="camera-thuThiem"]');
    await page.waitForTimeout(2500);
    await waitForFrames(2);
    await snapshot('byUse');
    await page.click('[data-testid="building-colour-height"]');
    await waitForFrames(2);
    await snapshot('byHeight');
    expect(await changedShare('byUse', 'byHeight')).toBeGreaterThan(0.001);
    expect(await page.textContent('[data-testid="layer-buildings"]')).toContain('150 m');
    expect(errors).toEqual([]);
  });

  it('clicking a building in Thủ Thiêm shows its id, use, height, floors and source in the inspector', async () => {
    await openCity();
    await page.click('[data-testid="camera-thuThiem"]');
    await page.waitForTimeout(2500);
    await waitForFrames(2);
    const target = await page.evaluate(() => window.__twin?.city?.findPickableBuilding() ?? null);
    expect(target).not.toBeNull();
    const box = await page.locator(CANVAS).boundingBox();
    await page.mouse.click(box!.x + target!.x, box!.y + target!.y);
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="inspector"]')?.textContent?.includes(id),
      target!.id,
      {
        timeout: 20_000,
      },
    );
    const text = (await page.textContent('[data-testid="inspector"]')) ?? '';
    expect(text).toContain('buildings');
    expect(text).toContain(target!.id);
    for (const name of ['use', 'heightMetres', 'floors', 'source']) expect(text).toContain(name);
    expect(text).toMatch(/source(osm|synthetic)/);
    // the use in both languages
    expect(text).toMatch(/vi(Đất|Mặt nước)/);
    expect(errors).toEqual([]);
  });

  it('clicking a road and a land-use parcel shows their attributes in the inspector', async () => {
    await openCity();
    await page.click('[data-testid="camera-hiTechPark"]');
    await page.waitForTimeout(2500);
    await waitForFrames(2);
    const box = await page.locator(CANVAS).boundingBox();
    const road = await page.evaluate(() => window.__twin?.city?.findPickableFeature('roads') ?? null);
    expect(road).not.toBeNull();
    await page.mouse.click(box!.x + road!.x, box!.y + road!.y);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="inspector"]')?.textContent?.includes('roadClass'),
      null,
      {
        timeout: 20_000,
      },
    );
    const roadText = (await page.textContent('[data-testid="inspector"]')) ?? '';
    for (const name of ['roads', 'lanes', 'speedKmh', 'capacityPcuPerHour']) expect(roadText).toContain(name);
    const parcel = await page.evaluate(() => window.__twin?.city?.findPickableFeature('landuse') ?? null);
    expect(parcel).not.toBeNull();
    await page.mouse.click(box!.x + parcel!.x, box!.y + parcel!.y);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="inspector"]')?.textContent?.includes('areaSquareMetres'),
      null,
      { timeout: 20_000 },
    );
    const parcelText = (await page.textContent('[data-testid="inspector"]')) ?? '';
    expect(parcelText).toContain('landuse');
    expect(parcelText).toMatch(/viĐất|viMặt nước/);
    expect(errors).toEqual([]);
  });

  it('without the dataset the app still runs and names the missing file', async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectErrors(page);
    await page.route('**/data/thuduc/manifest.json', (route) =>
      route.fulfill({ status: 404, body: 'missing' }),
    );
    await page.goto(inject('appUrl'));
    await page.waitForSelector('[data-testid="city-error"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="city-error"]')).toContain('manifest.json');
    await page.waitForTimeout(1000);
    expect((await canvasColourStats(page, CANVAS)).distinctColours).toBeGreaterThan(3);
    // the only console error is the browser's own report of the 404
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
