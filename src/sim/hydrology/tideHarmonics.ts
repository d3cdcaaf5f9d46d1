/**
 * Harmonic tide model: the water level as a mean plus a sum of constituents,
 *
 *   h(t) = Z0 + Σ_k A_k cos(ω_k τ − g_k),   τ = hours since 2000-01-01T00:00Z,
 *
 * fitted by linear least squares (unknowns a_k = A_k cos g_k, b_k = A_k sin g_k). Observations
 * may be levels at given times and, for observed highs and lows, a zero slope there (a high or
 * low is where dh/dt = 0), which pins the phases when only extremes were recorded. No nodal
 * (18.6-year) corrections: the amplitudes and phases are those of the fitted period.
 */

/** Angular speeds of the tidal constituents used here, degrees per hour (Schureman / IHO). */
export const TIDE_CONSTITUENT_SPEEDS_DEG_PER_HOUR: Readonly<Record<string, number>> = {
  M2: 28.9841042,
  S2: 30.0,
  N2: 28.4397295,
  K2: 30.0821373,
  K1: 15.0410686,
  O1: 13.9430356,
  P1: 14.9589314,
  Q1: 13.3986609,
  M4: 57.9682084,
  MS4: 58.9841042,
  MN4: 57.4238337,
  M6: 86.9523127,
  MSf: 1.0158958,
  Sa: 0.0410686,
  Ssa: 0.0821373,
};

/** The epoch of τ: 2000-01-01T00:00:00Z, Unix seconds. */
const EPOCH_SECONDS = Date.UTC(2000, 0, 1) / 1000;

/** One fitted constituent: h = amplitude · cos(speed · τ − phase). */
export interface TideConstituent {
  name: string;
  speedDegPerHour: number;
  amplitudeMetres: number;
  /** Phase lag g, degrees in [0, 360), relative to τ = 0 at 2000-01-01T00:00Z (not Greenwich-referenced). */
  phaseDegrees: number;
}

/** A harmonic tide model: mean level and constituents. */
export interface TideModel {
  meanLevelMetres: number;
  constituents: TideConstituent[];
}

/** Observations to fit: levels at times, and times where the slope is zero (observed highs and lows). */
export interface TideFitInput {
  levels: ReadonlyArray<{ epochSeconds: number; levelMetres: number }>;
  /** Times of observed extremes, where dh/dt = 0 is required (in a least-squares sense). */
  extremeTimes?: readonly number[];
  /** Weight of a slope equation, hours: a slope error of 1 m/h counts as a level error of this many metres. */
  slopeWeightHours?: number;
  /** Constituent names (keys of TIDE_CONSTITUENT_SPEEDS_DEG_PER_HOUR). */
  constituents: readonly string[];
}

const DEG = Math.PI / 180;

function hoursSinceEpoch(epochSeconds: number): number {
  return (epochSeconds - EPOCH_SECONDS) / 3600;
}

/** Solves the symmetric positive system `a x = b` (n×n, row-major) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    const d = a[col * n + col]!;
    if (Math.abs(d) < 1e-300)
      throw new Error('tide fit: singular normal equations (constituents not separable by the data)');
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / d;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] = a[r * n + c]! - f * a[col * n + c]!;
      b[r] = b[r]! - f * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}

/** Least-squares harmonic fit (normal equations; a few dozen unknowns at most). */
export function fitTideModel(input: TideFitInput): TideModel {
  const speeds = input.constituents.map((name) => {
    const speed = TIDE_CONSTITUENT_SPEEDS_DEG_PER_HOUR[name];
    if (speed === undefined) throw new Error(`unknown tide constituent ${name}`);
    return speed * DEG; // rad/h
  });
  const n = 1 + 2 * speeds.length;
  const normal = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  const row = new Float64Array(n);
  const accumulate = (value: number) => {
    for (let i = 0; i < n; i++) {
      if (row[i] === 0) continue;
      rhs[i] = rhs[i]! + row[i]! * value;
      for (let j = 0; j < n; j++) normal[i * n + j] = normal[i * n + j]! + row[i]! * row[j]!;
    }
  };
  for (const { epochSeconds, levelMetres } of input.levels) {
    const tau = hoursSinceEpoch(epochSeconds);
    row[0] = 1;
    speeds.forEach((w, k) => {
      row[1 + 2 * k] = Math.cos(w * tau);
      row[2 + 2 * k] = Math.sin(w * tau);
    });
    accumulate(levelMetres);
  }
  const weight = input.slopeWeightHours ?? 1;
  for (const epochSeconds of input.extremeTimes ?? []) {
    const tau = hoursSinceEpoch(epochSeconds);
    row[0] = 0;
    speeds.forEach((w, k) => {
      row[1 + 2 * k] = -weight * w * Math.sin(w * tau);
      row[2 + 2 * k] = weight * w * Math.cos(w * tau);
    });
    accumulate(0);
  }
  const x = solve(normal, rhs, n);
  return {
    meanLevelMetres: x[0]!,
    constituents: input.constituents.map((name, k) => {
      const a = x[1 + 2 * k]!;
      const b = x[2 + 2 * k]!;
      return {
        name,
        speedDegPerHour: TIDE_CONSTITUENT_SPEEDS_DEG_PER_HOUR[name]!,
        amplitudeMetres: Math.hypot(a, b),
        phaseDegrees: (((Math.atan2(b, a) / DEG) % 360) + 360) % 360,
      };
    }),
  };
}

