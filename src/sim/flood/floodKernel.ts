import { EDGE_FREE, EDGE_LEVEL, type FloodState } from './floodState.ts';

/**
 * The optimized local-inertial kernel (Bates, Horritt & Fewtrell 2010, J. Hydrol. 387:33-45)
 * with the θ flux diffusion of de Almeida et al. (2012, Water Resour. Res. 48, W05528):
 *
 *   q⁺ = (θ q + (1-θ)/2 (q₋ + q₊) - g h_f Δt ∂η/∂x) / (1 + g Δt n² |q| / h_f^(7/3))
 *
 * with h_f = max(η_i, η_j) - max(z_i, z_j) and the continuity update
 * h⁺ = h + Δt/Δx Σ q_in-out + rain - loss (held-level cells are then reset to their level,
 * the difference counted as boundary inflow). Each phase works on a row range, so the same
 * code runs on one thread or on many threads sharing the state.
 *
 * Positivity: after the fluxes of a cell are known its outflow is scaled so it never removes
 * more water than the cell holds (a per-cell outflow limiter applied to the upwind side of each
 * face), which keeps depths non-negative and the volume balance exact to rounding.
 */

const GRAVITY = 9.81;
/** Smallest outward slope (m/m) of a free edge, so a flat edge still drains. */
export const MIN_FREE_SLOPE = 0.001;

/** Per-step forcing shared by both phases. */
export interface StepForcing {
  /** Step length, s. */
  dt: number;
  /** Time at the end of the step, s. */
  timeAfter: number;
  /** Water-surface elevation outside each edge during the step, m (north, south, west, east). */
  edgeLevels: Float64Array;
  /** Rain depth falling during the step on a cell with factor 1, m. */
  rainDepth: number;
  /** Volume of each point source during the step, m³. */
  sourceVolumes: Float64Array;
  /** Water-surface elevation of held cells at the end of the step, m. */
  heldLevel: number;
}

/**
 * The two phases of a step on a row range: this file's JavaScript kernel, or the WebAssembly
 * kernel of wasmKernel.ts working on the same state in a WebAssembly memory.
 */
export interface FloodKernel {
  /** What runs the phases, as a planner reads it in the results ('JavaScript', 'WebAssembly SIMD'). */
  name: string;
  /** Face fluxes and outflow limiter of rows [rowStart, rowEnd). */
  fluxPhase(s: FloodState, rowStart: number, rowEnd: number, f: StepForcing): void;
  /** Continuity of rows [rowStart, rowEnd); returns the largest ordinary depth there, m. */
  continuityPhase(s: FloodState, rowStart: number, rowEnd: number, f: StepForcing): number;
  /** Row segments this kernel skipped at rest so far (a kernel that never skips has none). */
  restSegmentSteps?(): number;
}

/** A face flux from the two cells' depths and beds (interior or level-boundary face), m²/s. */
function faceFlux(
  hA: number,
  zA: number,
  hB: number,
  zB: number,
  q0: number,
  qAvg: number,
  n2: number,
  gdt: number,
  invDx: number,
  threshold: number,
): number {
  const eA = zA + hA;
  const eB = zB + hB;
  const hf = Math.max(eA, eB) - Math.max(zA, zB);
  if (hf <= threshold) return 0;
  const drive = qAvg - gdt * hf * (eB - eA) * invDx;
  return q0 === 0 ? drive : drive / (1 + (gdt * n2 * Math.abs(q0)) / (hf * hf * Math.cbrt(hf)));
}

/**
 * A flap gate (tide gate) on a face: water from a held cell never enters a flap cell. `intoB` is
 * 1 when cell a is held and b a flap cell (positive flux a → b is blocked), `intoA` the reverse.
 */
function gated(flux: number, intoB: number, intoA: number): number {
  if (intoB && flux > 0) return 0;
  if (intoA && flux < 0) return 0;
  return flux;
}

