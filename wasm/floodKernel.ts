/**
 * The flood kernel in AssemblyScript, compiled to WebAssembly with SIMD (`npm run build:wasm` →
 * src/sim/flood/floodKernel.wasm). The same scheme, phases and arithmetic as
 * src/sim/flood/floodKernel.ts (local-inertial fluxes, Bates et al. 2010, with the θ diffusion of
 * de Almeida et al. 2012; level and free edges; flap gates; the outflow limiter; continuity with
 * rain, losses and held levels). The state arrays live in the imported (shared) memory at the
 * byte offsets given to {@link bind}; every thread instantiates the module on the same memory and
 * runs the phases on its own row range. Point sources are added by the caller (a few cells).
 *
 * Faces are computed two at a time in f64x2 lanes when none of the cells involved is a wall, a
 * held or a flap cell (the common case); other faces take the scalar path. Pairs of faces whose
 * cells are all provably dry (see dryDepthBelow) get their exact zero fluxes before any other load. The cube root of the
 * friction term is musl's (as Math.cbrt) evaluated in both lanes, so both paths give the same
 * bits as the JavaScript kernel up to the last rounding of cbrt.
 */

const GRAVITY: f64 = 9.81;
/** Smallest outward slope (m/m) of a free edge (MIN_FREE_SLOPE of floodKernel.ts). */
const MIN_FREE_SLOPE: f64 = 0.001;
const EDGE_LEVEL: i32 = 1;
const EDGE_FREE: i32 = 2;

let nx: i32 = 0;
let ny: i32 = 0;
let dx: f64 = 1;
let theta: f64 = 1;
let thr: f64 = 0;
let pBed: usize = 0;
let pWall: usize = 0;
let pN2: usize = 0;
let pDepth: usize = 0;
let pMaxDepth: usize = 0;
let pFirstWet: usize = 0;
let pRainFactor: usize = 0;
let pLossRate: usize = 0;
let pQxRaw: usize = 0;
let pQyRaw: usize = 0;
let pQx: usize = 0;
let pQy: usize = 0;
let pScale: usize = 0;
let pRowBoundary: usize = 0;
let pRowLoss: usize = 0;
let pHeld: usize = 0;
let pFlap: usize = 0;
let pEdgeTypes: usize = 0;
/** 1 per row holding a point source (their continuity waits for the caller to add the sources). */
let pSourceRows: usize = 0;
/** True when other threads share the grid (their boundary rows then wait for the barrier). */
let sharedGrid = false;
/**
 * Cells per row segment, the unit of work skipped at rest: a segment whose cells are dry (depth
 * exactly 0, raw fluxes of the faces it owns exactly +0) and whose four neighbour segments are
 * dry too has only zero fluxes this step, so its flux, limiter and continuity work is skipped;
 * only rain that drainage does not absorb at once can wake it (checked per cell).
 */
const SEGMENT_CELLS: i32 = 32;
/** Segments per row. */
let segments: i32 = 0;
/** Two buffers of one byte per (row, segment), 1 = at rest: read this step, written for the next. */
let pRest: usize = 0;
let pRestRead: usize = 0;
let pRestWrite: usize = 0;
/** Segment-steps skipped at rest by this instance since bind (reported by the benchmark). */
let restSkips: f64 = 0;

/** The grid, the solver settings and the byte offset of each state array in memory. */
export function bind(
  columns: i32,
  rows: i32,
  cellSizeMetres: f64,
  solverTheta: f64,
  depthThreshold: f64,
  bed: usize,
  wall: usize,
  manningSquared: usize,
  depth: usize,
  maxDepth: usize,
  firstWetSeconds: usize,
  rainFactor: usize,
  lossRate: usize,
  qxRaw: usize,
  qyRaw: usize,
  qx: usize,
  qy: usize,
  outflowScale: usize,
  rowBoundaryVolume: usize,
  rowLossVolume: usize,
  held: usize,
  flap: usize,
  edgeTypes: usize,
  sourceRows: usize,
  restFlags: usize,
  threads: i32,
): void {
  nx = columns;
  ny = rows;
  dx = cellSizeMetres;
  theta = solverTheta;
  thr = depthThreshold;
  pBed = bed;
  pWall = wall;
  pN2 = manningSquared;
  pDepth = depth;
  pMaxDepth = maxDepth;
  pFirstWet = firstWetSeconds;
  pRainFactor = rainFactor;
  pLossRate = lossRate;
  pQxRaw = qxRaw;
  pQyRaw = qyRaw;
  pQx = qx;
  pQy = qy;
  pScale = outflowScale;
  pRowBoundary = rowBoundaryVolume;
  pRowLoss = rowLossVolume;
  pHeld = held;
  pFlap = flap;
  pEdgeTypes = edgeTypes;
  pSourceRows = sourceRows;
  pRest = restFlags;
  segments = (columns + SEGMENT_CELLS - 1) / SEGMENT_CELLS;
  restSkips = 0;
  sharedGrid = threads > 1;
  let largestBed: f64 = 0;
  for (let k = 0; k < columns * rows; k++) largestBed = max(largestBed, abs(f64At(bed, k)));
  dryDepth = dryDepthBelow(depthThreshold, largestBed);
}

