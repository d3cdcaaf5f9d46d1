import { describe, expect, it } from 'vitest';
import type { FloodModelInput } from './floodInput.ts';
import { FloodSimulation } from './floodSimulation.ts';

/** A bumpy closed bowl: z = 0.5 + bumps, deterministic. */
function bumpyBed(columns: number, rows: number): Float64Array {
  const z = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++)
      z[j * columns + i] = 0.3 * Math.sin(i * 0.7) * Math.cos(j * 0.45) + 0.002 * i;
  return z;
}

function run(input: FloodModelInput, seconds: number): FloodSimulation {
  const sim = new FloodSimulation();
  sim.init(input);
  sim.advance(seconds);
  return sim;
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

describe('flood engine: conservation and balance', () => {
  it('keeps a lake at rest over uneven ground at rest (well-balanced)', () => {
    const bed = bumpyBed(30, 20);
    const level = 0.1; // some bumps stick out of the lake (dry islands)
    const sim = run(
      {
        columns: 30,
        rows: 20,
        cellSizeMetres: 10,
        bedElevationMetres: bed,
        manningN: 0.03,
        initialLevelMetres: level,
      },
      600,
    );
    const s = sim.state;
    expect(sim.steps).toBeGreaterThan(10);
    expect(maxAbs(s.qx)).toBeLessThan(1e-10);
    expect(maxAbs(s.qy)).toBeLessThan(1e-10);
    for (let k = 0; k < bed.length; k++) {
      const expected = Math.max(0, level - bed[k]!);
      expect(Math.abs(s.depth[k]! - expected)).toBeLessThan(1e-12);
    }
  });

  it('balances a closed basin fed by a varying point source to 1e-6 (volume account)', () => {
    const sim = run(
      {
        columns: 40,
        rows: 25,
        cellSizeMetres: 5,
        bedElevationMetres: bumpyBed(40, 25),
        manningN: 0.02,
        sources: [
          {
            row: 12,
            col: 3,
            flowCubicMetresPerSecond: [
              [0, 0],
              [200, 3],
              [900, 0.5],
            ],
          },
        ],
      },
      1200,
    );
    const v = sim.volume();
    // ∫ flow dt by hand: 0.5*200*3 + 0.5*700*(3+0.5) + 300*0.5 = 300 + 1225 + 150.
    expect(v.sources).toBeCloseTo(1675, 6);
    expect(v.boundaryNet).toBe(0);
    expect(v.relativeError).toBeLessThan(1e-6);
    expect(v.final).toBeCloseTo(1675, 3);
  });

  it('turns rain on a closed sloped grid into rain depth × area, minus losses', () => {
    const columns = 25;
    const rows = 16;
    const bed = new Float64Array(columns * rows).map(
      (_, k) => 0.01 * (k % columns) + 0.02 * Math.floor(k / columns),
    );
    // 40 mm/h for 30 min then 0: 20 mm of rain. Loss 4 mm/h for one hour: at most 4 mm.
    const sim = run(
      {
        columns,
        rows,
        cellSizeMetres: 10,
        bedElevationMetres: bed,
        manningN: 0.03,
        rainMillimetresPerHour: [
          [0, 40],
          [1800, 40],
          [1800.001, 0],
        ],
        lossMillimetresPerHour: 4,
      },
      3600,
    );
    const area = columns * rows * 100;
    const v = sim.volume();
    expect(v.rain).toBeCloseTo(0.02 * area, 1);
    expect(v.relativeError).toBeLessThan(1e-9);
    // Losses can only take water that is there: at most 4 mm over the hour, and most cells stay wet.
    expect(v.losses).toBeLessThanOrEqual(0.004 * area + 1e-9);
    expect(v.losses).toBeGreaterThan(0.5 * 0.004 * area);
    expect(v.final).toBeCloseTo(v.rain - v.losses, 6);
  });

  it('gives a mirror-symmetric answer for mirror-symmetric input', () => {
    const columns = 21;
    const rows = 15;
    const bed = new Float64Array(columns * rows);
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < columns; i++) bed[j * columns + i] = 0.05 * Math.abs(i - 10) + 0.1 * Math.cos(j);
    const sim = run(
      {
        columns,
        rows,
        cellSizeMetres: 4,
        bedElevationMetres: bed,
        manningN: 0.025,
        sources: [{ row: 7, col: 10, flowCubicMetresPerSecond: [[0, 1]] }],
        boundaries: [
          { edge: 'west', type: 'free' },
          { edge: 'east', type: 'free' },
        ],
      },
      300,
    );
    const h = sim.state.depth;
    let asymmetry = 0;
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < columns; i++)
        asymmetry = Math.max(asymmetry, Math.abs(h[j * columns + i]! - h[j * columns + (columns - 1 - i)]!));
    expect(maxAbs(h)).toBeGreaterThan(0.05);
    expect(asymmetry).toBeLessThan(1e-9);
  });
});

