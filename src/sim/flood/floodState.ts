import { InputError, type InputProblem } from '../../core/errors.ts';
import { type TimeSeries, valueAt } from '../../core/timeSeries.ts';
import { DEFAULT_SOLVER, FLOOD_EDGES, type FloodModelInput, type FloodSolverSettings } from './floodInput.ts';

/** Boundary codes per edge in {@link FloodState.edgeTypes} (order north, south, west, east): a wall. */
export const EDGE_WALL = 0;
/** An edge with a prescribed outside water level. */
export const EDGE_LEVEL = 1;
/** An edge with normal-depth outflow. */
export const EDGE_FREE = 2;

/** Slot of {@link FloodState.control} holding the simulated time, s. */
export const CONTROL_TIME = 0;
/** Slot of the number of steps taken. */
export const CONTROL_STEPS = 1;
/** Slot of the cumulative point-source volume, m³. */
export const CONTROL_SOURCE_VOLUME = 2;
/** Slot of the cumulative rain volume, m³. */
export const CONTROL_RAIN_VOLUME = 3;
/**
 * Slot of the time step (s) that fell below MIN_TIME_STEP_SECONDS and stopped the stepper
 * (0 while it runs normally); CONTROL_TIME then holds when it stopped.
 */
export const CONTROL_STALLED_STEP = 4;
/** Slot of the deepest water (m) when the stepper stopped (see CONTROL_STALLED_STEP). */
export const CONTROL_STALLED_DEPTH = 5;
/** First per-thread slot of the maximum depth (m) found in the last continuity pass. */
export const CONTROL_HMAX = 8;

/** Smallest depth (m) used in the time-step formula, so a dry grid still takes finite steps. */
export const MIN_CFL_DEPTH_METRES = 0.01;

/**
 * The engine's whole state as plain typed arrays plus plain data, so it can be posted to
 * worker threads: when built on SharedArrayBuffers every thread sees the same arrays.
 *
 * Indexing: cell k = row * columns + col. x-faces (flow east positive) `qx[row*(columns+1)+i]`,
 * face i between cells i-1 and i (i = 0 west edge, i = columns east edge). y-faces (flow SOUTH
 * positive) `qy[j*columns+col]`, face row j between cell rows j-1 and j (j = 0 north edge,
 * j = rows south edge). Unit discharges in m²/s.
 */
export interface FloodState {
  columns: number;
  rows: number;
  cellSizeMetres: number;
  solver: FloodSolverSettings;
  /** Bed elevation, m (walls hold 0; see `wall`). */
  bed: Float64Array;
  /** 1 for a cell outside the domain (NODATA): a wall. */
  wall: Uint8Array;
  /** Manning's n squared per cell. */
  manningSquared: Float64Array;
  /** Water depth, m. */
  depth: Float64Array;
  /** Maximum depth reached, m. */
  maxDepth: Float64Array;
  /** Time a cell first exceeded the depth threshold, s; -1 if never. */
  firstWetSeconds: Float64Array;
  /** Rain multiplier per cell (0 on walls). */
  rainFactor: Float64Array;
  /** Loss capacity per cell, m/s. */
  lossRate: Float64Array;
  /** Fluxes computed in the flux phase, before the positivity limiter. */
  qxRaw: Float64Array;
  qyRaw: Float64Array;
  /** Limited fluxes actually applied (and used as q^t in the next step). */
  qx: Float64Array;
  qy: Float64Array;
  /** Per-cell outflow limiter in [0, 1] of the current step. */
  outflowScale: Float64Array;
  /** Net volume in through edges per row (m³, + in) and loss volume per row (m³), cumulative. */
  rowBoundaryVolume: Float64Array;
  rowLossVolume: Float64Array;
  /** Scalars shared by threads; see the CONTROL_* slots. */
  control: Float64Array;
  /** Barrier words for Atomics (count, generation). */
  barrier: Int32Array;
  /** Boundary code per edge (north, south, west, east). */
  edgeTypes: Int32Array;
  /** Level time series per edge (empty for walls and free edges). */
  edgeLevels: TimeSeries[];
  /** Lowest bed elevation along each edge, m (for the time step near level boundaries). */
  edgeMinBed: Float64Array;
  /** Point sources: cell index and flow series (m³/s). */
  sources: Array<{ cell: number; flow: TimeSeries }>;
  /** Uniform rain, mm/h. */
  rain: TimeSeries;
  /** Sum of rainFactor over the domain (cells). */
  rainFactorSum: number;
  /** Number of cells inside the domain. */
  activeCells: number;
  /** True when some cell has a loss capacity (lets the kernel skip the loss term otherwise). */
  hasLosses: boolean;
  /** 1 for a held-level cell (see FloodHeldLevel). */
  held: Uint8Array;
  /** 1 for a flap-gate cell: water from a held cell never flows into it (a tide gate). */
  flap: Uint8Array;
  /** Level series of the held cells, m (empty when none). */
  heldLevel: TimeSeries;
  /** True when some cell is held. */
  hasHeld: boolean;
  /**
   * Lowest bed (m) of a face through which a held cell can fill an ordinary neighbour (the higher
   * of the two beds; flap-gated neighbours left out, they only drain), for the time step: such a
   * face carries water up to `held level − this` deep. +∞ if none.
   */
  heldFaceMinBed: number;
  /** Number of threads sharing this state (one CONTROL_HMAX slot each). */
  threads: number;
}

