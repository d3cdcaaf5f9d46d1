import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { FloodModelInput } from '../../sim/flood/floodInput.ts';
import { runFloodCase } from '../../sim/flood/floodRun.ts';
import { createFloodEngine } from './threadedEngine.ts';

/** A 48 × 37 valley with rain, a source, a level edge, a free edge and a NODATA block. */
function valley(): FloodModelInput {
  const columns = 48;
  const rows = 37;
  const bed = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++)
      bed[j * columns + i] =
        j > 30 && i > 40 ? Number.NaN : 0.01 * i + 0.3 * Math.abs(Math.sin(j * 0.2)) + 0.05 * Math.cos(i * j);
  return {
    columns,
    rows,
    cellSizeMetres: 8,
    bedElevationMetres: bed,
    manningN: 0.035,
    sources: [
      {
        row: 18,
        col: 30,
        flowCubicMetresPerSecond: [
          [0, 0],
          [300, 4],
        ],
      },
    ],
    rainMillimetresPerHour: [
      [0, 80],
      [600, 10],
    ],
    lossMillimetresPerHour: 5,
    boundaries: [
      {
        edge: 'west',
        type: 'level',
        levelMetres: [
          [0, 0.1],
          [900, 0.6],
        ],
      },
      { edge: 'north', type: 'free' },
    ],
  };
}

async function runWith(threads: number) {
  const engine = createFloodEngine(valley(), threads);
  try {
    const result = await runFloodCase(engine, 900, 300, [{ name: 'g', cell: 18 * 48 + 20 }]);
    return {
      result,
      depth: Float64Array.from(engine.state.depth),
      maxDepth: Float64Array.from(engine.state.maxDepth),
    };
  } finally {
    await engine.close();
  }
}

describe('threaded flood engine (worker_threads + SharedArrayBuffer)', () => {
  it('gives bit-identical depths and volume accounts on 1, 2 and 3 threads', async () => {
    const one = await runWith(1);
    expect(one.result.steps).toBeGreaterThan(50);
    expect(Math.max(...one.depth)).toBeGreaterThan(0.05);
    expect(one.result.volume.relativeError).toBeLessThan(1e-9);
    for (const threads of [2, 3]) {
      const many = await runWith(threads);
      expect(many.depth).toEqual(one.depth);
      expect(many.maxDepth).toEqual(one.maxDepth);
      expect(many.result).toEqual(one.result);
    }
  });

  it('stops every thread on the minimum time step and rejects with an InputError', async () => {
    const input = valley();
    input.boundaries = [{ edge: 'west', type: 'level', levelMetres: [[0, 1e12]] }];
    const engine = createFloodEngine(input, 2);
    try {
      await expect(engine.advanceTo(3600)).rejects.toThrow(/too fast for the grid: .* at t = 0\.0 s/);
      // A second advance fails the same way at once instead of deadlocking on the barrier.
      const started = performance.now();
      await expect(engine.advanceTo(3600)).rejects.toBeInstanceOf(InputError);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await engine.close();
    }
  });
});
