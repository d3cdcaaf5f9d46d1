import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';
import { DEFAULT_OBSERVED } from './validateTide.ts';

describe('twin validate tide', () => {
  it('exits 1 naming a missing observations file and 2 for a bad event start', () => {
    const r = twin('validate', 'tide', '--observed', 'no/such/tide.csv', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/tide.csv: file not found');
    expect(twin('validate', 'tide', '--event-start', 'yesterday').code).toBe(2);
  });
});

const shared = existsSync(DEFAULT_OBSERVED);
describe.skipIf(!shared)(
  `the observed Phú An tide (${shared ? DEFAULT_OBSERVED : `skipped: ${DEFAULT_OBSERVED} is not here (the shared data folder is not checked out next to the repository)`})`,
  () => {
    it('gives the figures of docs/validation.md and regenerates its plot', () => {
      const svg = join(mkdtempSync(join(tmpdir(), 'twin-tide-')), 'tide.svg');
      const r = twin('validate', 'tide', '--svg', svg, '--json');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect([out.highs, out.lows]).toEqual([697, 695]);
      expect(out.highest).toEqual({ time: '2025-11-06T04:00:00+07:00', levelMetres: 1.78 });
      expect(out.alarms.map((a: { highsAbove: number }) => a.highsAbove)).toEqual([232, 127, 48]);
      expect(out.bankCrestMetres).toBe(1.6);
      // The shipped storm tide passes through the observed extremes of 6 Nov 2025.
      expect(out.scenario.extremes).toHaveLength(4);
      for (const e of out.scenario.extremes) expect(Math.abs(e.differenceMetres)).toBeLessThan(0.005);
      expect(readFileSync(svg, 'utf8')).toBe(readFileSync('docs/img/tide-phuan.svg', 'utf8'));
    });
  },
);