/** Makes the buffer behind each array: an ArrayBuffer, or a SharedArrayBuffer for threads. */
export type BufferAllocator = (bytes: number) => ArrayBuffer | SharedArrayBuffer;

/** Plain ArrayBuffers (one thread). */
export const plainBuffers: BufferAllocator = (bytes) => new ArrayBuffer(bytes);
/** SharedArrayBuffers (threads share the state). */
export const sharedBuffers: BufferAllocator = (bytes) => new SharedArrayBuffer(bytes);

/**
 * Validates the input and builds the initial state. Throws InputError listing every problem
 * (paths name the input fields).
 */
export function createFloodState(
  input: FloodModelInput,
  threads = 1,
  allocate: BufferAllocator = plainBuffers,
): FloodState {
  const { columns, rows, cellSizeMetres: dx } = input;
  const n = columns * rows;
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!(Number.isInteger(columns) && columns >= 1 && Number.isInteger(rows) && rows >= 1))
    throw new InputError([{ path: 'columns', message: 'the grid needs at least one row and one column' }]);
  if (!(dx > 0)) problem('cellSizeMetres', 'must be positive');
  if (input.bedElevationMetres.length !== n) problem('bedElevationMetres', `expected ${n} values`);
  const solver = { ...DEFAULT_SOLVER, ...input.solver };
  if (!(solver.alpha > 0 && solver.alpha <= 1)) problem('solver.alpha', 'must be in (0, 1]');
  if (!(solver.theta >= 0 && solver.theta <= 1)) problem('solver.theta', 'must be in [0, 1]');
  if (!(solver.depthThreshold >= 0 && solver.depthThreshold < 1))
    problem('solver.depthThreshold', 'must be in [0, 1) metres');

  const f64 = (count: number) => new Float64Array(allocate(count * 8));
  const state: FloodState = {
    columns,
    rows,
    cellSizeMetres: dx,
    solver,
    bed: f64(n),
    wall: new Uint8Array(allocate(n)),
    manningSquared: f64(n),
    depth: f64(n),
    maxDepth: f64(n),
    firstWetSeconds: f64(n),
    rainFactor: f64(n),
    lossRate: f64(n),
    qxRaw: f64((columns + 1) * rows),
    qyRaw: f64(columns * (rows + 1)),
    qx: f64((columns + 1) * rows),
    qy: f64(columns * (rows + 1)),
    outflowScale: f64(n),
    rowBoundaryVolume: f64(rows),
    rowLossVolume: f64(rows),
    control: f64(CONTROL_HMAX + threads),
    barrier: new Int32Array(allocate(8)),
    edgeTypes: new Int32Array(allocate(16)),
    edgeLevels: [[], [], [], []],
    edgeMinBed: f64(4),
    sources: [],
    rain: input.rainMillimetresPerHour ?? [],
    rainFactorSum: 0,
    activeCells: 0,
    hasLosses: false,
    held: new Uint8Array(allocate(n)),
    flap: new Uint8Array(allocate(n)),
    heldLevel: input.heldLevel?.levelMetres ?? [],
    hasHeld: false,
    heldFaceMinBed: Number.POSITIVE_INFINITY,
    threads,
  };

  const perCell = (value: number | Float64Array | undefined, fallback: number, path: string) => {
    if (value === undefined) return () => fallback;
    if (typeof value === 'number') return () => value;
    if (value.length !== n) {
      problem(path, `expected ${n} values (one per cell), got ${value.length}`);
      return () => fallback;
    }
    return (k: number) => value[k]!;
  };
  const manning = perCell(input.manningN, 0.03, 'manningN');
  const level = perCell(input.initialLevelMetres, Number.NaN, 'initialLevelMetres');
  const rainMultiplier = perCell(input.rainMultiplier, 1, 'rainMultiplier');
  const lossMmPerHour = perCell(input.lossMillimetresPerHour, 0, 'lossMillimetresPerHour');
  let badManning = -1;
  let badLoss = -1;
  for (let k = 0; k < n; k++) {
    const z = input.bedElevationMetres[k]!;
    state.firstWetSeconds[k] = -1;
    if (Number.isNaN(z)) {
      state.wall[k] = 1;
      continue;
    }
    const nk = manning(k);
    if (!(nk > 0) && badManning < 0) badManning = k;
    const loss = lossMmPerHour(k);
    if (!(loss >= 0) && badLoss < 0) badLoss = k;
    state.activeCells++;
    state.bed[k] = z;
    state.manningSquared[k] = nk * nk;
    const eta = level(k);
    const h = Number.isNaN(eta) ? 0 : Math.max(0, eta - z);
    state.depth[k] = h;
    state.maxDepth[k] = h;
    if (h > solver.depthThreshold) state.firstWetSeconds[k] = 0;
    state.rainFactor[k] = Math.max(0, rainMultiplier(k));
    state.rainFactorSum += state.rainFactor[k]!;
    state.lossRate[k] = loss / 3.6e6;
    if (loss > 0) state.hasLosses = true;
  }
  if (badManning >= 0) problem('manningN', `must be positive (cell ${badManning})`);
  if (badLoss >= 0) problem('lossMillimetresPerHour', `must be zero or positive (cell ${badLoss})`);
  if (state.activeCells === 0) problem('bedElevationMetres', 'every cell is NODATA: no domain');

  (input.sources ?? []).forEach((s, i) => {
    if (
      !(
        Number.isInteger(s.row) &&
        Number.isInteger(s.col) &&
        s.row >= 0 &&
        s.row < rows &&
        s.col >= 0 &&
        s.col < columns
      )
    )
      problem(`sources[${i}]`, `cell (${s.row}, ${s.col}) is outside the grid`);
    else if (state.wall[s.row * columns + s.col]) problem(`sources[${i}]`, 'lies on a NODATA cell');
    else state.sources.push({ cell: s.row * columns + s.col, flow: s.flowCubicMetresPerSecond });
  });

  (input.boundaries ?? []).forEach((b, i) => {
    const e = FLOOD_EDGES.indexOf(b.edge);
    if (e < 0) {
      problem(`boundaries[${i}].edge`, `unknown edge "${b.edge}"`);
      return;
    }
    if (state.edgeTypes[e] !== EDGE_WALL) {
      problem(`boundaries[${i}].edge`, `edge "${b.edge}" given twice`);
      return;
    }
    state.edgeTypes[e] = b.type === 'level' ? EDGE_LEVEL : EDGE_FREE;
    if (b.type === 'level') state.edgeLevels[e] = b.levelMetres;
  });
  for (let e = 0; e < 4; e++) {
    let min = Number.POSITIVE_INFINITY;
    forEdgeCell(state, e, (k) => {
      if (!state.wall[k] && state.bed[k]! < min) min = state.bed[k]!;
    });
    state.edgeMinBed[e] = min;
  }
  if (input.heldLevel) setHeldCells(state, input.heldLevel.cells, problem);
  if (input.flapGateCells) {
    if (input.flapGateCells.length !== n)
      problem('flapGateCells', `expected ${n} values (one per cell), got ${input.flapGateCells.length}`);
    else for (let k = 0; k < n; k++) state.flap[k] = input.flapGateCells[k]! && !state.held[k] ? 1 : 0;
  }
  if (problems.length > 0) throw new InputError(problems);
  state.heldFaceMinBed = heldFaceMinBed(state);
  state.control[CONTROL_HMAX] = maxOrdinaryDepth(state);
  return state;
}