/** Outward flux of a free edge cell: friction slope = outward bed slope (normal depth), m²/s ≥ 0. */
function freeFlux(h: number, slopeOut: number, q0Out: number, n2: number, gdt: number, threshold: number) {
  if (h <= threshold) return 0;
  const s = Math.max(slopeOut, MIN_FREE_SLOPE);
  const q = (q0Out + gdt * h * s) / (1 + (gdt * n2 * Math.abs(q0Out)) / (h * h * Math.cbrt(h)));
  return Math.max(q, 0);
}

/**
 * Flux phase for cell rows [rowStart, rowEnd): the x-faces of those rows, the y-faces on their
 * north and south sides, then each cell's outflow limiter. Reads depth and the applied fluxes
 * of the previous step; writes qxRaw, qyRaw (the y-face shared with the next range is written
 * by both ranges with identical values) and outflowScale.
 */
export function fluxPhase(s: FloodState, rowStart: number, rowEnd: number, f: StepForcing): void {
  yFaceRow(s, rowStart, f);
  for (let j = rowStart; j < rowEnd; j++) {
    xFaceRow(s, j, f);
    yFaceRow(s, j + 1, f);
    limiterRow(s, j, f.dt);
  }
}

function xFaceRow(s: FloodState, j: number, f: StepForcing): void {
  const nx = s.columns;
  const { bed: z, depth: h, wall, held, flap, manningSquared: n2, qx: q, qxRaw: out } = s;
  const { theta, depthThreshold: thr } = s.solver;
  const w = 0.5 * (1 - theta);
  const gdt = GRAVITY * f.dt;
  const invDx = 1 / s.cellSizeMetres;
  const cell0 = j * nx;
  const face0 = j * (nx + 1);
  for (let i = 1; i < nx; i++) {
    const a = cell0 + i - 1;
    const b = a + 1;
    const fi = face0 + i;
    if (wall[a]! | wall[b]! | (held[a]! & held[b]!)) {
      out[fi] = 0;
      continue;
    }
    const q0 = q[fi]!;
    const flux = faceFlux(
      h[a]!,
      z[a]!,
      h[b]!,
      z[b]!,
      q0,
      theta * q0 + w * (q[fi - 1]! + q[fi + 1]!),
      0.5 * (n2[a]! + n2[b]!),
      gdt,
      invDx,
      thr,
    );
    out[fi] = gated(flux, held[a]! & flap[b]!, held[b]! & flap[a]!);
  }
  out[face0] = edgeFlux(s, 2, cell0, nx > 1 ? cell0 + 1 : -1, q[face0]!, -1, f);
  out[face0 + nx] = edgeFlux(s, 3, cell0 + nx - 1, nx > 1 ? cell0 + nx - 2 : -1, q[face0 + nx]!, 1, f);
}

function yFaceRow(s: FloodState, j: number, f: StepForcing): void {
  const nx = s.columns;
  const ny = s.rows;
  const { bed: z, depth: h, wall, held, flap, manningSquared: n2, qy: q, qyRaw: out } = s;
  const face0 = j * nx;
  if (j === 0 || j === ny) {
    const edge = j === 0 ? 0 : 1;
    const row = j === 0 ? 0 : ny - 1;
    const inward = j === 0 ? nx : -nx;
    for (let i = 0; i < nx; i++) {
      const k = row * nx + i;
      out[face0 + i] = edgeFlux(s, edge, k, ny > 1 ? k + inward : -1, q[face0 + i]!, j === 0 ? -1 : 1, f);
    }
    return;
  }
  const { theta, depthThreshold: thr } = s.solver;
  const w = 0.5 * (1 - theta);
  const gdt = GRAVITY * f.dt;
  const invDx = 1 / s.cellSizeMetres;
  const northRow = (j - 1) * nx;
  for (let i = 0; i < nx; i++) {
    const a = northRow + i;
    const b = a + nx;
    const fi = face0 + i;
    if (wall[a]! | wall[b]! | (held[a]! & held[b]!)) {
      out[fi] = 0;
      continue;
    }
    const q0 = q[fi]!;
    const qNeighbours = q[fi - nx]! + q[fi + nx]!;
    const flux = faceFlux(
      h[a]!,
      z[a]!,
      h[b]!,
      z[b]!,
      q0,
      theta * q0 + w * qNeighbours,
      0.5 * (n2[a]! + n2[b]!),
      gdt,
      invDx,
      thr,
    );
    out[fi] = gated(flux, held[a]! & flap[b]!, held[b]! & flap[a]!);
  }
}

