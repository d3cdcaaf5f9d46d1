import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twin } from './helpers/twin.ts';

/**
 * Every shipped scenario runs headless through `twin scenario run`. First the checks of meaning
 * (issue 11's acceptance: trip conservation, census-range residents, a sane dry peak, a storm
 * never lightens the traffic burden, dike + ponds never worse than the same storm without them,
 * growth keeps speeds physical); then, only as a change detector, the KPIs reviewed in
 * tests/golden/scenarios (regenerate with `npm run golden`, then review the diff).
 */
type Kpis = Record<string, number>;
const outputs = new Map<string, { kpis: Kpis }>();
const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('shipped scenarios against their golden KPIs', () => {
  it('has a golden file for every shipped scenario', () => {
    expect(files.filter((f) => !existsSync(`tests/golden/scenarios/${f}`))).toEqual([]);
  });

  it.each(files)(
    'scenarios/%s',
    (file) => {
      const run = twin('scenario', 'run', `scenarios/${file}`, '--json');
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      outputs.set(file.replace(/\.json$/, ''), out);
      const k: Kpis = out.kpis;
      if (k['traffic.demandPcuPerHour'] !== undefined) {
        const parts =
          k['traffic.servedPcuPerHour']! +
          k['traffic.unservedPcuPerHour']! +
          k['traffic.intrazonalPcuPerHour']!;
        expect(Math.abs(k['traffic.demandPcuPerHour']! - parts)).toBeLessThanOrEqual(
          0.005 * k['traffic.demandPcuPerHour']!,
        );
        expect(k['traffic.closedLinkKm']).toBeDefined();
      }
      if (k['flood.floodedAreaKm2'] !== undefined) {
        expect(k['flood.roadLengthClosedKm']).toBeDefined();
        expect(k['flood.floodedAreaKm2']!).toBeLessThan(0.5 * k['flood.landAreaKm2']!);
        expect(k['flood.volumeRelativeError']!).toBeLessThan(1e-6);
      }
      const golden = JSON.parse(readFileSync(`tests/golden/scenarios/${file}`, 'utf8'));
      expect(out).toEqual(golden);
    },
    600_000,
  );

  it('acceptance: baseline residents 1.10–1.45 M, dry peak 12–45 km/h with ≤ 1 % unserved', () => {
    const base = outputs.get('baseline')!.kpis;
    expect(base['landuse.residents']!).toBeGreaterThanOrEqual(1.1e6);
    expect(base['landuse.residents']!).toBeLessThanOrEqual(1.45e6);
    expect(base['traffic.averageSpeedKmh']!).toBeGreaterThanOrEqual(12);
    expect(base['traffic.averageSpeedKmh']!).toBeLessThanOrEqual(45);
    expect(base['traffic.unservedPcuPerHour']!).toBeLessThanOrEqual(0.01 * base['traffic.demandPcuPerHour']!);
  });

  it('acceptance: the storm never lightens the burden; dike + ponds are never worse than the same storm', () => {
    const dry = outputs.get('baseline')!.kpis;
    const storm = outputs.get('baseline-100yr-king-tide')!.kpis;
    const dike = outputs.get('saigon-dike-and-ponds')!.kpis;
    expect(storm['traffic.travelTimeBurdenHours']!).toBeGreaterThanOrEqual(
      dry['traffic.travelTimeBurdenHours']!,
    );
    expect(dike['flood.floodedAreaKm2']!).toBeLessThan(storm['flood.floodedAreaKm2']!);
    for (const key of [
      'flood.roadLengthClosedKm',
      'traffic.closedLinkKm',
      'traffic.unservedPcuPerHour',
      'traffic.travelTimeBurdenHours',
    ])
      expect(dike[key]!, key).toBeLessThanOrEqual(storm[key]! * (1 + 1e-9));
  });

  it('acceptance: growth to 2045 keeps speeds physical and residents at least today', () => {
    const growth = outputs.get('growth-2045-100yr-king-tide')!.kpis;
    const base = outputs.get('baseline')!.kpis;
    expect(growth['traffic.averageSpeedKmh']!).toBeGreaterThanOrEqual(5);
    expect(growth['landuse.residents']!).toBeGreaterThanOrEqual(base['landuse.residents']!);
  });

  it('compares two scenarios: B − A for every KPI (Thủ Thiêm adds floor area and residents)', () => {
    const run = twin(
      'compare',
      'scenarios/baseline.json',
      'scenarios/thu-thiem-high-density.json',
      '--only',
      'landuse',
      '--json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.a.scenario).toBe('baseline');
    for (const [key, d] of Object.entries(out.difference) as Array<
      [string, { a: number; b: number; absolute: number }]
    >) {
      expect(d.absolute).toBeCloseTo(out.b.kpis[key] - out.a.kpis[key], 6);
    }
    expect(out.difference['landuse.grossFloorAreaM2'].absolute).toBeGreaterThan(0);
    expect(out.difference['landuse.residents'].absolute).toBeGreaterThan(0);
  }, 600_000);
});