/**
 * Depth up to which two cells are surely too shallow for their face to carry water, m: a face
 * between cells of depth ≤ this has, after rounding, h_f = max(η_a, η_b) − max(z_a, z_b) ≤ the
 * threshold, so faceFlux returns exactly 0 (and so does every special case of the face: walls,
 * held pairs, flap gates). With h ≤ d, the two roundings of h_f add at most 2u(|z| + d) (u = 2⁻⁵³)
 * to d, below thr − d = thr·2⁻²⁰ while |z| ≤ thr·2²⁸; else only d = 0 is safe (h = 0 gives
 * η = z exactly and h_f = 0).
 */
function dryDepthBelow(threshold: f64, largestBed: f64): f64 {
  return threshold > 0 && largestBed < threshold * 268435456 ? threshold * (1 - 1.0 / 1048576) : 0;
}

/** See {@link dryDepthBelow}, m. */
let dryDepth: f64 = 0;

/** True when all four depths at cells a, a+1 and b, b+1 are at most {@link dryDepth}. */
// @ts-ignore: decorator
@inline function dryPairs(a: i32, b: i32): bool {
  const limit = f64x2.splat(dryDepth);
  return i64x2.all_true(v128.and(f64x2.le(v128At(pDepth, a), limit), f64x2.le(v128At(pDepth, b), limit)));
}

// @ts-ignore: decorator
@inline function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + (<usize>index << 3));
}

// @ts-ignore: decorator
@inline function setF64(base: usize, index: i32, value: f64): void {
  store<f64>(base + (<usize>index << 3), value);
}

// @ts-ignore: decorator
@inline function byteAt(base: usize, index: i32): i32 {
  return <i32>load<u8>(base + <usize>index);
}

// @ts-ignore: decorator
@inline function v128At(base: usize, index: i32): v128 {
  return v128.load(base + (<usize>index << 3));
}

/** A face flux from two cells' depths and beds (scalar; see faceFlux in floodKernel.ts), m²/s. */
function faceFlux(
  hA: f64,
  zA: f64,
  hB: f64,
  zB: f64,
  q0: f64,
  qAvg: f64,
  n2: f64,
  gdt: f64,
  invDx: f64,
): f64 {
  const eA = zA + hA;
  const eB = zB + hB;
  const hf = max(eA, eB) - max(zA, zB);
  if (hf <= thr) return 0;
  const drive = qAvg - gdt * hf * (eB - eA) * invDx;
  return q0 == 0 ? drive : drive / (1 + (gdt * n2 * abs(q0)) / (hf * hf * Math.cbrt(hf)));
}

/** Musl's cube root (as NativeMath.cbrt) in both lanes, for normal positive lanes. */
// @ts-ignore: decorator
@inline function cbrt2(x: v128): v128 {
  const P0 = f64x2.splat(reinterpret<f64>(0x3ffe03e60f61e692));
  const P1 = f64x2.splat(reinterpret<f64>(0xbffe28e092f02420));
  const P2 = f64x2.splat(reinterpret<f64>(0x3ff9f1604a49d6c2));
  const P3 = f64x2.splat(reinterpret<f64>(0xbfe844cbbee751d9));
  const P4 = f64x2.splat(reinterpret<f64>(0x3fc2b000d4e4edd7));
  // High words hx of both lanes as i32 lanes 0, 1; hx / 3 exactly as floor((hx + 0.5) × ⅓) (the
  // fraction is ≥ 1/6 from an integer, far above the rounding of the product).
  const hx = i32x4.shuffle(x, x, 1, 3, 1, 3);
  const third = f64x2.floor(
    f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(hx), f64x2.splat(0.5)), f64x2.splat(1.0 / 3)),
  );
  const hi = i32x4.add(i32x4.trunc_sat_f64x2_s_zero(third), i32x4.splat(715094163));
  let t = i64x2.shl(i64x2.extend_low_i32x4_u(hi), 32);
  let r = f64x2.mul(f64x2.mul(t, t), f64x2.div(t, x));
  t = f64x2.mul(
    t,
    f64x2.add(
      f64x2.add(P0, f64x2.mul(r, f64x2.add(P1, f64x2.mul(r, P2)))),
      f64x2.mul(f64x2.mul(f64x2.mul(r, r), r), f64x2.add(P3, f64x2.mul(r, P4))),
    ),
  );
  t = v128.and(i64x2.add(t, i64x2.splat(0x80000000)), i64x2.splat(-0x40000000));
  const s = f64x2.mul(t, t);
  r = f64x2.div(x, s);
  r = f64x2.div(f64x2.sub(r, t), f64x2.add(f64x2.mul(f64x2.splat(2), t), r));
  return f64x2.add(t, f64x2.mul(t, r));
}

