import type { FloodModelInput } from '../../src/sim/flood/floodInput.ts';

/**
 * The flood cases the WebGPU kernel is compared on with the JavaScript kernel (tests/e2e/floodGpu.e2e.ts):
 * small grids, so each runs in a few seconds on SwiftShader, and together they reach every branch
 * of the scheme: wet/dry fronts, friction, walls (NODATA), rain with a per-cell factor and losses,
 * level and free edges, held cells, flap gates and a point source.
 */
export interface FloodGpuCase {
  name: string;
  input: FloodModelInput;
  /** Simulated time, s. */
  durationSeconds: number;
}

/** A `columns × rows` grid filled by `bed(col, row)` (NaN: outside, a wall). */
function grid(columns: number, rows: number, bed: (i: number, j: number) => number): Float64Array {
  const out = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++) for (let i = 0; i < columns; i++) out[j * columns + i] = bed(i, j);
  return out;
}

/** Dam break: 1 m of water behind a removed dam, a dry flat bed ahead, walls all round (a wave front). */
function damBreak(): FloodGpuCase {
  const columns = 64;
  const rows = 12;
  const level = new Float64Array(columns * rows);
  for (let k = 0; k < level.length; k++) level[k] = k % columns < 16 ? 1 : Number.NaN;
  return {
    name: 'dam break on a dry bed',
    input: {
      columns,
      rows,
      cellSizeMetres: 5,
      bedElevationMetres: grid(columns, rows, () => 0),
      manningN: 0.02,
      initialLevelMetres: level,
    },
    durationSeconds: 60,
  };
}

/**
 * Rain on a slope falling to the south, a wall across it with one gap (NODATA cells), a free
 * south edge; rain doubled on the east half, losses on the west half.
 */
function rainOnSlope(): FloodGpuCase {
  const columns = 32;
  const rows = 32;
  const rainMultiplier = grid(columns, rows, (i) => (i >= 16 ? 2 : 1));
  return {
    name: 'rain on a slope with a wall',
    input: {
      columns,
      rows,
      cellSizeMetres: 10,
      bedElevationMetres: grid(columns, rows, (i, j) =>
        j === 14 && i !== 5 ? Number.NaN : 3 - 0.02 * j + 0.05 * Math.sin(i * 0.7) * Math.cos(j * 0.5),
      ),
      manningN: 0.04,
      rainMillimetresPerHour: [
        [0, 0],
        [120, 150],
        [480, 150],
        [600, 0],
      ],
      rainMultiplier,
      lossMillimetresPerHour: grid(columns, rows, (i) => (i < 16 ? 10 : 0)),
      boundaries: [{ edge: 'south', type: 'free' }],
    },
    durationSeconds: 900,
  };
}

/** A bumpy basin filled through a west level edge whose level rises and falls; east edge free. */
function levelBoundary(): FloodGpuCase {
  const columns = 30;
  const rows = 20;
  return {
    name: 'basin filled through a level edge',
    input: {
      columns,
      rows,
      cellSizeMetres: 20,
      bedElevationMetres: grid(columns, rows, (i, j) => 0.02 * i + 0.15 * Math.sin(i * 1.3 + j * 0.9)),
      manningN: 0.03,
      initialLevelMetres: 0.1,
      boundaries: [
        {
          edge: 'west',
          type: 'level',
          levelMetres: [
            [0, 0.2],
            [600, 1.2],
            [1200, 0.6],
          ],
        },
        { edge: 'east', type: 'free' },
      ],
    },
    durationSeconds: 1200,
  };
}

/**
 * A tidal river of held cells (columns 0-2) beside a low basin: flap gates on the basin's bank
 * cells of the north half (water leaves, never enters), an open bank in the south half, and a
 * point source filling the north half.
 */
function heldRiverWithGates(): FloodGpuCase {
  const columns = 30;
  const rows = 16;
  const held = new Uint8Array(columns * rows);
  const gates = new Uint8Array(columns * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < 3; i++) held[j * columns + i] = 1;
    if (j < 8) gates[j * columns + 3] = 1;
  }
  return {
    name: 'tidal river with flap gates and a source',
    input: {
      columns,
      rows,
      cellSizeMetres: 20,
      bedElevationMetres: grid(columns, rows, (i, j) => (i < 3 ? -4 : j === 8 && i > 3 ? 2 : 0.3 + 0.01 * i)),
      manningN: 0.03,
      heldLevel: {
        cells: held,
        levelMetres: [
          [0, 0.2],
          [900, 1.1],
          [1800, 0.2],
        ],
      },
      flapGateCells: gates,
      sources: [
        {
          row: 3,
          col: 20,
          flowCubicMetresPerSecond: [
            [0, 0],
            [300, 4],
            [1800, 4],
          ],
        },
      ],
    },
    durationSeconds: 1800,
  };
}

/** Every case, in the order the test reports them. */
export function floodGpuCases(): FloodGpuCase[] {
  return [damBreak(), rainOnSlope(), levelBoundary(), heldRiverWithGates()];
}
