import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

describe('twin bench flood', () => {
  it('prints the spec shape with a reference run and one run per thread count', () => {
    const r = twin('bench', 'flood', '--size', '32', '--threads', '2', '--seconds', '5', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.size).toBe(32);
    expect(out.cells).toBe(1024);
    expect(out.runs.map((run: { threads: number }) => run.threads)).toEqual([1, 2]);
    expect([1, 2]).toContain(out.threads);
    expect(out.cellUpdatesPerSecond).toBe(
      Math.max(...out.runs.map((run: { cellUpdatesPerSecond: number }) => run.cellUpdatesPerSecond)),
    );
    expect(out.steps).toBeGreaterThan(0);
    expect(out.reference.cellUpdates).toBe(out.reference.steps * 1024);
    expect(out.speedupOverReference).toBeCloseTo(
      out.cellUpdatesPerSecond / out.reference.cellUpdatesPerSecond,
      9,
    );
  });

  it('rejects a bad size as a usage error', () => {
    expect(twin('bench', 'flood', '--size', 'big', '--json').code).toBe(2);
  });
});