/**
 * Flux through an edge face of cell k (inner: the next cell inward, -1 if none); `outward`
 * is the sign of the face's axis pointing out of the domain. Returns the face flux in the
 * axis convention (east / south positive).
 */
function edgeFlux(
  s: FloodState,
  edge: number,
  k: number,
  inner: number,
  q0: number,
  outward: number,
  f: StepForcing,
) {
  const type = s.edgeTypes[edge]!;
  if (type === 0 || s.wall[k]) return 0;
  const gdt = GRAVITY * f.dt;
  const thr = s.solver.depthThreshold;
  const z = s.bed[k]!;
  const h = s.depth[k]!;
  if (type === EDGE_LEVEL) {
    // Ghost cell outside with the same bed and the prescribed water-surface elevation; a level
    // below the bed acts as a dry ghost (outflow driven by the cell's own depth, an overfall).
    const ghostDepth = Math.max(f.edgeLevels[edge]! - z, 0);
    const invDx = 1 / s.cellSizeMetres;
    const n2 = s.manningSquared[k]!;
    return outward > 0
      ? faceFlux(h, z, ghostDepth, z, q0, q0, n2, gdt, invDx, thr)
      : faceFlux(ghostDepth, z, h, z, q0, q0, n2, gdt, invDx, thr);
  }
  if (type === EDGE_FREE) {
    const slopeOut = inner >= 0 && !s.wall[inner] ? (s.bed[inner]! - z) / s.cellSizeMetres : 0;
    return outward * freeFlux(h, slopeOut, outward * q0, s.manningSquared[k]!, gdt, thr);
  }
  return 0;
}

/** Outflow limiter of row j: scale ≤ 1 so the outflow over dt never exceeds the cell's water. */
function limiterRow(s: FloodState, j: number, dt: number): void {
  const nx = s.columns;
  const { depth: h, qxRaw: qx, qyRaw: qy, outflowScale: scale } = s;
  const dxOverDt = s.cellSizeMetres / dt;
  const cell0 = j * nx;
  const xFace0 = j * (nx + 1);
  for (let i = 0; i < nx; i++) {
    const k = cell0 + i;
    const west = qx[xFace0 + i]!;
    const east = qx[xFace0 + i + 1]!;
    const north = qy[k]!;
    const south = qy[k + nx]!;
    const outflow =
      (west < 0 ? -west : 0) + Math.max(east, 0) + (north < 0 ? -north : 0) + Math.max(south, 0);
    const available = h[k]! * dxOverDt;
    scale[k] = outflow > available ? available / outflow : 1;
  }
}

/**
 * Continuity phase for rows [rowStart, rowEnd): applies limited fluxes, sources, rain and
 * losses; updates max depth, first wetting and the per-row volume accounts. Returns the
 * largest depth in the range (m), for the next time step.
 */
