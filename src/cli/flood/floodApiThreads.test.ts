import { describe, expect, it } from 'vitest';
import { createFloodApi, type FloodRunRequest } from '../../sim/flood/floodApi.ts';
import { nodeRowWorker } from './threadedEngine.ts';

/** A 24 × 19 bumpy basin with rain and a source. */
function request(threads: number): FloodRunRequest {
  const columns = 24;
  const rows = 19;
  const bed = new Float64Array(columns * rows).map(
    (_, k) => 0.2 * Math.sin(k * 0.37) + 0.001 * (k % columns),
  );
  return {
    model: {
      columns,
      rows,
      cellSizeMetres: 6,
      bedElevationMetres: bed,
      manningN: 0.04,
      rainMillimetresPerHour: [[0, 60]],
      sources: [{ row: 9, col: 12, flowCubicMetresPerSecond: [[0, 1.5]] }],
    },
    durationSeconds: 400,
    snapshotIntervalSeconds: 100,
    threads,
  };
}

describe('flood worker API on several row workers (SharedArrayBuffer)', () => {
  it('returns exactly the single-worker result with 2 and 4 row workers', async () => {
    const api = createFloodApi(nodeRowWorker);
    const progress = () => {};
    const one = await api.run(request(1), progress);
    expect(one.frames).toHaveLength(4);
    expect(one.volume.relativeError).toBeLessThan(1e-9);
    for (const threads of [2, 4]) {
      const many = await api.run(request(threads), progress);
      expect(many.finalDepthMetres).toEqual(one.finalDepthMetres);
      expect(many.maxDepthMetres).toEqual(one.maxDepthMetres);
      expect(many.frames).toEqual(one.frames);
      expect(many.volume).toEqual(one.volume);
      expect(many.steps).toBe(one.steps);
    }
  });
});
