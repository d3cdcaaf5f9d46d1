import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

describe('twin landuse census', () => {
  it('compares the baseline residents with the census and regenerates the committed documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-census-'));
    const md = join(dir, 'validation-census.md');
    const svg = join(dir, 'census-scatter.svg');
    const r = twin('landuse', 'census', '--md', md, '--svg', svg, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.census2019).toBe(1_169_967);
    expect(result.wards).toBe(36);
    expect(result.model2025).toBeGreaterThan(1.1e6);
    expect(result.model2025).toBeLessThan(1.45e6);
    expect(result.shareWithin).toBeGreaterThanOrEqual(0.8);
    // The committed documents are this command's output (regenerate them with the command in
    // docs/validation-census.md after changing the dataset or the calibration).
    expect(readFileSync(md, 'utf8')).toBe(readFileSync('docs/validation-census.md', 'utf8'));
    expect(readFileSync(svg, 'utf8')).toBe(readFileSync('docs/img/census-scatter.svg', 'utf8'));
  }, 120_000);

  it('exits 2 for a bad option', () => {
    expect(twin('landuse', 'census', '--tolerance', 'wide').code).toBe(2);
  });
});