export function continuityPhase(s: FloodState, rowStart: number, rowEnd: number, f: StepForcing): number {
  const nx = s.columns;
  const ny = s.rows;
  const {
    depth: h,
    wall,
    qxRaw,
    qyRaw,
    qx,
    qy,
    outflowScale: sc,
    rainFactor,
    lossRate,
    maxDepth,
    firstWetSeconds,
    held,
    bed,
  } = s;
  const dx = s.cellSizeMetres;
  const dt = f.dt;
  const dtOverDx = dt / dx;
  const cellArea = dx * dx;
  const thr = s.solver.depthThreshold;
  const rain = f.rainDepth;
  const tAfter = f.timeAfter;
  const raining = rain !== 0;
  const losing = s.hasLosses;
  const holding = s.hasHeld;
  const heldLevel = f.heldLevel;
  const firstCell = rowStart * nx;
  const endCell = rowEnd * nx;
  for (let i = 0; i < s.sources.length; i++) {
    const src = s.sources[i]!;
    if (src.cell >= firstCell && src.cell < endCell)
      h[src.cell] = h[src.cell]! + f.sourceVolumes[i]! / cellArea;
  }
  let hmax = 0;
  for (let j = rowStart; j < rowEnd; j++) {
    const cell0 = j * nx;
    const xFace0 = j * (nx + 1);
    let rowLoss = 0;
    let rowHeld = 0;
    for (let i = 0; i < nx; i++) {
      const k = cell0 + i;
      if (wall[k]) continue;
      const sk = sc[k]!;
      const wf = xFace0 + i;
      const qw = qxRaw[wf]!;
      const west = qw * (qw > 0 ? (i > 0 ? sc[k - 1]! : 1) : sk);
      const qe = qxRaw[wf + 1]!;
      const east = qe * (qe > 0 ? sk : i < nx - 1 ? sc[k + 1]! : 1);
      const qn = qyRaw[k]!;
      const north = qn * (qn > 0 ? (j > 0 ? sc[k - nx]! : 1) : sk);
      const qs = qyRaw[k + nx]!;
      const south = qs * (qs > 0 ? sk : j < ny - 1 ? sc[k + nx]! : 1);
      qx[wf] = west;
      qy[k] = north;
      if (i === nx - 1) qx[wf + 1] = east;
      if (j === ny - 1) qy[k + nx] = south;
      let depth = h[k]! + (west - east + north - south) * dtOverDx;
      if (raining) depth += rain * rainFactor[k]!;
      if (depth < 0) depth = 0;
      if (holding && held[k]) {
        // Held-level cell: reset to the prescribed surface; the difference is boundary inflow.
        const target = heldLevel > bed[k]! ? heldLevel - bed[k]! : 0;
        rowHeld += target - depth;
        h[k] = target;
        continue;
      }
      if (losing) {
        let loss = lossRate[k]! * dt;
        if (loss > depth) loss = depth;
        depth -= loss;
        rowLoss += loss;
      }
      h[k] = depth;
      const previousMax = maxDepth[k]!;
      if (depth > previousMax) {
        maxDepth[k] = depth;
        if (depth > thr && previousMax <= thr && firstWetSeconds[k]! < 0) firstWetSeconds[k] = tAfter;
      }
      if (depth > hmax) hmax = depth;
    }
    s.rowLossVolume[j] = s.rowLossVolume[j]! + rowLoss * cellArea;
    let edgeIn = qx[xFace0]! - qx[xFace0 + nx]!;
    if (j === 0) for (let i = 0; i < nx; i++) edgeIn += qy[i]!;
    if (j === ny - 1) for (let i = 0; i < nx; i++) edgeIn -= qy[ny * nx + i]!;
    s.rowBoundaryVolume[j] = s.rowBoundaryVolume[j]! + edgeIn * dt * dx + rowHeld * cellArea;
  }
  return hmax;
}

/**
 * Puts a new state where a kernel can run it: returns the state to use from then on (the same
 * one, or a copy in the kernel's memory) and the kernel bound to it.
 */
export type FloodKernelPlacement = (state: FloodState) => { state: FloodState; kernel: FloodKernel };

/** The JavaScript kernel (runs wherever JavaScript runs; the fallback where WebAssembly is not). */
export const jsFloodKernel: FloodKernel = { name: 'JavaScript', fluxPhase, continuityPhase };

/** Runs a state where it is, with the JavaScript kernel. */
export const jsKernelPlacement: FloodKernelPlacement = (state) => ({ state, kernel: jsFloodKernel });