/** Water level of the model at a time, m. */
export function tideLevelAt(model: TideModel, epochSeconds: number): number {
  const tau = hoursSinceEpoch(epochSeconds);
  let h = model.meanLevelMetres;
  for (const c of model.constituents)
    h += c.amplitudeMetres * Math.cos((c.speedDegPerHour * tau - c.phaseDegrees) * DEG);
  return h;
}

/** Highs and lows of the model between two times (sampled every `stepSeconds`, refined by a parabola). */
export function tideExtremes(
  model: TideModel,
  fromEpochSeconds: number,
  toEpochSeconds: number,
  stepSeconds = 600,
): Array<{ epochSeconds: number; levelMetres: number; kind: 'peak' | 'low' }> {
  const out: Array<{ epochSeconds: number; levelMetres: number; kind: 'peak' | 'low' }> = [];
  let t0 = fromEpochSeconds;
  let h0 = tideLevelAt(model, t0);
  let h1 = tideLevelAt(model, t0 + stepSeconds);
  for (let t = t0 + stepSeconds; t + stepSeconds <= toEpochSeconds; t += stepSeconds) {
    const h2 = tideLevelAt(model, t + stepSeconds);
    if ((h1 > h0 && h1 >= h2) || (h1 < h0 && h1 <= h2)) {
      const denominator = h0 - 2 * h1 + h2;
      const shift = denominator === 0 ? 0 : (0.5 * (h0 - h2)) / denominator;
      const at = t + shift * stepSeconds;
      out.push({ epochSeconds: at, levelMetres: tideLevelAt(model, at), kind: h1 > h0 ? 'peak' : 'low' });
    }
    t0 = t;
    h0 = h1;
    h1 = h2;
  }
  return out;
}

/** Constituents fitted to the Phú An highs and lows: semi-diurnal, diurnal, shallow-water and seasonal. */
export const PHU_AN_TIDE_CONSTITUENTS = [
  'M2',
  'S2',
  'N2',
  'K2',
  'K1',
  'O1',
  'P1',
  'Q1',
  'M4',
  'MS4',
  'MN4',
  'Sa',
  'Ssa',
] as const;

/** A model fitted to observed extremes, and its error at them. */
export interface TideFitToExtremes {
  model: TideModel;
  /** Extremes used. */
  count: number;
  /** Root mean square of (model − observed) at the observed times, m. */
  rmsErrorMetres: number;
  /** Largest |model − observed| at the observed times, m. */
  maxErrorMetres: number;
}

/**
 * Fits a harmonic model to observed highs and lows: their levels, and a zero slope at each
 * (weight 1 h), so the model's extremes fall at the observed times.
 */
export function fitTideToExtremes(
  extremes: ReadonlyArray<{ epochSeconds: number; levelMetres: number }>,
  constituents: readonly string[] = PHU_AN_TIDE_CONSTITUENTS,
): TideFitToExtremes {
  const model = fitTideModel({
    levels: extremes,
    extremeTimes: extremes.map((e) => e.epochSeconds),
    slopeWeightHours: 1,
    constituents,
  });
  let sumSquares = 0;
  let maxError = 0;
  for (const e of extremes) {
    const error = tideLevelAt(model, e.epochSeconds) - e.levelMetres;
    sumSquares += error * error;
    maxError = Math.max(maxError, Math.abs(error));
  }
  return {
    model,
    count: extremes.length,
    rmsErrorMetres: Math.sqrt(sumSquares / Math.max(1, extremes.length)),
    maxErrorMetres: maxError,
  };
}
