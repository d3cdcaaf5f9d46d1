import { describe, expect, it } from 'vitest';
import { GROWTH_LAND_USE as U, type GrowthInput, simulateGrowth } from './growth.ts';

const W = 120;
const H = 120;

/** 120 × 120 cells of 30 m: river in columns 0–9, park block, urban core, two roads, flood-prone rows 0–19. */
function testInput(overrides: Partial<GrowthInput> = {}): GrowthInput {
  const landUse = new Uint8Array(W * H);
  const roads = new Uint8Array(W * H);
  const floodProne = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x < 10) landUse[i] = U.water;
      else if (x >= 90 && x < 110 && y >= 30 && y < 50) landUse[i] = U.park;
      else if (x >= 55 && x < 65 && y >= 55 && y < 65) landUse[i] = U.urban;
      if (y === 100 || x === 60) roads[i] = 1;
      if (y < 20) floodProne[i] = 1;
    }
  }
  return {
    width: W,
    height: H,
    cellSizeMetres: 30,
    landUse,
    roads,
    floodProne,
    excludeFloodProne: true,
    coefficients: { dispersion: 20, breed: 40, spread: 30, slopeResistance: 30, roadGravity: 50 },
    startYear: 2025,
    endYear: 2045,
    seed: 7,
    ...overrides,
  };
}

const isUrban = (map: Uint8Array, i: number) => map[i] === U.urban;

describe('simulateGrowth (SLEUTH-style cellular automaton)', () => {
  it('produces one map per year 2025..2045 and is deterministic for a seed', async () => {
    const a = await simulateGrowth(testInput());
    const b = await simulateGrowth(testInput());
    expect(a.years).toEqual(Array.from({ length: 21 }, (_, k) => 2025 + k));
    expect(a.landUseByYear).toHaveLength(21);
    for (const [k, map] of a.landUseByYear.entries()) {
      expect(Buffer.from(map).equals(Buffer.from(b.landUseByYear[k]!))).toBe(true);
    }
    expect(a.indicators).toEqual(b.indicators);
    const other = await simulateGrowth(testInput({ seed: 8 }));
    expect(Buffer.from(other.landUseByYear[20]!).equals(Buffer.from(a.landUseByYear[20]!))).toBe(false);
  });

  it('grows monotonically and its indicators match the maps', async () => {
    const r = await simulateGrowth(testInput());
    for (let k = 1; k < r.landUseByYear.length; k++) {
      const before = r.landUseByYear[k - 1]!;
      const after = r.landUseByYear[k]!;
      let added = 0;
      for (let i = 0; i < before.length; i++) {
        if (isUrban(before, i)) expect(isUrban(after, i)).toBe(true);
        else if (isUrban(after, i)) added++;
      }
      const year = r.indicators[k - 1]!;
      expect(year.newUrbanCells).toBe(added);
      expect(year.spontaneous + year.spreadingCentres + year.edge + year.road).toBe(added);
      expect(year.newUrbanAreaHectares).toBeCloseTo((added * 900) / 10_000, 9);
      expect(year.urbanCells).toBe(after.filter((v) => v === U.urban).length);
    }
    expect(r.indicators.at(-1)!.urbanCells).toBeGreaterThan(100 + 200); // it did grow
  });

  it('never urbanizes water, parks or flood-prone cells when the policy is on; does when it is off', async () => {
    const on = (await simulateGrowth(testInput())).landUseByYear.at(-1)!;
    const input = testInput();
    for (let i = 0; i < W * H; i++) {
      if (input.landUse[i] === U.water) expect(on[i]).toBe(U.water);
      if (input.landUse[i] === U.park) expect(on[i]).toBe(U.park);
      if (input.floodProne![i] === 1) expect(on[i]).not.toBe(U.urban);
    }
    const off = (await simulateGrowth(testInput({ excludeFloodProne: false }))).landUseByYear.at(-1)!;
    const floodUrban = off.filter((v, i) => v === U.urban && input.floodProne![i] === 1).length;
    expect(floodUrban).toBeGreaterThan(0);
  });

  it('keeps growth off land at or above the critical slope', async () => {
    const slopePercent = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) if (i % W >= 70) slopePercent[i] = 25; // east part steeper than 21 %
    const r = await simulateGrowth(testInput({ slopePercent }));
    const last = r.landUseByYear.at(-1)!;
    for (let i = 0; i < W * H; i++) if (slopePercent[i] === 25) expect(last[i]).not.toBe(U.urban);
    expect(r.indicators.at(-1)!.urbanCells).toBeGreaterThan(100);
  });

  it('does not grow at all with every coefficient 0', async () => {
    const zero = { dispersion: 0, breed: 0, spread: 0, slopeResistance: 0, roadGravity: 0 };
    const r = await simulateGrowth(testInput({ coefficients: zero }));
    expect(r.indicators.every((y) => y.newUrbanCells === 0)).toBe(true);
    expect(Buffer.from(r.landUseByYear.at(-1)!).equals(Buffer.from(testInput().landUse))).toBe(true);
  });

  it('road-influenced growth concentrates new urban cells near roads (seeded statistical check)', async () => {
    // Only spontaneous, spreading-centre and road growth (spread 0). Cells within 2 of a road are
    // 2 × 5 of 120 rows/columns ≈ 8 % of the land; without road gravity new cells land there at
    // about that rate, with full road gravity most road trips end beside a road.
    const base = { dispersion: 10, breed: 60, spread: 0, slopeResistance: 0 };
    const share = async (roadGravity: number) => {
      const input = testInput({ coefficients: { ...base, roadGravity }, excludeFloodProne: false });
      const r = await simulateGrowth(input);
      const start = input.landUse;
      const last = r.landUseByYear.at(-1)!;
      let near = 0;
      let all = 0;
      for (let i = 0; i < W * H; i++) {
        if (start[i] === U.urban || last[i] !== U.urban) continue;
        all++;
        const x = i % W;
        const y = (i - x) / W;
        if (Math.abs(y - 100) <= 2 || Math.abs(x - 60) <= 2) near++;
      }
      return { share: near / all, all };
    };
    const withRoads = await share(100);
    const without = await share(0);
    expect(without.all).toBeGreaterThan(100);
    expect(without.share).toBeLessThan(0.2);
    expect(withRoads.share).toBeGreaterThan(0.5);
    expect(withRoads.share).toBeGreaterThan(3 * without.share);
  });

  it('reports bad input by field path', async () => {
    await expect(
      simulateGrowth(
        testInput({
          landUse: new Uint8Array(10),
          coefficients: { dispersion: 120, breed: 0, spread: 0, slopeResistance: 0, roadGravity: 0 },
          endYear: 2020,
        }),
      ),
    ).rejects.toThrow(
      /landUse: expected 14400 cells, got 10[\s\S]*coefficients.dispersion: expected a number in \[0, 100\][\s\S]*endYear/,
    );
  });
});
