import { describe, expect, it } from 'vitest';
import type { FloodModelInput } from './floodInput.ts';
import { FloodSimulation } from './floodSimulation.ts';

/**
 * A 30 × 12 closed box: a deep river channel in columns 0–2 (bed −5 m, held at the tide), a low
 * basin east of it (bed 0.2 m rising to 0.5 m), walls all round.
 */
function riverAndBasin(tide: Array<[number, number]>): FloodModelInput {
  const columns = 30;
  const rows = 12;
  const bed = new Float64Array(columns * rows);
  const held = new Uint8Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++) {
      const k = j * columns + i;
      bed[k] = i < 3 ? -5 : 0.2 + 0.01 * (i - 3);
      held[k] = i < 3 ? 1 : 0;
    }
  return {
    columns,
    rows,
    cellSizeMetres: 20,
    bedElevationMetres: bed,
    manningN: 0.03,
    heldLevel: { cells: held, levelMetres: tide },
  };
}

describe('flood engine: held-level (tidal river) cells', () => {
  it('fills a connected low basin to the held level and the volume account closes', () => {
    const input = riverAndBasin([[0, 1.0]]);
    const sim = new FloodSimulation();
    sim.init(input);
    sim.advance(6 * 3600);
    const s = sim.state;
    // Every basin cell settles at the river level 1.0 m (within 5 mm).
    for (let k = 0; k < s.depth.length; k++) {
      if (s.held[k]) {
        expect(s.depth[k]).toBeCloseTo(6, 12); // held exactly: 1.0 - (-5)
        expect(s.maxDepth[k]).toBe(0); // a boundary, not a flood result
        continue;
      }
      expect(Math.abs(s.bed[k]! + s.depth[k]! - 1.0)).toBeLessThan(5e-3);
    }
    const volume = sim.volume();
    // The water that entered the basin came through the held cells: boundaryNet = basin volume.
    let basin = 0;
    for (let k = 0; k < s.depth.length; k++) if (!s.held[k]) basin += s.depth[k]! * 400;
    expect(volume.boundaryNet).toBeCloseTo(basin, 6);
    expect(volume.relativeError).toBeLessThan(1e-12);
  });

  it('follows a falling tide: water drains back out and the balance still closes', () => {
    const sim = new FloodSimulation();
    sim.init(
      riverAndBasin([
        [0, 1.0],
        [3600, 1.0],
        [5400, 0.0],
      ]),
    );
    sim.advance(3600);
    const high = sim.volume().final;
    sim.advance(4 * 3600);
    const s = sim.state;
    let basinDepth = 0;
    for (let k = 0; k < s.depth.length; k++) if (!s.held[k]) basinDepth = Math.max(basinDepth, s.depth[k]!);
    // The basin (bed ≥ 0.2 m) lies above the low tide 0.0 m: at most a film stays behind.
    expect(basinDepth).toBeLessThan(0.05);
    expect(sim.volume().final).toBeLessThan(high);
    expect(sim.volume().relativeError).toBeLessThan(1e-12);
  });

  it('does not let held cells set the time step (steps governed by the bank depth)', () => {
    // With the 6 m deep river in the time step, Δt would be ≈ 0.59·20/√(9.81·6) ≈ 1.5 s; the bank
    // depth (1.0 − 0.2 = 0.8 m) gives ≈ 4.2 s, so one hour takes under 1 200 steps.
    const sim = new FloodSimulation();
    sim.init(riverAndBasin([[0, 1.0]]));
    sim.advance(3600);
    expect(sim.steps).toBeLessThan(1200);
    expect(sim.steps).toBeGreaterThan(800);
  });
});
