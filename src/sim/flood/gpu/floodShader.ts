import { EDGE_FREE, EDGE_LEVEL, MIN_CFL_DEPTH_METRES } from '../floodState.ts';
import { MAX_WATER_DEPTH_METRES, MIN_TIME_STEP_SECONDS } from '../floodStepper.ts';
import { MIN_FREE_SLOPE } from '../floodKernel.ts';

/**
 * The flood scheme of floodKernel.ts as WGSL compute shaders, in float32: the local-inertial
 * fluxes of Bates, Horritt & Fewtrell (2010, J. Hydrol. 387:33-45) with the θ diffusion of
 * de Almeida et al. (2012, Water Resour. Res. 48, W05528), the per-cell outflow limiter, and the
 * continuity update with rain, sources, losses, held cells and flap gates, line for line as the
 * JavaScript kernel computes them. One time step is five dispatches in one compute pass:
 *
 *   plan (1 thread)  Δt = C Δx / √(g h_max) from the last step's maximum depth (advanceRows'
 *                    rule: floor MIN_CFL_DEPTH, level edges, held banks, the Courant cap), the
 *                    forcing of the step (edge levels at mid-step, held level at its end, rain and
 *                    source volumes integrated exactly over it), or "inactive" once the target
 *                    time is reached or the step stalled;
 *   faces            each cell's west and north faces (and the east / south edge faces);
 *   limiter          each cell's outflow scale;
 *   continuity       the depth update; per cell, its depth (ordinary cells) and its boundary
 *                    inflow and losses (depth units) as a partial;
 *   fold (0-3 ×)     one thread per 64 partials sums them (maximum, sums), level after level;
 *   reduce (1 thread) the last ≤ 64 partials into this step's line of the history (Δt, boundary,
 *                    losses, rain, sources), the maximum depth for the next plan, t += Δt.
 *
 * The reductions use no workgroup barriers: SwiftShader (CI's WebGPU adapter) runs a barrier
 * about a thousand times slower than a dispatch of plain arithmetic; sequential 64-term sums in
 * float32 are accurate to a few units in the last place.
 *
 * So the time step never leaves the GPU: the host queues a batch of steps and reads the small
 * control buffer back once per batch (floodGpuEngine.ts). Steps queued after the target time
 * find the plan inactive and return at once.
 */

/** Threads per workgroup of the per-cell passes. */
export const WORKGROUP_CELLS = 256;

/** Slots of the control buffer (float32 words), read back once per batch. */
export const CTL = {
  /** Simulated time, s. */
  time: 0,
  /** Time to advance to, s (set by the host). */
  target: 1,
  /** Step of the plan, s (0 when inactive). */
  dt: 2,
  /** Time at the end of the planned step, s. */
  timeAfter: 3,
  /** 1 while a planned step runs, 0 otherwise. */
  active: 4,
  /** Largest ordinary depth after the last step, m. */
  maxDepth: 5,
  /** Rain depth of the step on a cell with factor 1, m. */
  rainDepth: 6,
  /** Held-cell water level at the end of the step, m. */
  heldLevel: 7,
  /** Edge water levels at mid-step (4 slots: north, south, west, east), m. */
  edgeLevels: 8,
  /** Steps taken since the host last cleared this slot (the batch's history lines). */
  batchSteps: 12,
  /** The step (s) that stalled the run (-1 for not a number), 0 while it runs. */
  stalledStep: 13,
  /** Deepest water when it stalled, m. */
  stalledDepth: 14,
  /** Volume of all point sources during the step, m³. */
  sourceVolume: 15,
  /** First slot of the depth each source cell receives during the step (one per source cell), m. */
  sourceDepths: 16,
} as const;

/** Words per history line: Δt (s), boundary inflow, losses (depth units: m³ / cell area), rain depth (m), source volume (m³). */
export const HISTORY_WIDTH = 5;

/** Words per partial (per cell, then per fold): largest ordinary depth, boundary inflow and losses (depth units). */
export const PARTIAL_WIDTH = 3;

/** Partials summed by one thread of a fold pass (and at most left for the final reduce). */
export const FOLD_FAN_IN = 64;

