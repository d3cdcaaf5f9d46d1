import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

describe('twin bench flood-city', () => {
  it('prints the spec shape, closes the volume balance, and WASM and JS kernels agree', () => {
    const run = (kernel: string) => {
      const r = twin(
        'bench',
        'flood-city',
        '--cell',
        '400',
        '--hours',
        '1',
        '--threads',
        '2',
        '--kernel',
        kernel,
        '--json',
      );
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const wasm = run('wasm');
    expect(wasm.cellSize).toBe(400);
    expect(wasm.simulatedSeconds).toBe(3600);
    expect(wasm.threads).toBe(2);
    expect(wasm.cellUpdates).toBe(wasm.steps * wasm.cells);
    expect(wasm.cellUpdatesPerSecond).toBeCloseTo(wasm.cellUpdates / wasm.seconds, 3);
    expect(wasm.volume.relativeError).toBeLessThanOrEqual(1e-6);
    expect(wasm.volume.rain).toBeGreaterThan(0);
    const js = run('js');
    expect(js.steps).toBe(wasm.steps);
    expect(Math.abs(js.volume.final - wasm.volume.final)).toBeLessThanOrEqual(1e-9 * js.volume.final);
  });

  it('rejects an unknown kernel or a bad cell size as a usage error', () => {
    expect(twin('bench', 'flood-city', '--kernel', 'gpu', '--json').code).toBe(2);
    expect(twin('bench', 'flood-city', '--cell', '0', '--json').code).toBe(2);
  });
});
