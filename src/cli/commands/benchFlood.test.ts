import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

interface Run {
  kernel: string;
  threads: number;
  steps: number;
  cellUpdatesPerSecond: number;
  minCellUpdatesPerSecond: number;
  maxCellUpdatesPerSecond: number;
}

describe('twin bench flood', () => {
  it('prints the spec shape: plain reference, JS and WASM kernels per thread count, min ≤ median ≤ max', () => {
    const r = twin(
      'bench',
      'flood',
      '--size',
      '32',
      '--threads',
      '2',
      '--seconds',
      '5',
      '--repeat',
      '3',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.size).toBe(32);
    expect(out.cells).toBe(1024);
    expect(out.kernel).toBe('wasm');
    expect(out.repetitions).toBe(3);
    const runs: Run[] = out.runs;
    expect(runs.map((run) => `${run.kernel}${run.threads}`)).toEqual(['js1', 'js2', 'wasm1', 'wasm2']);
    // Every kernel and thread count takes the same steps: the same scheme on the same case.
    for (const run of runs) expect(run.steps).toBe(out.reference.steps);
    for (const run of [...runs, out.reference]) {
      expect(run.minCellUpdatesPerSecond).toBeLessThanOrEqual(run.cellUpdatesPerSecond);
      expect(run.cellUpdatesPerSecond).toBeLessThanOrEqual(run.maxCellUpdatesPerSecond);
    }
    const wasm = runs.filter((run) => run.kernel === 'wasm');
    expect([1, 2]).toContain(out.threads);
    expect(out.cellUpdatesPerSecond).toBe(Math.max(...wasm.map((run) => run.cellUpdatesPerSecond)));
    expect(out.reference.cellUpdates).toBe(out.reference.steps * 1024);
    expect(out.speedupOverReference).toBeCloseTo(
      out.cellUpdatesPerSecond / out.reference.cellUpdatesPerSecond,
      9,
    );
  });

  it('rejects a bad size or repeat count as a usage error', () => {
    expect(twin('bench', 'flood', '--size', 'big', '--json').code).toBe(2);
    expect(twin('bench', 'flood', '--repeat', '0', '--json').code).toBe(2);
  });
});