describe('flood engine: boundaries', () => {
  it('fills a basin through a level boundary up to the boundary level', () => {
    const columns = 20;
    const rows = 6;
    const bed = new Float64Array(columns * rows).map(
      (_, k) => 0.3 + 0.2 * Math.sin((k % columns) * 0.5) * Math.cos(Math.floor(k / columns) * 0.8),
    );
    // The outside level rises from below the lowest bed to 1.2 m over two hours, then holds for
    // four (a sudden dam-break fill would leave slowly decaying seiches instead).
    const sim = run(
      {
        columns,
        rows,
        cellSizeMetres: 10,
        bedElevationMetres: bed,
        manningN: 0.03,
        boundaries: [
          {
            edge: 'west',
            type: 'level',
            levelMetres: [
              [0, 0],
              [7200, 1.2],
            ],
          },
        ],
      },
      6 * 3600,
    );
    const s = sim.state;
    const levelError = maxAbs(bed.map((z, k) => z + s.depth[k]! - 1.2));
    expect(levelError).toBeLessThan(1e-3);
    const v = sim.volume();
    expect(v.boundaryNet).toBeCloseTo(v.final, 6);
    expect(v.relativeError).toBeLessThan(1e-9);
  });

  it('drains a sloping plane through a free boundary', () => {
    const columns = 30;
    const rows = 4;
    const bed = new Float64Array(columns * rows).map((_, k) => 0.002 * (k % columns)); // falls to the west
    const sim = run(
      {
        columns,
        rows,
        cellSizeMetres: 10,
        bedElevationMetres: bed,
        manningN: 0.03,
        initialLevelMetres: 0.4,
        boundaries: [{ edge: 'west', type: 'free' }],
      },
      6 * 3600,
    );
    const v = sim.volume();
    expect(v.boundaryNet).toBeLessThan(-0.95 * v.initial);
    expect(v.final).toBeLessThan(0.05 * v.initial);
    expect(v.relativeError).toBeLessThan(1e-9);
  });

  it('reaches Manning normal depth in a uniform channel ending in a free edge', () => {
    // 1 m³/s into a 10 m wide channel (unit discharge q = 0.1 m²/s) on a 0.1 % slope, n = 0.03:
    // normal depth h = (q n / √S)^(3/5) = 0.2434 m. The free east edge must pass it on unchanged.
    const columns = 100;
    const slope = 0.001;
    const bed = new Float64Array(columns).map((_, i) => 1 - slope * 10 * i);
    const sim = run(
      {
        columns,
        rows: 1,
        cellSizeMetres: 10,
        bedElevationMetres: bed,
        manningN: 0.03,
        sources: [{ row: 0, col: 0, flowCubicMetresPerSecond: [[0, 1]] }],
        boundaries: [{ edge: 'east', type: 'free' }],
      },
      8 * 3600,
    );
    const normalDepth = ((0.1 * 0.03) / Math.sqrt(slope)) ** 0.6;
    expect(normalDepth).toBeCloseTo(0.2434, 4);
    for (let i = 20; i < columns; i++)
      expect(Math.abs(sim.state.depth[i]! / normalDepth - 1)).toBeLessThan(0.01);
    // Steady: what leaves through the edge equals the inflow.
    expect(sim.state.qx[columns]! * 10).toBeCloseTo(1, 4);
  });

  it('lets water fall out over an edge whose outside level is below the bed', () => {
    // Flat bed at 1 m, 0.5 m of water, outside level 0 m: the ghost cell is treated as dry at the
    // edge cell's bed, so outflow is driven by the edge cell's own depth, not by the 1.5 m drop.
    const columns = 40;
    const sim = run(
      {
        columns,
        rows: 2,
        cellSizeMetres: 10,
        bedElevationMetres: new Float64Array(2 * columns).fill(1),
        manningN: 0.03,
        initialLevelMetres: 1.5,
        boundaries: [{ edge: 'west', type: 'level', levelMetres: [[0, 0]] }],
      },
      1800,
    );
    const v = sim.volume();
    expect(v.boundaryNet).toBeLessThan(-0.3 * v.initial);
    expect(v.final).toBeGreaterThan(0.05 * v.initial);
    expect(Math.max(...sim.state.qx.map(Math.abs))).toBeLessThan(2);
    expect(v.relativeError).toBeLessThan(1e-9);
  });
});