/** Smallest positive normal double: below it cbrt2 does not apply. */
const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;

/**
 * Two faces at once: cells a (lanes: a, a+1) and b (lanes: b, b+1), old fluxes q0 and their
 * neighbour sums. Returns the fluxes of both faces, or writes nothing and returns false when a
 * lane needs the scalar path (a wet face depth below the normal range).
 */
// @ts-ignore: decorator
@inline function faceFlux2(
  hA: v128,
  zA: v128,
  hB: v128,
  zB: v128,
  qAt: usize,
  qStrideBytes: usize,
  n2A: usize,
  n2B: usize,
  gdt: f64,
  invDx: f64,
  w: f64,
  out: usize,
): bool {
  const eA = f64x2.add(zA, hA);
  const eB = f64x2.add(zB, hB);
  // pmax (one instruction) differs from max only in the sign of a zero, which leaves hf's value.
  const hf = f64x2.sub(f64x2.pmax(eA, eB), f64x2.pmax(zA, zB));
  const wet = f64x2.gt(hf, f64x2.splat(thr));
  if (!v128.any_true(wet)) {
    v128.store(out, f64x2.splat(0));
    return true;
  }
  const hfWet = v128.bitselect(hf, f64x2.splat(1), wet);
  if (v128.any_true(f64x2.lt(hfWet, f64x2.splat(SMALLEST_NORMAL)))) return false;
  // Loaded only for a wet pair (most pairs of a partly dry grid stop above).
  const q0 = v128.load(qAt);
  const qNeighbours = f64x2.add(v128.load(qAt - qStrideBytes), v128.load(qAt + qStrideBytes));
  const n2 = f64x2.mul(f64x2.splat(0.5), f64x2.add(v128.load(n2A), v128.load(n2B)));
  const qAvg = f64x2.add(f64x2.mul(f64x2.splat(theta), q0), f64x2.mul(f64x2.splat(w), qNeighbours));
  const drive = f64x2.sub(
    qAvg,
    f64x2.mul(f64x2.mul(f64x2.mul(f64x2.splat(gdt), hfWet), f64x2.sub(eB, eA)), f64x2.splat(invDx)),
  );
  // q0 = 0 gives a denominator of exactly 1, so the result equals `drive` as in the scalar path.
  const friction = f64x2.div(
    f64x2.mul(f64x2.mul(f64x2.splat(gdt), n2), f64x2.abs(q0)),
    f64x2.mul(f64x2.mul(hfWet, hfWet), cbrt2(hfWet)),
  );
  const flux = f64x2.div(drive, f64x2.add(f64x2.splat(1), friction));
  v128.store(out, v128.and(flux, wet));
  return true;
}

/** Outward flux of a free edge cell (normal depth), m²/s ≥ 0. */
function freeFlux(h: f64, slopeOut: f64, q0Out: f64, n2: f64, gdt: f64): f64 {
  if (h <= thr) return 0;
  const s = max(slopeOut, MIN_FREE_SLOPE);
  const q = (q0Out + gdt * h * s) / (1 + (gdt * n2 * abs(q0Out)) / (h * h * Math.cbrt(h)));
  return max(q, 0);
}

/** Flux through an edge face of cell k (see edgeFlux in floodKernel.ts), m²/s. */
function edgeFlux(edge: i32, k: i32, inner: i32, q0: f64, outward: f64, level: f64, gdt: f64): f64 {
  const type = load<i32>(pEdgeTypes + (<usize>edge << 2));
  if (type == 0 || byteAt(pWall, k) != 0) return 0;
  const z = f64At(pBed, k);
  const h = f64At(pDepth, k);
  const n2 = f64At(pN2, k);
  if (type == EDGE_LEVEL) {
    const ghostDepth = max(level - z, 0);
    const invDx = 1 / dx;
    return outward > 0
      ? faceFlux(h, z, ghostDepth, z, q0, q0, n2, gdt, invDx)
      : faceFlux(ghostDepth, z, h, z, q0, q0, n2, gdt, invDx);
  }
  if (type == EDGE_FREE) {
    const slopeOut = inner >= 0 && byteAt(pWall, inner) == 0 ? (f64At(pBed, inner) - z) / dx : 0;
    return outward * freeFlux(h, slopeOut, outward * q0, n2, gdt);
  }
  return 0;
}