/** Fold passes that bring one partial per cell down to at most FOLD_FAN_IN. */
export function foldLevels(cells: number): number {
  let levels = 0;
  for (let n = cells; n > FOLD_FAN_IN; n = Math.ceil(n / FOLD_FAN_IN)) levels++;
  return levels;
}

/** Words of the partials region: one line per cell, then one per FOLD_FAN_IN of each level. */
export function partialWords(cells: number): number {
  let words = 0;
  for (let n = cells, l = 0; l <= foldLevels(cells); l++, n = Math.ceil(n / FOLD_FAN_IN))
    words += n * PARTIAL_WIDTH;
  return words;
}

/** Bytes of the uniform block `Grid` (see the WGSL below). */
export const GRID_UNIFORM_BYTES = 96;

const f = (value: number) => {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
};

/** The WGSL module: entry points plan, faces, limiter, continuity, fold (override FOLD_LEVEL), reduce. */
export const FLOOD_WGSL = /* wgsl */ `
const G: f32 = 9.81;
const WALL: u32 = 1u;
const HELD: u32 = 2u;
const FLAP: u32 = 4u;
const SOURCE_SHIFT: u32 = 3u;
const LEVEL: u32 = ${EDGE_LEVEL}u;
const FREE: u32 = ${EDGE_FREE}u;
const MIN_FREE_SLOPE: f32 = ${f(MIN_FREE_SLOPE)};
const MIN_CFL_DEPTH: f32 = ${f(MIN_CFL_DEPTH_METRES)};
const MIN_DT: f32 = ${f(MIN_TIME_STEP_SECONDS)};
const MAX_DEPTH: f32 = ${f(MAX_WATER_DEPTH_METRES)};
const WG: u32 = ${WORKGROUP_CELLS}u;
const T: u32 = ${CTL.time}u;
const TARGET: u32 = ${CTL.target}u;
const DT: u32 = ${CTL.dt}u;
const T_AFTER: u32 = ${CTL.timeAfter}u;
const ACTIVE: u32 = ${CTL.active}u;
const HMAX: u32 = ${CTL.maxDepth}u;
const RAIN: u32 = ${CTL.rainDepth}u;
const HELD_LEVEL: u32 = ${CTL.heldLevel}u;
const EDGE_LEVELS: u32 = ${CTL.edgeLevels}u;
const BATCH_STEPS: u32 = ${CTL.batchSteps}u;
const STALLED_STEP: u32 = ${CTL.stalledStep}u;
const STALLED_DEPTH: u32 = ${CTL.stalledDepth}u;
const SOURCE_VOLUME: u32 = ${CTL.sourceVolume}u;
const SOURCE_DEPTHS: u32 = ${CTL.sourceDepths}u;
const HISTORY_WIDTH: u32 = ${HISTORY_WIDTH}u;
const PARTIAL_WIDTH: u32 = ${PARTIAL_WIDTH}u;
const FAN_IN: u32 = ${FOLD_FAN_IN}u;
// series directory entries (offset, count) in 'series': edges 0-3, held level 4, rain 5, sources 6..
const SERIES_HELD: u32 = 4u;
const SERIES_RAIN: u32 = 5u;
const SERIES_SOURCES: u32 = 6u;

struct Grid {
  nx: u32, ny: u32, cells: u32, pad1: u32,
  dx: f32, theta: f32, thr: f32, courant: f32,
  edgeTypes: vec4<u32>,
  edgeMinBed: vec4<f32>,
  heldFaceMinBed: f32, hasHeld: u32, hasLosses: u32, sourceCount: u32,
  historyBase: u32, partialsBase: u32, foldLevels: u32, pad0: u32,
}

@group(0) @binding(0) var<uniform> grid: Grid;
// bed (m), Manning n², rain factor, loss rate (m/s)
@group(0) @binding(1) var<storage, read> cellData: array<vec4<f32>>;
// bit 0 wall, bit 1 held, bit 2 flap gate, bits 3.. source cell slot + 1 (0: none)
@group(0) @binding(2) var<storage, read> flags: array<u32>;
@group(0) @binding(3) var<storage, read_write> depth: array<f32>;
// applied unit discharges (m²/s): x-faces (nx + 1) × ny, then y-faces nx × (ny + 1)
@group(0) @binding(4) var<storage, read_write> q: array<f32>;
// the same faces before the limiter
@group(0) @binding(5) var<storage, read_write> qRaw: array<f32>;
@group(0) @binding(6) var<storage, read_write> scale: array<f32>;
// maximum depth (m), first wetting time (s, -1 never)
@group(0) @binding(7) var<storage, read_write> record: array<vec2<f32>>;
@group(0) @binding(8) var<storage, read_write> ctl: array<f32>;
// directory (offset, count) per series, source cell slot per source, then the points (t s, value)
@group(0) @binding(9) var<storage, read> series: array<vec2<f32>>;

fn isNan(x: f32) -> bool {
  // WGSL may assume no NaNs in arithmetic comparisons; the bit pattern is exact
  return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u;
}

fn seriesAt(id: u32, t: f32) -> f32 {
  let d = series[id];
  let off = u32(d.x);
  let n = u32(d.y);
  if (n == 0u) { return 0.0; }
  let first = series[off];
  if (t <= first.x) { return first.y; }
  for (var i = 1u; i < n; i++) {
    let b = series[off + i];
    if (t <= b.x) {
      let a = series[off + i - 1u];
      let span = b.x - a.x;
      if (span > 0.0) { return a.y + (b.y - a.y) * (t - a.x) / span; }
      return b.y;
    }
  }
  return series[off + n - 1u].y;
}

// exact integral of a piecewise-linear series over [t0, t1] (floodStepper.seriesIntegral)
fn seriesIntegral(id: u32, t0: f32, t1: f32) -> f32 {
  let d = series[id];
  let off = u32(d.x);
  let n = u32(d.y);
  var sum = 0.0;
  var a = t0;
  var va = seriesAt(id, t0);
  for (var i = 0u; i < n && a < t1; i++) {
    let p = series[off + i];
    if (p.x <= a) { continue; }
    let b = min(p.x, t1);
    var vb = p.y;
    if (b != p.x) { vb = seriesAt(id, b); }
    sum += 0.5 * (va + vb) * (b - a);
    a = b;
    va = vb;
  }
  if (a < t1) { sum += va * (t1 - a); }
  return sum;
}

fn seriesLength(id: u32) -> u32 { return u32(series[id].y); }

@compute @workgroup_size(1)
fn plan() {
  ctl[DT] = 0.0;
  ctl[ACTIVE] = 0.0;
  let t = ctl[T];
  let goal = ctl[TARGET];
  if (ctl[STALLED_STEP] != 0.0 || t >= goal) { return; }
  var hmax = max(ctl[HMAX], MIN_CFL_DEPTH);
  for (var e = 0u; e < 4u; e++) {
    if (grid.edgeTypes[e] == LEVEL) { hmax = max(hmax, seriesAt(e, t) - grid.edgeMinBed[e]); }
  }
  if (grid.hasHeld != 0u) { hmax = max(hmax, seriesAt(SERIES_HELD, t) - grid.heldFaceMinBed); }
  var dt = grid.courant * grid.dx / sqrt(G * hmax);
  if (isNan(dt) || !(dt >= MIN_DT && hmax <= MAX_DEPTH)) {
    ctl[STALLED_STEP] = select(dt, -1.0, isNan(dt));
    ctl[STALLED_DEPTH] = hmax;
    return;
  }
  let last = t + dt >= goal;
  if (last) { dt = goal - t; }
  let tAfter = select(t + dt, goal, last);
  ctl[DT] = dt;
  ctl[T_AFTER] = tAfter;
  ctl[ACTIVE] = 1.0;
  for (var e = 0u; e < 4u; e++) {
    var level = 0.0;
    if (grid.edgeTypes[e] == LEVEL) { level = seriesAt(e, t + 0.5 * dt); }
    ctl[EDGE_LEVELS + e] = level;
  }
  if (grid.hasHeld != 0u) { ctl[HELD_LEVEL] = seriesAt(SERIES_HELD, tAfter); }
  var rain = 0.0;
  if (seriesLength(SERIES_RAIN) > 0u) { rain = seriesIntegral(SERIES_RAIN, t, tAfter) / 3.6e6; }
  ctl[RAIN] = rain;
  let cellArea = grid.dx * grid.dx;
  let slotBase = SERIES_SOURCES + grid.sourceCount;
  for (var i = 0u; i < grid.sourceCount; i++) { ctl[SOURCE_DEPTHS + u32(series[slotBase + i].x)] = 0.0; }
  var total = 0.0;
  for (var i = 0u; i < grid.sourceCount; i++) {
    let v = seriesIntegral(SERIES_SOURCES + i, t, tAfter);
    let slot = SOURCE_DEPTHS + u32(series[slotBase + i].x);
    ctl[slot] = ctl[slot] + v / cellArea;
    total += v;
  }
  ctl[SOURCE_VOLUME] = total;
}

fn faceFlux(hA: f32, zA: f32, hB: f32, zB: f32, q0: f32, qAvg: f32, n2: f32, gdt: f32) -> f32 {
  let eA = zA + hA;
  let eB = zB + hB;
  let hf = max(eA, eB) - max(zA, zB);
  if (hf <= grid.thr) { return 0.0; }
  let drive = qAvg - gdt * hf * (eB - eA) / grid.dx;
  if (q0 == 0.0) { return drive; }
  return drive / (1.0 + (gdt * n2 * abs(q0)) / (hf * hf * pow(hf, 1.0 / 3.0)));
}

fn freeFlux(h: f32, slopeOut: f32, q0Out: f32, n2: f32, gdt: f32) -> f32 {
  if (h <= grid.thr) { return 0.0; }
  let s = max(slopeOut, MIN_FREE_SLOPE);
  let flux = (q0Out + gdt * h * s) / (1.0 + (gdt * n2 * abs(q0Out)) / (h * h * pow(h, 1.0 / 3.0)));
  return max(flux, 0.0);
}

fn isWall(k: u32) -> bool { return (flags[k] & WALL) != 0u; }

// flux through edge face of cell k on edge e (0 N, 1 S, 2 W, 3 E); inner cell or -1; axis sign outward
fn edgeFlux(e: u32, k: u32, inner: i32, q0: f32, outward: f32, gdt: f32) -> f32 {
  let kind = grid.edgeTypes[e];
  if (kind == 0u || isWall(k)) { return 0.0; }
  let c = cellData[k];
  let z = c.x;
  let h = depth[k];
  if (kind == LEVEL) {
    let ghost = max(ctl[EDGE_LEVELS + e] - z, 0.0);
    if (outward > 0.0) { return faceFlux(h, z, ghost, z, q0, q0, c.y, gdt); }
    return faceFlux(ghost, z, h, z, q0, q0, c.y, gdt);
  }
  if (kind == FREE) {
    var slopeOut = 0.0;
    if (inner >= 0 && !isWall(u32(inner))) { slopeOut = (cellData[u32(inner)].x - z) / grid.dx; }
    return outward * freeFlux(h, slopeOut, outward * q0, c.y, gdt);
  }
  return 0.0;
}

// interior face between cells a and b (b east or south of a); fi its index in q
fn innerFace(a: u32, b: u32, fi: u32, qNeighbours: f32, gdt: f32) -> f32 {
  let fa = flags[a];
  let fb = flags[b];
  if (((fa | fb) & WALL) != 0u || (fa & fb & HELD) != 0u) { return 0.0; }
  let q0 = q[fi];
  let w = 0.5 * (1.0 - grid.theta);
  let ca = cellData[a];
  let cb = cellData[b];
  let flux = faceFlux(depth[a], ca.x, depth[b], cb.x, q0, grid.theta * q0 + w * qNeighbours,
                      0.5 * (ca.y + cb.y), gdt);
  // flap gate: water from a held cell never enters a flap cell
  if ((fa & HELD) != 0u && (fb & FLAP) != 0u && flux > 0.0) { return 0.0; }
  if ((fb & HELD) != 0u && (fa & FLAP) != 0u && flux < 0.0) { return 0.0; }
  return flux;
}

@compute @workgroup_size(WG)
fn faces(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= grid.cells || ctl[ACTIVE] < 0.5) { return; }
  let nx = grid.nx;
  let ny = grid.ny;
  let i = k % nx;
  let j = k / nx;
  let gdt = G * ctl[DT];
  let xf = j * (nx + 1u) + i;
  let yBase = (nx + 1u) * ny;
  let yf = yBase + k;
  if (i == 0u) {
    qRaw[xf] = edgeFlux(2u, k, select(-1, i32(k + 1u), nx > 1u), q[xf], -1.0, gdt);
  } else {
    qRaw[xf] = innerFace(k - 1u, k, xf, q[xf - 1u] + q[xf + 1u], gdt);
  }
  if (i == nx - 1u) {
    qRaw[xf + 1u] = edgeFlux(3u, k, select(-1, i32(k) - 1, nx > 1u), q[xf + 1u], 1.0, gdt);
  }
  if (j == 0u) {
    qRaw[yf] = edgeFlux(0u, k, select(-1, i32(k + nx), ny > 1u), q[yf], -1.0, gdt);
  } else {
    qRaw[yf] = innerFace(k - nx, k, yf, q[yf - nx] + q[yf + nx], gdt);
  }
  if (j == ny - 1u) {
    let sf = yf + nx;
    qRaw[sf] = edgeFlux(1u, k, select(-1, i32(k) - i32(nx), ny > 1u), q[sf], 1.0, gdt);
  }
}

@compute @workgroup_size(WG)
fn limiter(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= grid.cells || ctl[ACTIVE] < 0.5) { return; }
  let nx = grid.nx;
  let j = k / nx;
  let xf = j * (nx + 1u) + k % nx;
  let yf = (nx + 1u) * grid.ny + k;
  let west = qRaw[xf];
  let east = qRaw[xf + 1u];
  let north = qRaw[yf];
  let south = qRaw[yf + nx];
  let outflow = max(-west, 0.0) + max(east, 0.0) + max(-north, 0.0) + max(south, 0.0);
  let available = depth[k] * grid.dx / ctl[DT];
  var s = 1.0;
  if (outflow > available) { s = available / outflow; }
  scale[k] = s;
}

@compute @workgroup_size(WG)
fn continuity(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x;
  if (k >= grid.cells || ctl[ACTIVE] < 0.5) { return; }
  var cellMax = 0.0;
  var boundary = 0.0;
  var loss = 0.0;
  if (!isWall(k)) {
    let nx = grid.nx;
    let ny = grid.ny;
    let i = k % nx;
    let j = k / nx;
    let dt = ctl[DT];
    let dtOverDx = dt / grid.dx;
    let xf = j * (nx + 1u) + i;
    let yf = (nx + 1u) * ny + k;
    let sk = scale[k];
    let fk = flags[k];
    let qw = qRaw[xf];
    var sw = sk;
    if (qw > 0.0) { sw = select(1.0, scale[k - 1u], i > 0u); }
    let west = qw * sw;
    let qe = qRaw[xf + 1u];
    var se = sk;
    if (qe <= 0.0) { se = select(1.0, scale[k + 1u], i < nx - 1u); }
    let east = qe * se;
    let qn = qRaw[yf];
    var sn = sk;
    if (qn > 0.0) { sn = select(1.0, scale[k - nx], j > 0u); }
    let north = qn * sn;
    let qs = qRaw[yf + nx];
    var ss = sk;
    if (qs <= 0.0) { ss = select(1.0, scale[k + nx], j < ny - 1u); }
    let south = qs * ss;
    q[xf] = west;
    q[yf] = north;
    var edgeIn = 0.0;
    if (i == 0u) { edgeIn += west; }
    if (i == nx - 1u) { q[xf + 1u] = east; edgeIn -= east; }
    if (j == 0u) { edgeIn += north; }
    if (j == ny - 1u) { q[yf + nx] = south; edgeIn -= south; }
    boundary = edgeIn * dtOverDx;
    let c = cellData[k];
    var h = depth[k];
    let slot = fk >> SOURCE_SHIFT;
    if (slot != 0u) { h += ctl[SOURCE_DEPTHS + slot - 1u]; }
    h += (west - east + north - south) * dtOverDx;
    h += ctl[RAIN] * c.z;
    h = max(h, 0.0);
    if ((fk & HELD) != 0u) {
      let level = ctl[HELD_LEVEL];
      var held = 0.0;
      if (level > c.x) { held = level - c.x; }
      boundary += held - h;
      depth[k] = held;
    } else {
      if (grid.hasLosses != 0u) {
        let l = min(c.w * dt, h);
        h -= l;
        loss = l;
      }
      depth[k] = h;
      let r = record[k];
      if (h > r.x) {
        var wet = r.y;
        if (h > grid.thr && r.x <= grid.thr && r.y < 0.0) { wet = ctl[T_AFTER]; }
        record[k] = vec2<f32>(h, wet);
      }
      cellMax = h;
    }
  }
  let p = grid.partialsBase + k * PARTIAL_WIDTH;
  ctl[p] = cellMax;
  ctl[p + 1u] = boundary;
  ctl[p + 2u] = loss;
}

// Level l of the fold: level 0 holds one partial per cell, level l + 1 one per FAN_IN of level l.
fn levelCount(level: u32) -> u32 {
  var n = grid.cells;
  for (var l = 0u; l < level; l++) { n = (n + FAN_IN - 1u) / FAN_IN; }
  return n;
}

fn levelBase(level: u32) -> u32 {
  var base = grid.partialsBase;
  var n = grid.cells;
  for (var l = 0u; l < level; l++) {
    base += n * PARTIAL_WIDTH;
    n = (n + FAN_IN - 1u) / FAN_IN;
  }
  return base;
}

// maximum depth, boundary and loss sums of partials [first, end) of the level starting at word base
fn foldRange(base: u32, first: u32, end: u32) -> vec3<f32> {
  var m = 0.0;
  var b = 0.0;
  var l = 0.0;
  for (var i = first; i < end; i++) {
    let p = base + i * PARTIAL_WIDTH;
    m = max(m, ctl[p]);
    b += ctl[p + 1u];
    l += ctl[p + 2u];
  }
  return vec3<f32>(m, b, l);
}

override FOLD_LEVEL: u32 = 0u;

// one thread per FAN_IN partials of level FOLD_LEVEL, sequential sums (no workgroup barriers:
// they are slow on SwiftShader, and a 64-term float32 sum is accurate to a few ulp)
@compute @workgroup_size(WG)
fn fold(@builtin(global_invocation_id) id: vec3<u32>) {
  let n = levelCount(FOLD_LEVEL);
  let first = id.x * FAN_IN;
  if (first >= n || ctl[ACTIVE] < 0.5) { return; }
  let base = levelBase(FOLD_LEVEL);
  let r = foldRange(base, first, min(n, first + FAN_IN));
  let out = base + n * PARTIAL_WIDTH + id.x * PARTIAL_WIDTH;
  ctl[out] = r.x;
  ctl[out + 1u] = r.y;
  ctl[out + 2u] = r.z;
}

// the last fold level (at most FAN_IN partials) into the step's history line; the step ends
@compute @workgroup_size(1)
fn reduce() {
  if (ctl[ACTIVE] < 0.5) { return; }
  let r = foldRange(levelBase(grid.foldLevels), 0u, levelCount(grid.foldLevels));
  let line = grid.historyBase + u32(ctl[BATCH_STEPS]) * HISTORY_WIDTH;
  ctl[line] = ctl[DT];
  ctl[line + 1u] = r.y;
  ctl[line + 2u] = r.z;
  ctl[line + 3u] = ctl[RAIN];
  ctl[line + 4u] = ctl[SOURCE_VOLUME];
  ctl[BATCH_STEPS] = ctl[BATCH_STEPS] + 1.0;
  ctl[HMAX] = r.x;
  ctl[T] = ctl[T_AFTER];
}
`;
