import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twin } from './helpers/twin.ts';

/**
 * Every shipped scenario runs headless through `twin scenario run` and gives the KPIs reviewed
 * in tests/golden/scenarios (regenerate with `npm run golden`, then review the diff).
 */
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
      const golden = JSON.parse(readFileSync(`tests/golden/scenarios/${file}`, 'utf8'));
      expect(JSON.parse(run.stdout)).toEqual(golden);
    },
    600_000,
  );

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
    expect(out.difference.grossFloorAreaM2.absolute).toBeGreaterThan(0);
    expect(out.difference.residents.absolute).toBeGreaterThan(0);
  }, 600_000);
});