/** The scalar interior face between cells a and b (fi: face index into q and out). */
function interiorFace(a: i32, b: i32, q: usize, out: usize, fi: i32, qNeighbours: f64, gdt: f64, invDx: f64, w: f64): void {
  const heldA = byteAt(pHeld, a);
  const heldB = byteAt(pHeld, b);
  if ((byteAt(pWall, a) | byteAt(pWall, b) | (heldA & heldB)) != 0) {
    setF64(out, fi, 0);
    return;
  }
  const q0 = f64At(q, fi);
  let flux = faceFlux(
    f64At(pDepth, a),
    f64At(pBed, a),
    f64At(pDepth, b),
    f64At(pBed, b),
    q0,
    theta * q0 + w * qNeighbours,
    0.5 * (f64At(pN2, a) + f64At(pN2, b)),
    gdt,
    invDx,
  );
  if ((heldA & byteAt(pFlap, b)) != 0 && flux > 0) flux = 0;
  if ((heldB & byteAt(pFlap, a)) != 0 && flux < 0) flux = 0;
  setF64(out, fi, flux);
}

/** True when none of cells k, k+1 is a wall, held or flap cell. */
// @ts-ignore: decorator
@inline function ordinaryPair(k: i32): bool {
  return (load<u16>(pWall + <usize>k) | load<u16>(pHeld + <usize>k) | load<u16>(pFlap + <usize>k)) == 0;
}

/**
 * True when this step's fluxes of segment s of row j are surely zero and the segment is left as
 * it is (see SEGMENT_CELLS): it and its four neighbour segments were at rest after the last step.
 * Segments on the grid's edges and rows with point sources are never skipped.
 */
function skipped(j: i32, s: i32): bool {
  if (j < 1 || j >= ny - 1 || s < 1 || s >= segments - 1 || load<u8>(pSourceRows + <usize>j) != 0) return false;
  const at = pRestRead + <usize>(j * segments + s);
  return (
    (load<u8>(at) & load<u8>(at - 1) & load<u8>(at + 1) & load<u8>(at - <usize>segments) & load<u8>(at + <usize>segments)) != 0
  );
}

/** First cell of segment s. */
// @ts-ignore: decorator
@inline function segmentStart(s: i32): i32 {
  return s * SEGMENT_CELLS;
}

/** One past the last cell of segment s. */
// @ts-ignore: decorator
@inline function segmentEnd(s: i32): i32 {
  return min((s + 1) * SEGMENT_CELLS, nx);
}

function xFaceRow(j: i32, gdt: f64, levelW: f64, levelE: f64): void {
  const cell0 = j * nx;
  const face0 = j * (nx + 1);
  for (let s = 0; s < segments; s++) if (!skipped(j, s)) xFaces(j, max(1, segmentStart(s)), segmentEnd(s), gdt);
  setF64(pQxRaw, face0, edgeFlux(2, cell0, nx > 1 ? cell0 + 1 : -1, f64At(pQx, face0), -1, levelW, gdt));
  setF64(
    pQxRaw,
    face0 + nx,
    edgeFlux(3, cell0 + nx - 1, nx > 1 ? cell0 + nx - 2 : -1, f64At(pQx, face0 + nx), 1, levelE, gdt),
  );
}

/** Interior x faces i of row j for iStart ≤ i < iEnd ≤ nx (face i lies between cells i - 1 and i). */
function xFaces(j: i32, iStart: i32, iEnd: i32, gdt: f64): void {
  const w = 0.5 * (1 - theta);
  const invDx = 1 / dx;
  const cell0 = j * nx;
  const face0 = j * (nx + 1);
  let i = iStart;
  // Faces i, i+1 between cells (a, a+1) and (a+1, a+2), a = cell0 + i - 1.
  for (; i + 1 < iEnd; i += 2) {
    const a = cell0 + i - 1;
    const fi = face0 + i;
    if (dryPairs(a, a + 1)) {
      v128.store(pQxRaw + (<usize>fi << 3), f64x2.splat(0));
      continue;
    }
    if (ordinaryPair(a) && ordinaryPair(a + 1)) {
      const done = faceFlux2(
        v128At(pDepth, a),
        v128At(pBed, a),
        v128At(pDepth, a + 1),
        v128At(pBed, a + 1),
        pQx + (<usize>fi << 3),
        8,
        pN2 + (<usize>a << 3),
        pN2 + (<usize>(a + 1) << 3),
        gdt,
        invDx,
        w,
        pQxRaw + (<usize>fi << 3),
      );
      if (done) continue;
    }
    interiorFace(a, a + 1, pQx, pQxRaw, fi, f64At(pQx, fi - 1) + f64At(pQx, fi + 1), gdt, invDx, w);
    interiorFace(a + 1, a + 2, pQx, pQxRaw, fi + 1, f64At(pQx, fi) + f64At(pQx, fi + 2), gdt, invDx, w);
  }
  for (; i < iEnd; i++) {
    const a = cell0 + i - 1;
    const fi = face0 + i;
    interiorFace(a, a + 1, pQx, pQxRaw, fi, f64At(pQx, fi - 1) + f64At(pQx, fi + 1), gdt, invDx, w);
  }
}

