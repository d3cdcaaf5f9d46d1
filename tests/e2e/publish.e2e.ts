import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_CSP, SITE_LIMITS, type SiteManifest } from '../../src/scenario/publishedSite.ts';
import type { SiteMassing } from '../../src/scenario/siteMassing.ts';
import type { SiteZoningEdits } from '../../src/scenario/siteZoningEdits.ts';
import { siteGroundAt } from '../../src/scenario/siteTerrain.ts';
import {
  canvasChangeShare,
  canvasColourStats,
  canvasPixels,
  chromiumForTests,
  collectErrors,
} from './browser.ts';

/** The two scenarios the acceptance script publishes: today and the dike + ponds plan. */
const ACCEPTANCE = ['baseline', 'saigon-dike-and-ponds'];
/** A scenario with zoning edits, for the proposed massing. */
const MASSING = 'thu-thiem-high-density';
const PUBLISHED = [...ACCEPTANCE, MASSING];
const NAMES_VI = ACCEPTANCE.map(
  (id) => (JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as { name: { vi: string } }).name.vi,
);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.glb': 'model/gltf-binary',
  '.png': 'image/png',
  '.md': 'text/markdown',
};

/** Runs `twin publish … --json` as a user would (without blocking the test worker); returns its JSON. */
function publishSite(
  out: string,
): Promise<{ out: string; files: number; bytes: number; scenarios: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      'bin/twin.mjs',
      'publish',
      '--scenarios',
      PUBLISHED.join(','),
      '--out',
      out,
      '--json',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

/** A plain static server of `dir` on 127.0.0.1 that sends the content type and ONLY the site's CSP header. */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': SITE_CSP,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Bytes of every file under `dir`. */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/**
 * Taps the map canvas at fractions `xs` × `ys` of its box, row by row, until the info panel
 * tells `wanted` (taps between things hit something else); returns what it tells last.
 */
async function tapUntilTold(
  page: Page,
  canvas: string,
  wanted: string,
  xs: readonly number[],
  ys: readonly number[],
): Promise<string> {
  const box = (await page.locator(canvas).boundingBox())!;
  let told = '';
  for (const y of ys)
    for (const x of xs) {
      if (told.includes(wanted)) return told;
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
      await page.waitForTimeout(200);
      told = (await page.textContent('.site-info')) ?? '';
    }
  return told;
}

const chromium = chromiumForTests();
let dir: string;
let server: Server;
let url: string;
let printed: Awaited<ReturnType<typeof publishSite>>;

/** Opens the site at a viewport; records console errors, CSP violations and requests leaving 127.0.0.1. */
async function openSite(width: number, height: number, hash = '') {
  const page: Page = await chromium.browser.newPage({ viewport: { width, height } });
  const errors = collectErrors(page);
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.protocol.startsWith('http') && target.hostname !== '127.0.0.1') {
      external.push(target.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${url}index.html?test${hash}`);
  await page.waitForSelector('[data-testid="site-map"][data-tiles-loaded="true"]', { timeout: 240_000 });
  await page.waitForTimeout(1000);
  const violations = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  );
  return { page, errors, external, violations };
}

describe('twin publish: the public site under a strict CSP', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twin-site-'));
    printed = await publishSite(dir);
    server = await serve(dir);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 600_000);

  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints what it wrote; the buildings fit 25 MB and the site 60 MB', () => {
    expect(printed.out).toBe(dir);
    expect(printed.scenarios).toEqual(PUBLISHED);
    expect(printed.bytes).toBe(bytesUnder(dir));
    expect(printed.files).toBe(
      readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
    );
    expect(bytesUnder(join(dir, 'data', 'buildings'))).toBeLessThanOrEqual(SITE_LIMITS.buildingsBytes);
    expect(printed.bytes).toBeLessThanOrEqual(SITE_LIMITS.siteBytes);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`content="${SITE_CSP}"`);
  });

  it('draws the city on a phone (390×844) with both scenario names, no errors, nothing fetched from outside, no sideways scrolling', async () => {
    const { page, errors, external, violations } = await openSite(390, 844);
    const stats = await canvasColourStats(page, '[data-testid="site-map"] canvas');
    expect(stats.distinctColours).toBeGreaterThan(10); // globe, sky, buildings by use, flood, traffic
    const text = await page.textContent('body');
    for (const name of NAMES_VI) expect(text).toContain(name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('draws on a desktop (1280×800); the dike scenario in English shows its KPIs, share link and swipe comparison', async () => {
    const { page, errors, external, violations } = await openSite(1280, 800);
    const stats = await canvasColourStats(page, '[data-testid="site-map"] canvas');
    expect(stats.distinctColours).toBeGreaterThan(10);
    await page.click('[data-scenario="saigon-dike-and-ponds"]');
    await page.click('[data-testid="language-switch"]');
    const detail = await page.textContent('[data-testid="scenario-detail"]');
    expect(detail).toContain('Saigon River dike and retention ponds');
    expect(detail).toContain('Flooded area');
    const text = await page.textContent('body');
    for (const name of NAMES_VI) expect(text).toContain(name); // Vietnamese names stay in the list
    expect(new URL(page.url()).hash).toContain('scenario=saigon-dike-and-ponds&lang=en'); // share link
    await page.click('[data-testid="compare"]');
    expect(await page.locator('[data-testid="swipe-bar"]').isVisible()).toBe(true);
    // the globe stands on the dataset's elevation: its drawn height on the Linh Xuân hill is the
    // published lattice's there (tens of metres; the ellipsoid would give 0)
    const site = JSON.parse(readFileSync(join(dir, 'data', 'site.json'), 'utf8')) as SiteManifest;
    const lattice = site.terrain!;
    expect(await page.getAttribute('[data-testid="site-map"]', 'data-terrain')).toBe(
      `${lattice.columns}x${lattice.rows}`,
    );
    const file = readFileSync(join(dir, lattice.heights));
    const decimetres = new Int16Array(file.buffer, file.byteOffset, file.byteLength / 2);
    const [hillLon, hillLat] = [106.785, 10.875];
    const expected = siteGroundAt(lattice, decimetres, hillLon, hillLat);
    expect(expected).toBeGreaterThan(10);
    // polled: the globe refines its terrain tiles over a few frames after the buildings are in
    const drawnHeight = () =>
      page.evaluate(
        ([lon, lat]) =>
          (
            window as unknown as { __siteGlobeHeight(lon: number, lat: number): number | undefined }
          ).__siteGlobeHeight(lon!, lat!) ?? Number.NaN,
        [hillLon, hillLat],
      );
    await expect
      .poll(async () => Math.abs((await drawnHeight()) - expected), { timeout: 30_000 })
      .toBeLessThan(3);
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('draws the proposed massing and the rezoned areas of a zoning scenario, toggled by their switches', async () => {
    const site = JSON.parse(readFileSync(join(dir, 'data', 'site.json'), 'utf8')) as SiteManifest;
    const scenario = site.scenarios.find((s) => s.id === MASSING)!;
    expect(site.scenarios.find((s) => s.id === 'baseline')!.proposedMassing).toBeUndefined();
    const massing = JSON.parse(readFileSync(join(dir, scenario.proposedMassing!), 'utf8')) as SiteMassing;
    expect(massing.features.length).toBeGreaterThan(0);
    for (const f of massing.features) expect(f.properties.floorAreaRatio).toBeGreaterThan(0);
    expect(site.scenarios.find((s) => s.id === 'baseline')!.zoningEdits).toBeUndefined();
    const edits = JSON.parse(readFileSync(join(dir, scenario.zoningEdits!), 'utf8')) as SiteZoningEdits;
    expect(edits.features.map((f) => f.properties.zone)).toEqual(['TT-MIXED', 'TT-R']);
    // look north at the proposed buildings from 1.5 km south, 800 m up
    const corners = massing.features.flatMap((f) => f.geometry.coordinates[0]!);
    const lon = corners.reduce((sum, c) => sum + c[0]!, 0) / corners.length;
    const lat = corners.reduce((sum, c) => sum + c[1]!, 0) / corners.length;
    const view = `#scenario=${MASSING}&view=${lon},${lat - 0.0135},800,0,-30`;
    const { page, errors, external, violations } = await openSite(1280, 800, view);
    await expect.poll(() => page.getAttribute('[data-testid="site-map"]', 'data-massing')).toBe('true');
    const canvas = '[data-testid="site-map"] canvas';
    const shown = await canvasPixels(page, canvas);
    await page.click('[data-layer="massing"]');
    await expect.poll(() => page.getAttribute('[data-testid="site-map"]', 'data-massing')).toBe('false');
    expect(await canvasChangeShare(page, canvas, shown, 0.005, 20)).toBeGreaterThan(0.005);
    // and back on: the same picture as before (the change was the massing, not tiles still loading)
    const hidden = await canvasPixels(page, canvas);
    await page.click('[data-layer="massing"]');
    expect(await canvasChangeShare(page, canvas, hidden, 0.005, 20)).toBeGreaterThan(0.005);
    const again = await canvasPixels(page, canvas);
    const likeShown = (pixels: number[]) =>
      pixels.filter((v, i) => Math.abs(v - shown[i]!) <= 8).length / pixels.length;
    expect(likeShown(again)).toBeGreaterThan(likeShown(hidden));
    // with the traffic lines off, a tap on the middle of the proposed buildings tells what is proposed there
    await page.click('[data-layer="traffic"]');
    const told = await tapUntilTold(
      page,
      canvas,
      'hệ số sử dụng đất',
      [0.5, 0.45, 0.55, 0.4, 0.6],
      [0.45, 0.5, 0.4, 0.55, 0.35],
    );
    expect(told).toContain('hệ số sử dụng đất');
    // the zoning plan alone (massing, flood and today's buildings off): the rezoned areas are
    // outlined over it for this scenario, not for the baseline
    const map = '[data-testid="site-map"]';
    for (const layer of ['massing', 'flood', 'buildings', 'zoning'])
      await page.click(`[data-layer="${layer}"]`);
    await expect.poll(() => page.getAttribute(map, 'data-zoning-edits')).toBe('true');
    expect(await page.locator('[data-testid="rezoned-legend"]').count()).toBe(1);
    const rezoned = await canvasPixels(page, canvas);
    await page.click('[data-scenario="baseline"]');
    await expect.poll(() => page.getAttribute(map, 'data-zoning-edits')).toBe('false');
    expect(await canvasChangeShare(page, canvas, rezoned, 0.005, 20)).toBeGreaterThan(0.005);
    expect(await page.locator('[data-testid="rezoned-legend"]').count()).toBe(0);
    // back on the scenario, a tap inside its core area tells that area's rules
    await page.click(`[data-scenario="${MASSING}"]`);
    await expect.poll(() => page.getAttribute(map, 'data-zoning-edits')).toBe('true');
    const rules = await tapUntilTold(
      page,
      canvas,
      'TT-MIXED',
      [0.5, 0.35, 0.2, 0.65, 0.1],
      [0.5, 0.6, 0.4, 0.7],
    );
    expect(rules).toContain('TT-MIXED');
    expect(rules).toContain('Đất hỗn hợp'); // its use in words
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it("keeps a reader's comment pin (góp ý) across a reload and exports it as GeoJSON", async () => {
    const { page, errors, external } = await openSite(1280, 800);
    await page.click('[data-scenario="saigon-dike-and-ponds"]');
    await page.click('[data-testid="comment-pin"]');
    const map = (await page.locator('[data-testid="site-map"] canvas').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const text = 'Cần thêm hồ điều tiết ở khu này';
    await page.fill('[data-testid="comment-text"]', text);
    await page.click('[data-testid="comment-save"]');
    const listed = () => page.locator('[data-testid="comment-list"] li').count();
    expect(await listed()).toBe(1);
    // kept in this browser: still there after a reload, for this scenario only
    await page.reload();
    await page.waitForSelector('[data-testid="site-map"][data-tiles-loaded="true"]', { timeout: 240_000 });
    await page.click('[data-scenario="saigon-dike-and-ponds"]');
    expect(await listed()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="comment-export"]'),
    ]);
    const geojson = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(geojson.features).toHaveLength(1);
    const [longitude, latitude] = geojson.features[0].geometry.coordinates;
    expect(longitude).toBeGreaterThan(106.55);
    expect(longitude).toBeLessThan(107.05);
    expect(latitude).toBeGreaterThan(10.6);
    expect(latitude).toBeLessThan(11.05);
    expect(geojson.features[0].properties).toMatchObject({ scenario: 'saigon-dike-and-ponds', text });
    await page.click('[data-scenario="baseline"]');
    expect(await listed()).toBe(0);
    // search finds a street as well as a ward (Vietnamese typed without diacritics)
    await page.fill('input[type="search"]', 'kha van can');
    await page.press('input[type="search"]', 'Enter');
    await expect.poll(() => page.textContent('.site-info')).toContain('Kha Vạn Cân');
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
