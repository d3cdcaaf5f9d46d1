/**
 * Doubly constrained gravity distribution (Wilson 1970; Ortúzar & Willumsen, "Modelling
 * Transport", 4th ed. 2011, §5.4): T_ij = a_i O_i b_j D_j f(t_ij), with the balancing factors
 * found by Furness (1965) iterations. Friction: the gamma function f(t) = t^(−α) e^(−β t)
 * (NCHRP Report 716, Cambridge Systematics et al. 2012, §4.5).
 */

/** Gamma friction parameters; t in minutes. */
export interface GammaFriction {
  alpha: number;
  beta: number;
}

/** f(t) = t^(−α) e^(−β t); 0 for unreachable (infinite) or non-positive t. */
export function gammaFriction(minutes: number, p: GammaFriction): number {
  if (!(minutes > 0) || !Number.isFinite(minutes)) return 0;
  return Math.exp(-p.alpha * Math.log(minutes) - p.beta * minutes);
}

/** The distributed trips and how well the constraints hold. */
export interface GravityResult {
  /** Row-major by origin, same unit as the trip ends. */
  trips: Float64Array;
  /** Σ over origins of productions not sent (an origin reaching no destination with attractions). */
  undistributed: number;
  iterations: number;
}

/**
 * Distributes `productions` (O_i) to `attractions` (D_j, same total) with friction factors
 * `friction[i·Z + j]` (the diagonal is the intrazonal friction). Iterates until every row and column sum is within
 * `tolerance` (relative) of its target or `maxIterations`.
 */
export function doublyConstrainedGravity(
  productions: Float64Array,
  attractions: Float64Array,
  friction: Float64Array,
  tolerance = 1e-6,
  maxIterations = 200,
): GravityResult {
  const z = productions.length;
  const a = new Float64Array(z).fill(1);
  const b = new Float64Array(z).fill(1);
  const f = friction;
  let iterations = 0;
  let error = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations && error > tolerance) {
    iterations++;
    for (let i = 0; i < z; i++) {
      let s = 0;
      for (let j = 0; j < z; j++) s += b[j]! * attractions[j]! * f[i * z + j]!;
      a[i] = s > 0 ? 1 / s : 0;
    }
    error = 0;
    for (let j = 0; j < z; j++) {
      let s = 0;
      for (let i = 0; i < z; i++) s += a[i]! * productions[i]! * f[i * z + j]!;
      const next = s > 0 ? 1 / s : 0;
      if (attractions[j]! > 0 && b[j]! > 0) error = Math.max(error, Math.abs(next / b[j]! - 1));
      b[j] = next;
    }
  }
  const trips = new Float64Array(z * z);
  let undistributed = 0;
  for (let i = 0; i < z; i++) {
    let sent = 0;
    for (let j = 0; j < z; j++) {
      const t = a[i]! * productions[i]! * b[j]! * attractions[j]! * f[i * z + j]!;
      trips[i * z + j] = t;
      sent += t;
    }
    undistributed += Math.max(0, productions[i]! - sent);
  }
  return { trips, undistributed, iterations };
}