function yFaceRow(j: i32, gdt: f64, levelN: f64, levelS: f64): void {
  const face0 = j * nx;
  if (j == 0 || j == ny) {
    const edge = j == 0 ? 0 : 1;
    const row = j == 0 ? 0 : ny - 1;
    const inward = j == 0 ? nx : -nx;
    const outward: f64 = j == 0 ? -1 : 1;
    const level = j == 0 ? levelN : levelS;
    for (let i = 0; i < nx; i++) {
      const k = row * nx + i;
      setF64(pQyRaw, face0 + i, edgeFlux(edge, k, ny > 1 ? k + inward : -1, f64At(pQy, face0 + i), outward, level, gdt));
    }
    return;
  }
  for (let s = 0; s < segments; s++) if (!skipped(j, s)) yFaces(j, segmentStart(s), segmentEnd(s), gdt);
}

/** The y faces between rows j - 1 and j (0 < j < ny) above cells iStart ≤ i < iEnd. */
function yFaces(j: i32, iStart: i32, iEnd: i32, gdt: f64): void {
  const w = 0.5 * (1 - theta);
  const invDx = 1 / dx;
  const face0 = j * nx;
  const northRow = (j - 1) * nx;
  let i = iStart;
  for (; i + 1 < iEnd; i += 2) {
    const a = northRow + i;
    const b = a + nx;
    const fi = face0 + i;
    if (dryPairs(a, b)) {
      v128.store(pQyRaw + (<usize>fi << 3), f64x2.splat(0));
      continue;
    }
    if (ordinaryPair(a) && ordinaryPair(b)) {
      const done = faceFlux2(
        v128At(pDepth, a),
        v128At(pBed, a),
        v128At(pDepth, b),
        v128At(pBed, b),
        pQy + (<usize>fi << 3),
        <usize>nx << 3,
        pN2 + (<usize>a << 3),
        pN2 + (<usize>b << 3),
        gdt,
        invDx,
        w,
        pQyRaw + (<usize>fi << 3),
      );
      if (done) continue;
    }
    interiorFace(a, b, pQy, pQyRaw, fi, f64At(pQy, fi - nx) + f64At(pQy, fi + nx), gdt, invDx, w);
    interiorFace(a + 1, b + 1, pQy, pQyRaw, fi + 1, f64At(pQy, fi + 1 - nx) + f64At(pQy, fi + 1 + nx), gdt, invDx, w);
  }
  for (; i < iEnd; i++) {
    const a = northRow + i;
    const fi = face0 + i;
    interiorFace(a, a + nx, pQy, pQyRaw, fi, f64At(pQy, fi - nx) + f64At(pQy, fi + nx), gdt, invDx, w);
  }
}

/** Outflow limiter of row j (see limiterRow in floodKernel.ts), segments at rest left out. */
function limiterRow(j: i32, dt: f64): void {
  for (let s = 0; s < segments; s++) if (!skipped(j, s)) limiterCells(j, segmentStart(s), segmentEnd(s), dt);
}

/** Outflow scales of cells iStart ≤ i < iEnd of row j, two cells per iteration. */
function limiterCells(j: i32, iStart: i32, iEnd: i32, dt: f64): void {
  const dxOverDt = dx / dt;
  const cell0 = j * nx;
  const xFace0 = j * (nx + 1);
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const ratio = f64x2.splat(dxOverDt);
  let i = iStart;
  for (; i + 1 < iEnd; i += 2) {
    const k = cell0 + i;
    const west = v128At(pQxRaw, xFace0 + i);
    const east = v128At(pQxRaw, xFace0 + i + 1);
    const north = v128At(pQyRaw, k);
    const south = v128At(pQyRaw, k + nx);
    // pmax(-q, 0) may give -0 where the scalar path gives 0: the same sums and comparison.
    const outflow = f64x2.add(
      f64x2.add(f64x2.add(f64x2.pmax(f64x2.neg(west), zero), f64x2.pmax(east, zero)), f64x2.pmax(f64x2.neg(north), zero)),
      f64x2.pmax(south, zero),
    );
    const available = f64x2.mul(v128At(pDepth, k), ratio);
    const limited = f64x2.gt(outflow, available);
    // The division only where a lane is limited (rare): the other lanes' scale is exactly 1.
    v128.store(
      pScale + (<usize>k << 3),
      v128.any_true(limited) ? v128.bitselect(f64x2.div(available, outflow), one, limited) : one,
    );
  }
  for (; i < iEnd; i++) {
    const k = cell0 + i;
    const west = f64At(pQxRaw, xFace0 + i);
    const east = f64At(pQxRaw, xFace0 + i + 1);
    const north = f64At(pQyRaw, k);
    const south = f64At(pQyRaw, k + nx);
    const outflow = (west < 0 ? -west : 0) + max(east, 0) + (north < 0 ? -north : 0) + max(south, 0);
    const available = f64At(pDepth, k) * dxOverDt;
    setF64(pScale, k, outflow > available ? available / outflow : 1);
  }
}

