import { proxy, wrap, expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../core/cancel.ts';
import { createDiffusionApi, type DiffusionApi } from './diffusionApi.ts';

/** Connects the API through a real MessageChannel, as a worker would (structured clone, transfer). */
function connect() {
  const { port1, port2 } = new MessageChannel();
  expose(createDiffusionApi(), port1 as never);
  const api = wrap<DiffusionApi>(port2 as never);
  return {
    api,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe('diffusion worker protocol', () => {
  it('conserves the total and reports monotone progress up to 1', async () => {
    const { api, close } = connect();
    const seen: number[] = [];
    const result = await api.run(
      { width: 33, height: 17, diffusionNumber: 0.2, steps: 200 },
      proxy((f: number) => {
        seen.push(f);
      }),
    );
    close();
    expect(result.values).toBeInstanceOf(Float32Array);
    expect(result.values.length).toBe(33 * 17);
    expect(result.total).toBeCloseTo(33 * 17, 1);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
    // mass has spread: the centre no longer holds it all, but is still the maximum
    const centre = result.values[8 * 33 + 16]!;
    expect(centre).toBeLessThan(33 * 17);
    expect(centre).toBe(Math.max(...result.values));
  });

  it('stops with a cancellation error when the shared flag is set', async () => {
    const { api, close } = connect();
    const token = createCancelToken();
    const run = api.run(
      { width: 64, height: 64, diffusionNumber: 0.25, steps: 100_000 },
      proxy((f: number) => {
        if (f > 0.05) token.cancel();
      }),
      token.buffer,
    );
    await expect(run).rejects.toThrow(/cancelled/);
    close();
  });

  it('rejects an unstable diffusion number with the field path', async () => {
    const api = createDiffusionApi();
    await expect(api.run({ width: 4, height: 4, diffusionNumber: 0.3, steps: 1 }, () => {})).rejects.toThrow(
      /diffusionNumber: must be in/,
    );
  });
});
