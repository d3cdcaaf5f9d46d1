import { describe, expect, it } from 'vitest';
import type { FloodModelInput } from './floodInput.ts';
import { FloodSimulation } from './floodSimulation.ts';

/**
 * A 30 × 12 closed box: a deep river channel in columns 0–2 (bed −5 m, held at the tide), a low
 * basin east of it (bed 0.2 m rising to 0.5 m), walls all round.
 */
function riverAndBasin(tide: Array<[number, number]>, extra: Partial<FloodModelInput> = {}): FloodModelInput {
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
    ...extra,
  };
}

/** Flap gates on the first basin column (column 3, next to the river): water leaves, never enters. */
function gatedBank(): Uint8Array {
  const gates = new Uint8Array(30 * 12);
  for (let j = 0; j < 12; j++) gates[j * 30 + 3] = 1;
  return gates;
}

/** Basin level (bed + depth) of the highest basin cell, m. */
function highestBasinLevel(sim: FloodSimulation): number {
  const s = sim.state;
  let level = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < s.depth.length; k++) if (!s.held[k]) level = Math.max(level, s.bed[k]! + s.depth[k]!);
  return level;
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

  it('leaves flap-gated banks out of the time step: a high tide behind closed gates takes long steps', () => {
    // The gates take no water from the river, so the 1.8 m tide over a 0.2 m bank (1.6 m deep
    // faces, Δt ≈ 0.59·20/√(9.81·1.6) ≈ 3.0 s, ~1 200 steps an hour) does not bound the step: the
    // dry basin's floor depth 0.01 m gives Δt ≈ 0.59·20/√(9.81·0.01) ≈ 37.7 s, ~96 steps.
    const sim = new FloodSimulation();
    sim.init(riverAndBasin([[0, 1.8]], { flapGateCells: gatedBank() }));
    expect(sim.state.heldFaceMinBed).toBe(Number.POSITIVE_INFINITY);
    sim.advance(3600);
    expect(sim.steps).toBeLessThan(120);
    for (let k = 0; k < sim.state.depth.length; k++)
      if (!sim.state.held[k]) expect(sim.state.depth[k]).toBe(0);
    expect(sim.volume().relativeError).toBeLessThan(1e-12);
  });

  it('drains a full basin through the gates without overshoot once the tide falls, at the longer step', () => {
    // Basin at 1.0 m behind gates; tide 1.8 m for an hour (gates shut: the basin must not rise),
    // then falling to 0.0 m at 2 h (gates open: it drains; the level may never rise above 1.0 m).
    const sim = new FloodSimulation();
    sim.init(
      riverAndBasin(
        [
          [0, 1.8],
          [3600, 1.8],
          [7200, 0.0],
        ],
        { flapGateCells: gatedBank(), initialLevelMetres: 1.0 },
      ),
    );
    sim.advance(3600);
    expect(Math.abs(highestBasinLevel(sim) - 1.0)).toBeLessThan(1e-9);
    // The basin's 0.8 m depth sets the step (≈ 4.2 s, ~860 steps), not the 1.6 m gated faces.
    expect(sim.steps).toBeLessThan(1000);
    let highest = 0;
    for (let t = 3600 + 300; t <= 8 * 3600; t += 300) {
      sim.advance(t);
      highest = Math.max(highest, highestBasinLevel(sim));
    }
    expect(highest).toBeLessThanOrEqual(1.0 + 1e-9);
    let basinDepth = 0;
    for (let k = 0; k < sim.state.depth.length; k++)
      if (!sim.state.held[k]) basinDepth = Math.max(basinDepth, sim.state.depth[k]!);
    expect(basinDepth).toBeLessThan(0.05);
    expect(sim.volume().boundaryNet).toBeLessThan(0);
    expect(sim.volume().relativeError).toBeLessThan(1e-12);
  });
});