/** The limited flux of a face from its raw flux and the scales of its upwind candidates. */
// @ts-ignore: decorator
@inline function limited(q: f64, scaleIfPositive: f64, scaleIfNegative: f64): f64 {
  return q * (q > 0 ? scaleIfPositive : scaleIfNegative);
}

/** Both lanes of the limited fluxes (as `limited`, per lane). */
// @ts-ignore: decorator
@inline function limited2(q: v128, scaleIfPositive: v128, scaleIfNegative: v128): v128 {
  return f64x2.mul(q, v128.bitselect(scaleIfPositive, scaleIfNegative, f64x2.gt(q, f64x2.splat(0))));
}

// Per-call settings and accumulators of the continuity phase (globals of this instance).
let stepDt: f64 = 0;
let dtOverDx: f64 = 0;
let rain: f64 = 0;
let raining = false;
let losing = false;
let holding = false;
let heldLevelNow: f64 = 0;
let tAfter: f64 = 0;
let rowLoss: f64 = 0;
let rowHeld: f64 = 0;
let hmax: f64 = 0;
/** Bits of the new depths and of the raw west and north fluxes of the cells just updated, OR-ed: 0 = at rest. */
let restBits: i64 = 0;

/** Continuity of cell k = (j, i), scalar (see continuityPhase in floodKernel.ts). */
function continuityCell(k: i32, i: i32, j: i32, xFace0: i32): void {
  if (byteAt(pWall, k) != 0) return;
  const sk = f64At(pScale, k);
  const wf = xFace0 + i;
  const west = limited(f64At(pQxRaw, wf), i > 0 ? f64At(pScale, k - 1) : 1, sk);
  const east = limited(f64At(pQxRaw, wf + 1), sk, i < nx - 1 ? f64At(pScale, k + 1) : 1);
  const north = limited(f64At(pQyRaw, k), j > 0 ? f64At(pScale, k - nx) : 1, sk);
  const south = limited(f64At(pQyRaw, k + nx), sk, j < ny - 1 ? f64At(pScale, k + nx) : 1);
  setF64(pQx, wf, west);
  setF64(pQy, k, north);
  if (i == nx - 1) setF64(pQx, wf + 1, east);
  if (j == ny - 1) setF64(pQy, k + nx, south);
  let depth = f64At(pDepth, k) + (west - east + north - south) * dtOverDx;
  if (raining) depth += rain * f64At(pRainFactor, k);
  if (depth < 0) depth = 0;
  if (holding && byteAt(pHeld, k) != 0) {
    const z = f64At(pBed, k);
    const target = heldLevelNow > z ? heldLevelNow - z : 0;
    rowHeld += target - depth;
    setF64(pDepth, k, target);
    restBits = 1;
    return;
  }
  if (losing) {
    let loss = f64At(pLossRate, k) * stepDt;
    if (loss > depth) loss = depth;
    depth -= loss;
    rowLoss += loss;
  }
  setF64(pDepth, k, depth);
  restBits |= reinterpret<i64>(depth) | reinterpret<i64>(f64At(pQxRaw, wf)) | reinterpret<i64>(f64At(pQyRaw, k));
  const previousMax = f64At(pMaxDepth, k);
  if (depth > previousMax) {
    setF64(pMaxDepth, k, depth);
    if (depth > thr && previousMax <= thr && f64At(pFirstWet, k) < 0) setF64(pFirstWet, k, tAfter);
  }
  if (depth > hmax) hmax = depth;
}

/**
 * Continuity of cells k, k+1 of an inner row (0 < j < ny-1, 0 < i, i+1 < nx-1), neither a wall
 * nor held: the same arithmetic as continuityCell in both lanes. Returns the new depths.
 */
