import { expose, proxy, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../core/cancel.ts';
import { createFloodApi, type FloodApi, type FloodRunRequest } from './floodApi.ts';

/** Connects the API through a real MessageChannel, as the worker does (structured clone, transfer). */
function connect() {
  const { port1, port2 } = new MessageChannel();
  expose(createFloodApi(), port1 as never);
  const api = wrap<FloodApi>(port2 as never);
  return {
    api,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

/** A closed 30 × 10 channel (5 m cells) sloping down to the east, fed at its west end. */
function request(): FloodRunRequest {
  const columns = 30;
  const rows = 10;
  const bed = new Float64Array(columns * rows).map((_, k) => 1 - 0.01 * (k % columns));
  return {
    model: {
      columns,
      rows,
      cellSizeMetres: 5,
      bedElevationMetres: bed,
      manningN: 0.03,
      sources: [{ row: 5, col: 0, flowCubicMetresPerSecond: [[0, 4]] }],
    },
    durationSeconds: 600,
    snapshotIntervalSeconds: 150,
    roadLinks: [
      {
        id: 'east-cross',
        points: [
          [28.5, 0.5],
          [28.5, 9.5],
        ],
      },
      {
        id: 'west-stub',
        points: [
          [0.2, 0.2],
          [0.4, 0.2],
        ],
      },
    ],
  };
}

describe('flood worker protocol', () => {
  it('returns max/final depth, 4 frames, balanced volume and impassable links', async () => {
    const { api, close } = connect();
    const seen: number[] = [];
    const result = await api.run(
      request(),
      proxy((f: number) => void seen.push(f)),
    );
    close();
    expect(result.frames.map((f) => f.timeSeconds)).toEqual([150, 300, 450, 600]);
    expect(result.frames[3]!.depthMetres).toEqual(result.finalDepthMetres);
    expect(result.maxDepthMetres).toBeInstanceOf(Float32Array);
    // 4 m³/s for 600 s = 2400 m³ on a closed grid.
    expect(result.volume.sources).toBeCloseTo(2400, 9);
    expect(result.volume.final).toBeCloseTo(2400, 6);
    for (let k = 0; k < result.maxDepthMetres.length; k++)
      expect(result.maxDepthMetres[k]!).toBeGreaterThanOrEqual(result.finalDepthMetres[k]!);
    // Water ponds at the low east end: deeper than 0.3 m across the channel there.
    const eastDepth = result.maxDepthMetres[5 * 30 + 28]!;
    expect(eastDepth).toBeGreaterThan(0.3);
    expect(result.impassableLinks.map((l) => l.id)).toContain('east-cross');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
  });

  it('stops with a cancellation error when the shared flag is set', async () => {
    const { api, close } = connect();
    const token = createCancelToken();
    const run = api.run(
      { ...request(), durationSeconds: 1e5 },
      proxy((f: number) => {
        if (f > 0.02) token.cancel();
      }),
      token.buffer,
    );
    await expect(run).rejects.toThrow(/cancelled/);
    close();
  });
});
