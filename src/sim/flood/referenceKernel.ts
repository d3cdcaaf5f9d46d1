import { stableCourantNumber } from './floodStepper.ts';

/**
 * A plain, readable REFERENCE implementation of the same local-inertial scheme (Bates et al.
 * 2010 with de Almeida et al. 2012 θ weighting, the same outflow limiter), written the way a
 * first port would be: arrays of arrays, Math.pow, fresh arrays every step. It handles closed
 * walls, constant uniform rain and constant point sources only. Used by `twin bench flood` as
 * the speed baseline and by tests as an independent check of the optimized kernel.
 */
export interface ReferenceModel {
  columns: number;
  rows: number;
  cellSizeMetres: number;
  /** bed[row][col], m (row 0 north). */
  bed: number[][];
  /** depth[row][col], m; updated in place by reference runs. */
  depth: number[][];
  manningN: number;
  rainMillimetresPerHour: number;
  sources: Array<{ row: number; col: number; flowCubicMetresPerSecond: number }>;
  alpha: number;
  theta: number;
  depthThreshold: number;
}

const g = 9.81;

function zeros(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

/** Runs the reference scheme for `seconds` of simulated time; returns the steps taken. */
export function runReference(m: ReferenceModel, seconds: number): number {
  const { rows, columns, cellSizeMetres: dx, bed, theta } = m;
  const n2 = m.manningN * m.manningN;
  let qx = zeros(rows, columns + 1);
  let qy = zeros(rows + 1, columns);
  let t = 0;
  let steps = 0;
  while (t < seconds) {
    const hmax = Math.max(0.01, ...m.depth.map((row) => Math.max(...row)));
    let dt = (stableCourantNumber(m.alpha, theta) * dx) / Math.sqrt(g * hmax);
    if (t + dt >= seconds) dt = seconds - t;
    const flux = (ha: number, za: number, hb: number, zb: number, q: number, qNeighbours: number) => {
      const ea = za + ha;
      const eb = zb + hb;
      const hf = Math.max(ea, eb) - Math.max(za, zb);
      if (hf <= m.depthThreshold) return 0;
      const qAvg = theta * q + ((1 - theta) / 2) * qNeighbours;
      const slope = (eb - ea) / dx;
      return (qAvg - g * hf * dt * slope) / (1 + (g * dt * n2 * Math.abs(q)) / hf ** (7 / 3));
    };
    const newQx = zeros(rows, columns + 1);
    for (let r = 0; r < rows; r++)
      for (let c = 1; c < columns; c++)
        newQx[r]![c] = flux(
          m.depth[r]![c - 1]!,
          bed[r]![c - 1]!,
          m.depth[r]![c]!,
          bed[r]![c]!,
          qx[r]![c]!,
          qx[r]![c - 1]! + qx[r]![c + 1]!,
        );
    const newQy = zeros(rows + 1, columns);
    for (let r = 1; r < rows; r++)
      for (let c = 0; c < columns; c++)
        newQy[r]![c] = flux(
          m.depth[r - 1]![c]!,
          bed[r - 1]![c]!,
          m.depth[r]![c]!,
          bed[r]![c]!,
          qy[r]![c]!,
          qy[r - 1]![c]! + qy[r + 1]![c]!,
        );
    // Outflow limiter: no cell gives more than it holds.
    const scale = zeros(rows, columns).map((row, r) =>
      row.map((_, c) => {
        const out =
          Math.max(0, -newQx[r]![c]!) +
          Math.max(0, newQx[r]![c + 1]!) +
          Math.max(0, -newQy[r]![c]!) +
          Math.max(0, newQy[r + 1]![c]!);
        const available = (m.depth[r]![c]! * dx) / dt;
        return out > available ? available / out : 1;
      }),
    );
    qx = newQx.map((row, r) =>
      row.map((q, c) => q * (q > 0 ? (c > 0 ? scale[r]![c - 1]! : 1) : c < columns ? scale[r]![c]! : 1)),
    );
    qy = newQy.map((row, r) =>
      row.map((q, c) => q * (q > 0 ? (r > 0 ? scale[r - 1]![c]! : 1) : r < rows ? scale[r]![c]! : 1)),
    );
    const rain = (m.rainMillimetresPerHour / 3.6e6) * dt;
    const next = m.depth.map((row, r) =>
      row.map((h, c) =>
        Math.max(0, h + ((qx[r]![c]! - qx[r]![c + 1]! + qy[r]![c]! - qy[r + 1]![c]!) * dt) / dx + rain),
      ),
    );
    for (const s of m.sources)
      next[s.row]![s.col] = next[s.row]![s.col]! + (s.flowCubicMetresPerSecond * dt) / (dx * dx);
    m.depth = next;
    t += dt;
    steps++;
  }
  return steps;
}
