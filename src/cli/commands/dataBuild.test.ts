import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { townCensus } from '../../../tests/fixtures/census/townCensus.ts';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { runMain } from '../../../tests/helpers/runMain.ts';
import { twin } from '../../../tests/helpers/twin.ts';

/** Writes a flat 30 × 30 ESRI ASCII DEM of 100 m cells at 12.5 m, west edge at `xllcornerMetres` (UTM 48N); returns its path. */
function writeFlatDem(path: string, xllcornerMetres: number): string {
  const rows = Array.from({ length: 30 }, () => Array(30).fill('12.5').join(' ')).join('\n');
  writeFileSync(
    path,
    `ncols 30\nnrows 30\nxllcorner ${xllcornerMetres}\nyllcorner 1193000\ncellsize 100\n${rows}\n`,
  );
  return path;
}

const printed = (r: { stdout: string }) => JSON.parse(r.stdout);

describe('twin data build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twin-data-'));
  const osm = join(dir, 'town.osm.pbf');
  const boundary = join(dir, 'town.geojson');
  writeFileSync(osm, encodeOsmPbf(smallTownExtract()));
  writeFileSync(boundary, JSON.stringify(smallTownBoundary()));
  const census = join(dir, 'town-wards.geojson');
  writeFileSync(census, JSON.stringify(townCensus().geojson));
  writeFileSync(join(dir, 'town-wards.csv'), townCensus().csv);

  it('builds the fixture and prints one JSON object of counts', () => {
    const out = join(dir, 'out');
    const r = twin(
      'data',
      'build',
      '--osm',
      osm,
      '--boundary',
      boundary,
      '--districts',
      boundary,
      '--census',
      census,
      '--out',
      out,
      '--seed',
      '3',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.roads.links).toBe(27);
    expect(result.admin.districts).toBe(1);
    expect(result.seed).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.sources).toEqual({
      osm: 'town.osm.pbf',
      boundary: 'town.geojson',
      districts: 'town.geojson',
      census: 'town-wards.geojson',
      censusTable: 'town-wards.csv', // found beside --census
    });
    expect(result.census).toMatchObject({ wards: 2, population2009: 3300, population2019: 4000 });
    const wards = JSON.parse(readFileSync(join(out, 'wards.geojson'), 'utf8'));
    expect(wards.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      '1',
      '2',
    ]);
    expect(result.totalBytes).toBe(
      Object.values(result.files as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });

  it('uses a real DEM given with --dem (ESRI ASCII, EPSG:32648) and flags the terrain as not synthetic', () => {
    // A flat 12.5 m DEM covering the town (UTM 48N x ≈ 691,280–691,930 m, y ≈ 1,194,360–1,194,910 m).
    const dem = writeFlatDem(join(dir, 'dem.asc'), 690000);
    const out = join(dir, 'dem-out');
    const r = twin(
      'data',
      'build',
      '--osm',
      osm,
      '--boundary',
      boundary,
      '--dem',
      dem,
      '--census',
      'none',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const terrain = JSON.parse(readFileSync(join(out, 'terrain.json'), 'utf8'));
    expect(terrain.synthetic).toBe(false);
    expect(terrain.demCoverage).toBe(1);
    const elevation = new Int16Array(new Uint8Array(readFileSync(join(out, 'terrain.i16'))).buffer);
    expect(elevation.every((dm) => dm === 125)).toBe(true);
    expect(printed(r).files['wards.geojson']).toBeUndefined(); // --census none
  });

  it('exits 1 naming the DEM when it does not cover the city, instead of falling back to synthetic terrain', async () => {
    // The same flat DEM, 100 km west of the town (x 590,000–593,000 m): no terrain cell inside it.
    const dem = writeFlatDem(join(dir, 'dem-elsewhere.asc'), 590000);
    const out = join(dir, 'dem-elsewhere-out');
    const r = await runMain(
      'data',
      'build',
      '--osm',
      osm,
      '--boundary',
      boundary,
      '--dem',
      dem,
      '--census',
      'none',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: dem-elsewhere\.asc: the DEM does not cover the city: it spans x 590000–593000 m, y 1193000–1196000 m/,
    );
    expect(existsSync(join(out, 'terrain.json'))).toBe(false);
  });

  it('exits 1 naming the file for a corrupt PBF, and 2 for a bad option', () => {
    const bad = join(dir, 'bad.osm.pbf');
    writeFileSync(bad, encodeOsmPbf(smallTownExtract()).subarray(0, 200));
    const r = twin('data', 'build', '--osm', bad, '--boundary', boundary, '--out', join(dir, 'x'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.osm\.pbf: blob 1 at byte \d+: truncated file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(twin('data', 'build', '--seed', 'many').code).toBe(2);
  });
});

const pbf = sharedInput('thuduc/thuduc-2018.osm.pbf');
describe.skipIf(!pbf)('twin data build on the 2018 extract (needs ../shared/data)', () => {
  it('reproduces the committed public/data/thuduc byte for byte (seed 1)', () => {
    const out = mkdtempSync(join(tmpdir(), 'twin-thuduc-'));
    const r = twin('data', 'build', '--out', out, '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.osm).toEqual({ nodes: 131_617, ways: 10_681, relations: 169 });
    expect(result.roads.highwayWays).toBe(7_229);
    expect(result.pois.metroStations).toBeGreaterThanOrEqual(8);
    expect(result.admin.districts).toBe(3);
    expect(result.census).toMatchObject({ wards: 36, population2009: 845_924, population2019: 1_169_967 });
    expect(result.files['wards.geojson']).toBeLessThan(200e3);
    expect(result.totalBytes).toBeLessThan(20e6);
    expect(result.files['buildings.json']).toBeLessThan(8e6);
    for (const name of Object.keys(result.files)) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join('public/data/thuduc', name))), name).toBe(
        true,
      );
    }
  }, 120_000);
});