// @ts-ignore: decorator
@inline function continuityPair(k: i32, wf: i32): v128 {
  const zero = f64x2.splat(0);
  const sk = v128At(pScale, k);
  const west = limited2(v128At(pQxRaw, wf), v128At(pScale, k - 1), sk);
  const east = limited2(v128At(pQxRaw, wf + 1), sk, v128At(pScale, k + 1));
  const north = limited2(v128At(pQyRaw, k), v128At(pScale, k - nx), sk);
  const south = limited2(v128At(pQyRaw, k + nx), sk, v128At(pScale, k + nx));
  v128.store(pQx + (<usize>wf << 3), west);
  v128.store(pQy + (<usize>k << 3), north);
  let depth = f64x2.add(
    v128At(pDepth, k),
    f64x2.mul(f64x2.sub(f64x2.add(f64x2.sub(west, east), north), south), f64x2.splat(dtOverDx)),
  );
  if (raining) depth = f64x2.add(depth, f64x2.mul(f64x2.splat(rain), v128At(pRainFactor, k)));
  depth = v128.bitselect(zero, depth, f64x2.lt(depth, zero));
  if (losing) {
    let loss = f64x2.mul(v128At(pLossRate, k), f64x2.splat(stepDt));
    loss = v128.bitselect(depth, loss, f64x2.gt(loss, depth));
    depth = f64x2.sub(depth, loss);
    rowLoss += f64x2.extract_lane(loss, 0);
    rowLoss += f64x2.extract_lane(loss, 1);
  }
  v128.store(pDepth + (<usize>k << 3), depth);
  const previousMax = v128At(pMaxDepth, k);
  const deeper = f64x2.gt(depth, previousMax);
  if (v128.any_true(deeper)) {
    v128.store(pMaxDepth + (<usize>k << 3), v128.bitselect(depth, previousMax, deeper));
    const threshold = f64x2.splat(thr);
    const firstWet = v128At(pFirstWet, k);
    const wets = v128.and(
      v128.and(deeper, f64x2.gt(depth, threshold)),
      v128.and(f64x2.le(previousMax, threshold), f64x2.lt(firstWet, zero)),
    );
    if (v128.any_true(wets))
      v128.store(pFirstWet + (<usize>k << 3), v128.bitselect(f64x2.splat(tAfter), firstWet, wets));
  }
  return depth;
}

/** Continuity of row j, its volume accounts, the running largest depth and the row's rest flags. */
function continuityRow(j: i32): void {
  const cell0 = j * nx;
  const xFace0 = j * (nx + 1);
  rowLoss = 0;
  rowHeld = 0;
  const restOut = pRestWrite + <usize>(j * segments);
  for (let s = 0; s < segments; s++) {
    const iStart = segmentStart(s);
    const iEnd = segmentEnd(s);
    let rests: bool;
    if (skipped(j, s)) {
      rests = restingCells(j, iStart, iEnd, xFace0);
      restSkips += 1;
    } else if (j == 0 || j == ny - 1) {
      restBits = 0;
      for (let i = iStart; i < iEnd; i++) continuityCell(cell0 + i, i, j, xFace0);
      rests = restBits == 0;
    } else {
      rests = activeCells(j, iStart, iEnd, xFace0);
    }
    store<u8>(restOut + <usize>s, rests ? 1 : 0);
  }
  const cellArea = dx * dx;
  setF64(pRowLoss, j, f64At(pRowLoss, j) + rowLoss * cellArea);
  let edgeIn = f64At(pQx, xFace0) - f64At(pQx, xFace0 + nx);
  if (j == 0) for (let i = 0; i < nx; i++) edgeIn += f64At(pQy, i);
  if (j == ny - 1) for (let i = 0; i < nx; i++) edgeIn -= f64At(pQy, ny * nx + i);
  setF64(pRowBoundary, j, f64At(pRowBoundary, j) + edgeIn * stepDt * dx + rowHeld * cellArea);
}

/**
 * Continuity of cells iStart ≤ i < iEnd of an inner row j, two at a time where both are inner,
 * ordinary cells. Returns true when they are all at rest afterwards (see SEGMENT_CELLS).
 */
function activeCells(j: i32, iStart: i32, iEnd: i32, xFace0: i32): bool {
  const cell0 = j * nx;
  restBits = 0;
  let i = iStart;
  if (i == 0) {
    continuityCell(cell0, 0, j, xFace0);
    i = 1;
  }
  const pairEnd = min(iEnd, nx - 1);
  let deepest = f64x2.splat(0);
  let restVec = f64x2.splat(0);
  for (; i + 1 < pairEnd; i += 2) {
    const k = cell0 + i;
    if ((load<u16>(pWall + <usize>k) | load<u16>(pHeld + <usize>k)) == 0) {
      const depth = continuityPair(k, xFace0 + i);
      // pmax (one instruction): depths are never NaN, and a -0 lane leaves the maximum's value.
      deepest = f64x2.pmax(deepest, depth);
      restVec = v128.or(restVec, v128.or(depth, v128.or(v128At(pQxRaw, xFace0 + i), v128At(pQyRaw, k))));
    } else {
      continuityCell(k, i, j, xFace0);
      continuityCell(k + 1, i + 1, j, xFace0);
    }
  }
  for (; i < iEnd; i++) continuityCell(cell0 + i, i, j, xFace0);
  hmax = max(hmax, max(f64x2.extract_lane(deepest, 0), f64x2.extract_lane(deepest, 1)));
  return restBits == 0 && !v128.any_true(restVec);
}