/** Calls `visit(cellIndex)` for each cell along edge e (0 north, 1 south, 2 west, 3 east). */
export function forEdgeCell(state: FloodState, edge: number, visit: (cell: number) => void): void {
  const { columns, rows } = state;
  if (edge < 2) {
    const row = edge === 0 ? 0 : rows - 1;
    for (let c = 0; c < columns; c++) visit(row * columns + c);
  } else {
    const col = edge === 2 ? 0 : columns - 1;
    for (let r = 0; r < rows; r++) visit(r * columns + col);
  }
}

/** Flags held cells and fills them to the level at t = 0. */
function setHeldCells(
  state: FloodState,
  cells: Uint8Array,
  problem: (path: string, message: string) => void,
): void {
  if (cells.length !== state.columns * state.rows) {
    problem(
      'heldLevel.cells',
      `expected ${state.columns * state.rows} values (one per cell), got ${cells.length}`,
    );
    return;
  }
  if (state.heldLevel.length === 0) problem('heldLevel.levelMetres', 'needs at least one [t, level] point');
  const level0 = valueAt(state.heldLevel, 0);
  for (let k = 0; k < cells.length; k++) {
    if (!cells[k] || state.wall[k]) continue;
    state.held[k] = 1;
    state.hasHeld = true;
    state.depth[k] = Math.max(level0 - state.bed[k]!, 0);
    state.maxDepth[k] = 0;
    state.firstWetSeconds[k] = -1;
  }
}

