import { readFileSync } from 'node:fs';
import { expose, proxy, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCancelToken } from '../../core/cancel.ts';
import { GROWTH_LAND_USE, type GrowthInput, simulateGrowth } from './growth.ts';
import { createLanduseApi, type LanduseApi } from './landuseApi.ts';

/** Connects the API through a real MessageChannel, as a worker would (structured clone, transfer). */
function connect() {
  const { port1, port2 } = new MessageChannel();
  expose(createLanduseApi(), port1 as never);
  const api = wrap<LanduseApi>(port2 as never);
  return {
    api,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

function growthInput(): GrowthInput {
  const width = 64;
  const height = 48;
  const landUse = new Uint8Array(width * height);
  for (let y = 20; y < 28; y++) for (let x = 28; x < 36; x++) landUse[y * width + x] = GROWTH_LAND_USE.urban;
  const roads = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) roads[10 * width + x] = 1;
  return {
    width,
    height,
    cellSizeMetres: 30,
    landUse,
    roads,
    excludeFloodProne: false,
    coefficients: { dispersion: 20, breed: 40, spread: 30, slopeResistance: 30, roadGravity: 60 },
    startYear: 2025,
    endYear: 2045,
    seed: 3,
  };
}

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/zoning/${name}`, 'utf8'));

describe('land-use worker protocol', () => {
  it('runs growth with monotone progress up to 1 and returns the same bytes as a direct run', async () => {
    const { api, close } = connect();
    const seen: number[] = [];
    const result = await api.growth(
      growthInput(),
      proxy((f: number) => {
        seen.push(f);
      }),
    );
    close();
    const direct = await simulateGrowth(growthInput());
    expect(result.landUseByYear).toHaveLength(21);
    expect(result.landUseByYear[20]).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(result.landUseByYear[20]!).equals(Buffer.from(direct.landUseByYear[20]!))).toBe(true);
    expect(result.indicators).toEqual(direct.indicators);
    expect(seen).toHaveLength(20);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
  });

  it('stops growth with a cancellation error when the shared flag is set mid-run', async () => {
    const { api, close } = connect();
    const token = createCancelToken();
    const run = api.growth(
      growthInput(),
      proxy((f: number) => {
        if (f > 0.2) token.cancel();
      }),
      token.buffer,
    );
    await expect(run).rejects.toThrow(/cancelled/);
    close();
  });

  it('builds out the fixture parcels with the CLI numbers, and rejects bad rules by path', async () => {
    const { api, close } = connect();
    const result = await api.buildOut(
      { parcels: fixture('parcels.geojson'), rules: fixture('rules.json') },
      proxy(() => {}),
    );
    expect(result.parcels.map((p) => p.floors)).toEqual([5, 6, 5, 0]);
    expect(result.totals.byUse.commercial).toBeCloseTo(2160, 2);
    // The envelope of A is one polygon with one ring of 5 positions (a closed rectangle).
    expect(result.envelopes[0]).toHaveLength(1);
    expect(result.envelopes[0]![0]![0]).toHaveLength(5);
    expect(result.envelopes[3]).toEqual([]);
    await expect(
      api.buildOut(
        { parcels: fixture('parcels.geojson'), rules: fixture('bad-rules.json') },
        proxy(() => {}),
      ),
    ).rejects.toThrow(/zones\.R1\.maxCoverage/);
    close();
  });

  it('a build-out cancelled before it starts rejects with "cancelled"', async () => {
    const api = createLanduseApi();
    const token = createCancelToken();
    token.cancel();
    await expect(
      api.buildOut(
        { parcels: fixture('parcels.geojson'), rules: fixture('rules.json') },
        () => {},
        token.buffer,
      ),
    ).rejects.toThrow(/cancelled/);
  });
});
