import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { closedSquare as box } from '../../core/geometry/fixtures.ts';

const dir = 'tests/fixtures/zoning';

describe('twin zoning buildout', () => {
  it('prints one JSON object with the hand-computed build-out of the fixture parcels', () => {
    const r = twin(
      'zoning',
      'buildout',
      '--parcels',
      `${dir}/parcels.geojson`,
      '--rules',
      `${dir}/rules.json`,
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const [a, b, c, d] = out.parcels;
    // A: R1 20 × 30 m, front south. Envelope 17 × 25 = 425; footprint min(425, 0.6·600) = 360;
    // floors min(⌊25/3.5⌋ = 7, ⌊1800/360⌋ = 5) = 5; GFA 1800; height 17.5.
    expect(a).toMatchObject({ id: 'A', zone: 'R1', floors: 5, height: 17.5 });
    expect(a.lotArea).toBeCloseTo(600, 2);
    expect(a.envelopeArea).toBeCloseTo(425, 2);
    expect(a.footprintArea).toBeCloseTo(360, 2);
    expect(a.grossFloorArea).toBeCloseTo(1800, 2);
    // B: C1 20 × 30 m, front = east edge 1: front 6, rear 2 (west), side 0.
    // Envelope (20 − 6 − 2) × 30 = 360 < 0.8·600; floors min(⌊50/4⌋ = 12, ⌊2400/360 = 6.67⌋ = 6) = 6.
    expect(b).toMatchObject({ id: 'B', zone: 'C1', floors: 6, height: 24 });
    expect(b.envelopeArea).toBeCloseTo(360, 2);
    expect(b.grossFloorArea).toBeCloseTo(2160, 2);
    // C: L-shaped R1 lot (20 × 20 minus a 10 × 10 corner, 300 m²): [1.5,18.5]×[3,8.5] = 93.5 plus
    // [1.5,8.5]×[8.5,18] = 66.5 plus the rounded reflex-corner region 1.5²(1 − π/4) = 0.4829
    // → 160.483 m² (< 0.6·300 = 180, envelope-limited); floors min(7, ⌊900/160.48 = 5.61⌋) = 5.
    expect(c).toMatchObject({ id: 'C', floors: 5, height: 17.5 });
    expect(c.lotArea).toBeCloseTo(300, 2);
    expect(Math.abs(c.envelopeArea - (160 + 2.25 * (1 - Math.PI / 4)))).toBeLessThan(0.003);
    expect(c.grossFloorArea).toBeCloseTo(5 * c.footprintArea, 9);
    // D: 2.5 m wide, side setbacks 1.5 + 1.5 m: nothing buildable.
    expect(d).toMatchObject({
      id: 'D',
      envelopeArea: 0,
      footprintArea: 0,
      floors: 0,
      grossFloorArea: 0,
      height: 0,
    });
    expect(d.reason).toMatch(/no buildable envelope/);
    // Totals.
    expect(out.totals.lotArea).toBeCloseTo(1550, 2);
    expect(out.totals.byUse.residential).toBeCloseTo(a.grossFloorArea + c.grossFloorArea, 9);
    expect(out.totals.byUse.commercial).toBeCloseTo(2160, 2);
    expect(out.totals.grossFloorArea).toBeCloseTo(1800 + 2160 + c.grossFloorArea, 2);
    expect(Object.keys(out)).toEqual(['parcels', 'totals']);
  });

  it('takes the edge nearest a --roads line as front when frontEdge is absent', () => {
    // Road 5 m east of lot A: the east edge is front → envelope (20 − 3 − 2) × (30 − 1.5 − 1.5) = 405 m².
    const args = [
      'zoning',
      'buildout',
      '--parcels',
      `${dir}/parcel-no-front.geojson`,
      '--rules',
      `${dir}/rules.json`,
    ];
    const withRoad = JSON.parse(twin(...args, '--roads', `${dir}/roads.geojson`, '--json').stdout);
    expect(withRoad.parcels[0].envelopeArea).toBeCloseTo(405, 2);
    const withoutRoad = JSON.parse(twin(...args, '--json').stdout);
    expect(withoutRoad.parcels[0].envelopeArea).toBeCloseTo(425, 2);
  });

  it('exits 1 naming the file and every bad path, without a stack trace', () => {
    const r = twin(
      'zoning',
      'buildout',
      '--parcels',
      `${dir}/bad-parcels.geojson`,
      '--rules',
      `${dir}/rules.json`,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${dir}/bad-parcels.geojson: features[0].properties.zone: unknown zone "R9"`);
    expect(r.stderr).toContain(
      `${dir}/bad-parcels.geojson: features[1].geometry.coordinates[0]: ring is not closed`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const rules = twin(
      'zoning',
      'buildout',
      '--parcels',
      `${dir}/parcels.geojson`,
      '--rules',
      `${dir}/bad-rules.json`,
    );
    expect(rules.code).toBe(1);
    expect(rules.stderr).toContain(
      `${dir}/bad-rules.json: zones.R1.maxCoverage: expected a number in [0, 1], got 1.6`,
    );
    expect(rules.stderr).toContain(`${dir}/bad-rules.json: zones.R1.setbacks.side: expected a number`);
  });

  it('exits 1 on absurd geometry and inherited zone names, naming each feature', () => {
    const parcel = (id: string, zone: string, coordinates: unknown) => ({
      type: 'Feature',
      properties: { id, zone },
      geometry: { type: 'Polygon', coordinates },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'zoning-')), 'parcels.geojson');
    const features = [
      // A 11 m lot with a hole 100 m east of it.
      parcel('hole-outside', 'R1', [box(106.77, 10.82, 0.0001), box(106.771, 10.82004, 0.00002)]),
      parcel('paris', 'R1', [box(2.35, 48.85, 0.0001)]),
      parcel('inherited', 'constructor', [box(106.77, 10.821, 0.0001)]),
    ];
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const r = twin('zoning', 'buildout', '--parcels', file, '--rules', `${dir}/rules.json`, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: features[0].geometry.coordinates[1]: hole is not inside the lot`);
    expect(r.stderr).toContain(
      `${file}: features[1].geometry.coordinates[0][0]: position (2.35, 48.85) lies outside`,
    );
    expect(r.stderr).toContain(`${file}: features[2].properties.zone: unknown zone "constructor"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes progress to stderr only, with --progress', () => {
    const r = twin(
      'zoning',
      'buildout',
      '--parcels',
      `${dir}/parcels.geojson`,
      '--rules',
      `${dir}/rules.json`,
      '--json',
      '--progress',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('zoning buildout 100%');
    expect(JSON.parse(r.stdout).parcels).toHaveLength(4);
  });

  it('exits 2 on usage errors and 0 with --help', () => {
    expect(twin('zoning', 'buildout', '--rules', `${dir}/rules.json`).code).toBe(2);
    expect(twin('zoning', 'buildout', '--bogus').code).toBe(2);
    const help = twin('zoning', 'buildout', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--parcels');
  });
});
