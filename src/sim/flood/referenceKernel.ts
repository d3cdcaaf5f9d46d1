import { stableCourantNumber } from './floodStepper.ts';

/**
 * A plain REFERENCE implementation of the same local-inertial scheme (Bates et al. 2010 with
 * de Almeida et al. 2012 θ weighting, the same outflow limiter), written the way a careful first
 * port would be: one loop per phase over flat Float64Arrays, no allocation inside the time loop,
 * no row ranges, no special cases. It handles closed walls, constant uniform rain and constant
 * point sources only. `twin bench flood` measures it as the honest single-thread baseline, and
 * tests use it as an independent check of the optimized kernels.
 */
export interface ReferenceModel {
  columns: number;
  rows: number;
  cellSizeMetres: number;
  /** Bed elevation per cell (row-major, row 0 north), m. */
  bed: Float64Array;
  /** Depth per cell, m; updated in place by reference runs. */
  depth: Float64Array;
  manningN: number;
  rainMillimetresPerHour: number;
  sources: Array<{ row: number; col: number; flowCubicMetresPerSecond: number }>;
  alpha: number;
  theta: number;
  depthThreshold: number;
}

const g = 9.81;

/** Face flux between cells a and b (depths h, beds z), old flux q and its neighbours' sum, m²/s. */
function flux(
  m: ReferenceModel,
  ha: number,
  za: number,
  hb: number,
  zb: number,
  q: number,
  qNeighbours: number,
  dt: number,
): number {
  const ea = za + ha;
  const eb = zb + hb;
  const hf = Math.max(ea, eb) - Math.max(za, zb);
  if (hf <= m.depthThreshold) return 0;
  const qAvg = m.theta * q + ((1 - m.theta) / 2) * qNeighbours;
  const slope = (eb - ea) / m.cellSizeMetres;
  const n2 = m.manningN * m.manningN;
  return (qAvg - g * hf * dt * slope) / (1 + (g * dt * n2 * Math.abs(q)) / (hf * hf * Math.cbrt(hf)));
}

/** Runs the reference scheme for `seconds` of simulated time; returns the steps taken. */
export function runReference(m: ReferenceModel, seconds: number): number {
  const { rows, columns, cellSizeMetres: dx, bed, depth: h } = m;
  const xFaces = (columns + 1) * rows;
  const yFaces = columns * (rows + 1);
  const qx = new Float64Array(xFaces);
  const qy = new Float64Array(yFaces);
  const newQx = new Float64Array(xFaces);
  const newQy = new Float64Array(yFaces);
  const scale = new Float64Array(columns * rows);
  const courant = stableCourantNumber(m.alpha, m.theta);
  let t = 0;
  let steps = 0;
  while (t < seconds) {
    let hmax = 0.01;
    for (let k = 0; k < h.length; k++) if (h[k]! > hmax) hmax = h[k]!;
    let dt = (courant * dx) / Math.sqrt(g * hmax);
    if (t + dt >= seconds) dt = seconds - t;
    // x-faces: face c of row r lies between cells c-1 and c (edge faces stay 0: walls).
    for (let r = 0; r < rows; r++)
      for (let c = 1; c < columns; c++) {
        const f = r * (columns + 1) + c;
        const a = r * columns + c - 1;
        newQx[f] = flux(m, h[a]!, bed[a]!, h[a + 1]!, bed[a + 1]!, qx[f]!, qx[f - 1]! + qx[f + 1]!, dt);
      }
    // y-faces: face row r lies between cell rows r-1 and r.
    for (let r = 1; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const f = r * columns + c;
        const a = f - columns;
        newQy[f] = flux(m, h[a]!, bed[a]!, h[f]!, bed[f]!, qy[f]!, qy[f - columns]! + qy[f + columns]!, dt);
      }
    // Outflow limiter: no cell gives more than it holds.
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const k = r * columns + c;
        const west = newQx[r * (columns + 1) + c]!;
        const east = newQx[r * (columns + 1) + c + 1]!;
        const north = newQy[k]!;
        const south = newQy[k + columns]!;
        const out = Math.max(0, -west) + Math.max(0, east) + Math.max(0, -north) + Math.max(0, south);
        const available = (h[k]! * dx) / dt;
        scale[k] = out > available ? available / out : 1;
      }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c <= columns; c++) {
        const f = r * (columns + 1) + c;
        const q = newQx[f]!;
        const k = r * columns + c;
        qx[f] = q * (q > 0 ? (c > 0 ? scale[k - 1]! : 1) : c < columns ? scale[k]! : 1);
      }
    for (let r = 0; r <= rows; r++)
      for (let c = 0; c < columns; c++) {
        const f = r * columns + c;
        const q = newQy[f]!;
        qy[f] = q * (q > 0 ? (r > 0 ? scale[f - columns]! : 1) : r < rows ? scale[f]! : 1);
      }
    const rain = (m.rainMillimetresPerHour / 3.6e6) * dt;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const k = r * columns + c;
        const net = qx[r * (columns + 1) + c]! - qx[r * (columns + 1) + c + 1]! + qy[k]! - qy[k + columns]!;
        h[k] = Math.max(0, h[k]! + (net * dt) / dx + rain);
      }
    for (const s of m.sources) {
      const k = s.row * columns + s.col;
      h[k] = h[k]! + (s.flowCubicMetresPerSecond * dt) / (dx * dx);
    }
    t += dt;
    steps++;
  }
  return steps;
}
