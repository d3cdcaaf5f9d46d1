import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { parseParcels } from '../../sim/landuse/parcels.ts';
import { parseZoningRules } from '../../sim/landuse/zoningRules.ts';

describe('twin zoning baseline', () => {
  it('writes rules and parcels that load with the zoning formats and build out under the rules', () => {
    const out = mkdtempSync(join(tmpdir(), 'zoning-baseline-'));
    const r = twin('zoning', 'baseline', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    const rules = parseZoningRules(JSON.parse(readFileSync(join(out, 'zoning-rules.json'), 'utf8')));
    const doc = JSON.parse(readFileSync(join(out, 'parcels.geojson'), 'utf8'));
    const parcels = parseParcels(doc, Object.keys(rules.zones));
    expect(parcels.length).toBe(summary.parcels);
    const counted = Object.values(summary.byZone as Record<string, { parcels: number }>).reduce(
      (s, z) => s + z.parcels,
      0,
    );
    expect(counted).toBe(parcels.length);
    // 20 row-house parcels through `twin zoning buildout`: GFA within FAR × lot, floors within height.
    const subset = {
      ...doc,
      features: doc.features
        .filter((f: { properties: { zone: string } }) => f.properties.zone === 'R1')
        .slice(0, 20),
    };
    writeFileSync(join(out, 'subset.geojson'), JSON.stringify(subset));
    const b = twin(
      'zoning',
      'buildout',
      '--parcels',
      join(out, 'subset.geojson'),
      '--rules',
      join(out, 'zoning-rules.json'),
      '--json',
    );
    expect(b.code, b.stderr).toBe(0);
    const built = JSON.parse(b.stdout);
    const r1 = rules.zones.R1!;
    expect(built.parcels).toHaveLength(20);
    for (const p of built.parcels) {
      expect(p.grossFloorArea).toBeLessThanOrEqual(r1.maxFAR * p.lotArea * (1 + 1e-9));
      expect(p.height).toBeLessThanOrEqual(r1.maxHeight);
      // 1 ha blocks in the scene frame; geodesic lot areas differ from scene-frame areas by ~0.4 %
      expect(p.lotArea).toBeLessThanOrEqual(10_000 * 1.01);
    }
    expect(built.totals.byUse.residential).toBeCloseTo(built.totals.grossFloorArea, 6);
  }, 120_000);

  it('requires --out (exit 2)', () => {
    expect(twin('zoning', 'baseline').code).toBe(2);
  });
});
