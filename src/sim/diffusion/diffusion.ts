/**
 * A tiny explicit heat-diffusion demo on a regular grid (FTCS scheme, closed walls), used to
 * prove the worker wiring: progress, cancel and transferable results. Not a planning model.
 *
 * u' = u + r (u_E + u_W + u_N + u_S - 4u), with r = D dt / dx² ≤ 0.25 for stability.
 * With zero-flux walls the total of u is conserved exactly (up to rounding).
 */
export interface DiffusionInput {
  /** Cells along x and y. */
  width: number;
  height: number;
  /** Diffusion number D·dt/dx² (dimensionless, at most 0.25). */
  diffusionNumber: number;
  /** Steps to run. */
  steps: number;
}

/** Grid values after a run, row-major, plus the total (conserved) amount. */
export interface DiffusionResult {
  values: Float32Array<ArrayBuffer>;
  total: number;
  steps: number;
}

/** Allocates a grid with a unit spike of mass `width*height` in the centre cell. */
export function initialSpike(input: DiffusionInput): Float32Array<ArrayBuffer> {
  const grid = new Float32Array(input.width * input.height);
  grid[Math.floor(input.height / 2) * input.width + Math.floor(input.width / 2)] = input.width * input.height;
  return grid;
}

/** Advances `grid` one FTCS step into `next` (both row-major, same size). No allocation. */
export function diffusionStep(grid: Float32Array, next: Float32Array, input: DiffusionInput): void {
  const { width: w, height: h, diffusionNumber: r } = input;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const u = grid[i]!;
      let flux = 0;
      if (x > 0) flux += grid[i - 1]! - u;
      if (x < w - 1) flux += grid[i + 1]! - u;
      if (y > 0) flux += grid[i - w]! - u;
      if (y < h - 1) flux += grid[i + w]! - u;
      next[i] = u + r * flux;
    }
  }
}

/** Sum of all cells. */
export function gridTotal(grid: Float32Array): number {
  let total = 0;
  for (let i = 0; i < grid.length; i++) total += grid[i]!;
  return total;
}