/**
 * Continuity of the cells of a segment skipped at rest (see {@link skipped}): their fluxes are
 * all +0, so a cell's new depth is its rain less what drainage takes at once. Where that leaves
 * water the cell takes the full update ({@link continuityCell}: the same arithmetic). Returns true
 * when every cell stays dry (the drained rain then counts as loss, in the same order as the full
 * update would add it).
 */
function restingCells(j: i32, iStart: i32, iEnd: i32, xFace0: i32): bool {
  if (!raining) return true;
  const cell0 = j * nx;
  let rests = true;
  for (let i = iStart; i < iEnd; i++) {
    const k = cell0 + i;
    if (byteAt(pWall, k) != 0) continue;
    const depth = rain * f64At(pRainFactor, k);
    if (losing) {
      const capacity = f64At(pLossRate, k) * stepDt;
      if (capacity >= depth) {
        rowLoss += depth;
        continue;
      }
    } else if (depth == 0) continue;
    continuityCell(k, i, j, xFace0);
    rests = false;
  }
  return rests;
}

/**
 * True when the continuity of row j waits for {@link continuityPhase}: a row with a point source
 * (the caller adds sources after the fluxes), and with other threads the first two and the last
 * row of the range (a neighbour range still reads their old depths and fluxes, and the last row
 * needs the neighbour's outflow scales).
 */
// @ts-ignore: decorator
@inline function deferred(j: i32, rowStart: i32, rowEnd: i32): bool {
  return load<u8>(pSourceRows + <usize>j) != 0 || (sharedGrid && (j <= rowStart + 1 || j == rowEnd - 1));
}

function setStep(dt: f64, timeAfter: f64, rainDepth: f64, heldLevel: f64, hasLosses: bool, hasHeld: bool): void {
  stepDt = dt;
  dtOverDx = dt / dx;
  rain = rainDepth;
  raining = rainDepth != 0;
  losing = hasLosses;
  holding = hasHeld;
  heldLevelNow = heldLevel;
  tAfter = timeAfter;
}

/**
 * Flux phase for rows [rowStart, rowEnd) (see fluxPhase in floodKernel.ts), fused with the
 * continuity of every row whose faces and scales are complete and whose old values nobody reads
 * any more (row j - 1 once row j's fluxes and scales are done), so a row's arrays are reused
 * while still in cache. The rows {@link deferred} are left to {@link continuityPhase}. Levels are
 * the water-surface elevations outside the north, south, west and east edges, m; `step` is the
 * number of steps taken so far (it picks the rest-flag buffers); the rest is the step's forcing
 * as in continuityPhase.
 */
export function fluxPhase(
  rowStart: i32,
  rowEnd: i32,
  dt: f64,
  levelN: f64,
  levelS: f64,
  levelW: f64,
  levelE: f64,
  timeAfter: f64,
  rainDepth: f64,
  heldLevel: f64,
  hasLosses: bool,
  hasHeld: bool,
  step: i32,
): void {
  setStep(dt, timeAfter, rainDepth, heldLevel, hasLosses, hasHeld);
  // Rest flags: read those the last step wrote, write the other buffer (every thread uses the
  // same step number, so they agree; the continuity phase of this step keeps the choice).
  const flagBytes = <usize>(ny * segments);
  pRestRead = pRest + (step & 1 ? flagBytes : 0);
  pRestWrite = pRest + (step & 1 ? 0 : flagBytes);
  hmax = 0;
  const gdt = GRAVITY * dt;
  yFaceRow(rowStart, gdt, levelN, levelS);
  for (let j = rowStart; j < rowEnd; j++) {
    xFaceRow(j, gdt, levelW, levelE);
    yFaceRow(j + 1, gdt, levelN, levelS);
    limiterRow(j, dt);
    if (j > rowStart && !deferred(j - 1, rowStart, rowEnd)) continuityRow(j - 1);
  }
  if (!deferred(rowEnd - 1, rowStart, rowEnd)) continuityRow(rowEnd - 1);
}

/**
 * Continuity phase for the rows of [rowStart, rowEnd) that the flux phase deferred (see
 * continuityPhase in floodKernel.ts; the caller adds point sources first). Returns the largest
 * ordinary depth of the whole range, m.
 */
export function continuityPhase(
  rowStart: i32,
  rowEnd: i32,
  dt: f64,
  timeAfter: f64,
  rainDepth: f64,
  heldLevel: f64,
  hasLosses: bool,
  hasHeld: bool,
): f64 {
  setStep(dt, timeAfter, rainDepth, heldLevel, hasLosses, hasHeld);
  for (let j = rowStart; j < rowEnd; j++) if (deferred(j, rowStart, rowEnd)) continuityRow(j);
  return hmax;
}

/** Segment-steps this instance skipped at rest since {@link bind} (see SEGMENT_CELLS). */
export function restSegmentSteps(): f64 {
  return restSkips;
}