/**
 * The lowest bed of a face through which a held cell can fill an ordinary cell (see
 * FloodState.heldFaceMinBed). A face's flowing depth is h_f = max(η_a, η_b) − max(z_a, z_b): while
 * the ordinary side is lower than the held level that is at most `level − max(z_a, z_b)`, and
 * above it at most the ordinary cell's own depth (already in the time step). A flap-gated cell
 * takes no water from the held side, and when it drains h_f is again at most its own depth.
 */
function heldFaceMinBed(state: FloodState): number {
  const { columns: nx, rows: ny, held, wall, flap, bed } = state;
  let lowest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < held.length; k++) {
    if (!held[k]) continue;
    const r = Math.floor(k / nx);
    const c = k - r * nx;
    const visit = (m: number) => {
      if (held[m] || wall[m] || flap[m]) return;
      const faceBed = Math.max(bed[k]!, bed[m]!);
      if (faceBed < lowest) lowest = faceBed;
    };
    if (c > 0) visit(k - 1);
    if (c < nx - 1) visit(k + 1);
    if (r > 0) visit(k - nx);
    if (r < ny - 1) visit(k + nx);
  }
  return lowest;
}

/** Deepest water (m) on cells that are not held. */
function maxOrdinaryDepth(s: FloodState): number {
  let m = 0;
  for (let i = 0; i < s.depth.length; i++) if (!s.held[i] && s.depth[i]! > m) m = s.depth[i]!;
  return m;
}
