import type { TimeSeries } from '../../core/timeSeries.ts';

/** A grid edge; row 0 of every grid is the northern edge. */
export type FloodEdge = 'north' | 'south' | 'west' | 'east';

/** The four edges in the order the engine stores them. */
export const FLOOD_EDGES: readonly FloodEdge[] = ['north', 'south', 'west', 'east'];

/**
 * An open edge. `level`: the water-surface elevation just outside the edge is held at
 * `levelMetres(t)` (water flows in or out); `free`: water leaves at normal depth, the friction
 * slope equal to the outward bed slope. Edges not listed are closed walls.
 */
export type FloodBoundary =
  | { edge: FloodEdge; type: 'level'; levelMetres: TimeSeries }
  | { edge: FloodEdge; type: 'free' };

/** A point inflow into one cell. */
export interface FloodSource {
  /** Grid row (0 = north) and column of the receiving cell. */
  row: number;
  col: number;
  /** Inflow, m³/s, piecewise linear in seconds. */
  flowCubicMetresPerSecond: TimeSeries;
}

/** Numerical settings of the local-inertial solver. */
export interface FloodSolverSettings {
  /** Courant number of the adaptive step `dt = alpha dx / sqrt(g hmax)` (Bates et al. 2010: 0.7). */
  alpha: number;
  /** Flux diffusion weight θ of de Almeida et al. (2012); 1 = the original Bates scheme. */
  theta: number;
  /** Faces whose flow depth is at most this (m) carry no flow; cells count as wet above it. */
  depthThreshold: number;
}

/** Default solver settings (spec defaults). */
export const DEFAULT_SOLVER: FloodSolverSettings = { alpha: 0.7, theta: 0.7, depthThreshold: 0.001 };

/**
 * Everything the flood engine needs, on a regular north-up grid. All grids are row-major,
 * row 0 north, `rows × columns` long.
 */
export interface FloodModelInput {
  columns: number;
  rows: number;
  /** Cell size, metres. */
  cellSizeMetres: number;
  /** Bed elevation, metres; NaN = outside the domain (a wall). */
  bedElevationMetres: Float64Array;
  /** Manning's n, s/m^(1/3): one value or one per cell. */
  manningN: number | Float64Array;
  /** Initial water-surface elevation, metres: one value or one per cell; absent = dry. */
  initialLevelMetres?: number | Float64Array;
  sources?: readonly FloodSource[];
  /** Uniform rain intensity, mm/h, piecewise linear in seconds. */
  rainMillimetresPerHour?: TimeSeries;
  /** Optional per-cell multiplier of the uniform rain (1 = as given). */
  rainMultiplier?: Float64Array;
  /** Infiltration / drainage loss capacity, mm/h: one value or one per cell. */
  lossMillimetresPerHour?: number | Float64Array;
  boundaries?: readonly FloodBoundary[];
  /** Cells inside the grid whose water surface is held at a level series (e.g. tidal rivers). */
  heldLevel?: FloodHeldLevel;
  /**
   * Tide gates: 1 for a cell that water from a held cell never enters (a flap gate where a canal
   * meets the river: the canal drains to the river when the river is lower, and the gate shuts
   * when the river stands higher). Only faces between a held cell and a flap cell are gated.
   */
  flapGateCells?: Uint8Array;
  solver?: Partial<FloodSolverSettings>;
}

/**
 * Held-level forcing for cells inside the grid (a river crossing the domain, whose tide the
 * edges cannot carry): after every step each flagged cell's water surface is set to
 * `levelMetres(t)` (depth `max(level - bed, 0)`); the volume this adds or removes is counted in
 * the account's `boundaryNet`, so the balance stays exact. Faces between two held cells carry no
 * flow, held cells do not set the time step (only their faces to ordinary cells do) and they
 * record no maximum depth or wetting time: they are a boundary, not a flood result.
 */
export interface FloodHeldLevel {
  /** 1 = held, one byte per cell (row 0 north). */
  cells: Uint8Array;
  /** Water-surface elevation, metres, piecewise linear in seconds. */
  levelMetres: TimeSeries;
}
