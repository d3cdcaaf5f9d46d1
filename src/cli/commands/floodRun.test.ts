import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { formatEsriAscii, parseEsriAscii } from '../../data/grid/esriAscii.ts';
import { float32GeoTiff } from '../../../tests/fixtures/grid/float32GeoTiff.ts';

const CASE = 'tests/fixtures/flood/case.json';

describe('twin flood run', () => {
  it('prints the spec JSON for the fixture case, balanced and repeatable', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flood-')), 'max.asc');
    const first = twin('flood', 'run', CASE, '--max-depth', out, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(Object.keys(result)).toEqual([
      'gauges',
      'volume',
      'steps',
      'cellUpdates',
      'seconds',
      'cellUpdatesPerSecond',
    ]);
    expect(Object.keys(result.volume)).toEqual([
      'initial',
      'sources',
      'rain',
      'boundaryNet',
      'final',
      'relativeError',
    ]);
    // 11 samples: t = 0, 60, ..., 600; each [t, depth, level] with level = bed + depth.
    expect(result.gauges.P1).toHaveLength(11);
    expect(result.gauges.P1.map((g: number[]) => g[0])).toEqual([
      0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600,
    ]);
    for (const [, depth, level] of result.gauges.P1) expect(level - depth).toBeCloseTo(0.26, 9);
    // Source by hand: ramp 0 → 2 m³/s over 300 s, then 2 m³/s for 300 s = 300 + 600 m³.
    expect(result.volume.sources).toBeCloseTo(900, 9);
    // Rain 50 mm/h for 600 s on the 200 - 6 = 194 cells of 100 m²: 0.05/6 m × 19 400 m².
    expect(result.volume.rain).toBeCloseTo((0.05 / 6) * 19400, 6);
    expect(result.volume.relativeError).toBeLessThan(1e-9);
    expect(result.cellUpdates).toBe(result.steps * 194);
    const maxDepth = parseEsriAscii(readFileSync(out, 'utf8'));
    expect([maxDepth.columns, maxDepth.rows]).toEqual([20, 10]);
    expect(Number.isNaN(maxDepth.values[19]!)).toBe(true); // NODATA corner stays NODATA

    const again = twin('flood', 'run', CASE, '--threads', '2', '--json');
    const strip = (text: string) => text.replace(/"seconds":[^,]*,"cellUpdatesPerSecond":[^}]*/, '');
    expect(strip(again.stdout)).toBe(strip(first.stdout));
  });

  it('exits 1 listing every problem of a malformed case with file and JSON path', () => {
    const r = twin('flood', 'run', 'tests/fixtures/flood/bad-case.json', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    for (const path of [
      'manning',
      'duration',
      'sources[0].flow[1][0]',
      'boundaries[0].edge',
      'boundaries[0].level',
    ])
      expect(r.stderr).toContain(`tests/fixtures/flood/bad-case.json: ${path}:`);
  });

  it('names the DEM file and line of a broken grid, and points off the grid', () => {
    const r = twin('flood', 'run', 'tests/fixtures/flood/bad-dem-case.json', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: tests/fixtures/flood/bad-dem.asc: line 8: expected a number, got "abc"',
    );
    const off = twin('flood', 'run', 'tests/fixtures/flood/off-grid-case.json', '--json');
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('off-grid-case.json: gauges[0]: point (5000, 45) lies outside the DEM');
  });

  it('reads a GeoTIFF DEM and a Manning grid file named relative to the case', () => {
    // A 6 × 4 closed basin (10 m cells) at z = 1, water level 1.5 everywhere: a lake at rest.
    const dir = mkdtempSync(join(tmpdir(), 'flood-tiff-'));
    const tiff = float32GeoTiff(new Float32Array(24).fill(1), 6, 4, {
      westMetres: 500000,
      northMetres: 1200040,
      cellMetres: 10,
    });
    writeFileSync(join(dir, 'dem.tif'), new Uint8Array(tiff));
    const manning = {
      columns: 6,
      rows: 4,
      xllCornerMetres: 500000,
      yllCornerMetres: 1200000,
      cellSizeMetres: 10,
    };
    writeFileSync(
      join(dir, 'n.asc'),
      formatEsriAscii({ ...manning, values: new Float64Array(24).fill(0.05) }),
    );
    const kase = {
      format: 'twin-flood-case/1',
      dem: 'dem.tif',
      manning: 'n.asc',
      initialLevel: 1.5,
      duration: 120,
      outputInterval: 60,
      gauges: [{ name: 'c', x: 500035, y: 1200015 }],
    };
    writeFileSync(join(dir, 'case.json'), JSON.stringify(kase));
    const r = twin('flood', 'run', join(dir, 'case.json'), '--threads', '8', '--json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.gauges.c).toEqual([
      [0, 0.5, 1.5],
      [60, 0.5, 1.5],
      [120, 0.5, 1.5],
    ]);
    expect(result.volume.initial).toBeCloseTo(24 * 100 * 0.5, 9);
    expect(result.volume.final).toBeCloseTo(result.volume.initial, 9);

    writeFileSync(
      join(dir, 'n.asc'),
      formatEsriAscii({ ...manning, columns: 5, values: new Float64Array(20) }),
    );
    const wrongShape = twin('flood', 'run', join(dir, 'case.json'), '--json');
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.stderr).toContain("case.json: manning: the grid must have the DEM's columns");
  });

  it('is a usage error (exit 2) without a case file', () => {
    expect(twin('flood', 'run', '--json').code).toBe(2);
  });
});
