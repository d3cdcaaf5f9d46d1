import type { InputProblem } from './errors.ts';

/**
 * A tiny structural checker for JSON documents that collects every problem with its JSON path
 * instead of stopping at the first (scenarios, flood cases, zoning rules).
 */
export class Checker {
  readonly problems: InputProblem[] = [];

  /** Records a problem at `path`. Always returns undefined so callers can `return c.fail(...)`. */
  fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  /** The value as a plain object, or a problem. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
    return this.fail(path, `expected an object, got ${describe(value)}`);
  }

  /** The value as an array, or a problem. */
  array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    return this.fail(path, `expected an array, got ${describe(value)}`);
  }

  /** A non-empty string, or a problem. */
  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.length > 0) return value;
    return this.fail(path, `expected a non-empty string, got ${describe(value)}`);
  }

  /** A finite number within [min, max], or a problem. */
  number(value: unknown, path: string, min = -Infinity, max = Infinity): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(path, `expected a number, got ${describe(value)}`);
    }
    if (value < min || value > max)
      return this.fail(path, `expected a number in [${min}, ${max}], got ${value}`);
    return value;
  }

  /** An integer within [min, max], or a problem. */
  integer(value: unknown, path: string, min = -Infinity, max = Infinity): number | undefined {
    const n = this.number(value, path, min, max);
    if (n !== undefined && !Number.isInteger(n)) return this.fail(path, `expected an integer, got ${n}`);
    return n;
  }

  /** A boolean, or a problem. */
  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.fail(path, `expected true or false, got ${describe(value)}`);
  }

  /**
   * A document's `format` field equal to `expected` (e.g. "twin-tour/1"), or a problem at
   * `format`: another version of the same format (same text before the "/") is named as such.
   */
  format(value: unknown, expected: string): void {
    if (value === expected) return;
    const family = expected.slice(0, expected.indexOf('/') + 1);
    this.fail(
      'format',
      typeof value === 'string' && value.startsWith(family)
        ? `unsupported version ${JSON.stringify(value)}; this build reads "${expected}"`
        : `expected "${expected}"`,
    );
  }

  /** One of the allowed strings, or a problem listing them. */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(
      path,
      `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(value)}`,
    );
  }

  /** A time series `[[seconds, value], ...]` with increasing times, or a problem. */
  timeSeries(value: unknown, path: string): Array<[number, number]> | undefined {
    const list = this.array(value, path);
    if (!list) return undefined;
    if (list.length === 0) return this.fail(path, 'expected at least one [seconds, value] pair');
    const out: Array<[number, number]> = [];
    let previous = -Infinity;
    list.forEach((pair, i) => {
      const p = `${path}[${i}]`;
      if (!Array.isArray(pair) || pair.length !== 2) {
        this.fail(p, `expected [seconds, value], got ${describe(pair)}`);
        return;
      }
      const t = this.number(pair[0], `${p}[0]`);
      const v = this.number(pair[1], `${p}[1]`);
      if (t === undefined || v === undefined) return;
      if (t <= previous) this.fail(`${p}[0]`, `times must increase, ${t} follows ${previous}`);
      previous = t;
      out.push([t, v]);
    });
    return out;
  }

  /**
   * A time series within limits: at most `maxPoints` points (checked before the points are read),
   * times in `seconds` [min, max] and values in [min, max] (`what` names the value in messages),
   * or a problem per bad point.
   */
  boundedTimeSeries(
    value: unknown,
    path: string,
    limits: SeriesLimits,
    values: ValueRange,
  ): Array<[number, number]> | undefined {
    if (Array.isArray(value) && value.length > limits.maxPoints)
      return this.fail(path, `expected at most ${limits.maxPoints} points, got ${value.length}`);
    const series = this.timeSeries(value, path);
    if (!series) return undefined;
    const before = this.problems.length;
    const [tMin, tMax] = limits.seconds;
    const { min, max, what } = values;
    series.forEach(([t, v], i) => {
      if (t < tMin || t > tMax)
        this.fail(`${path}[${i}][0]`, `expected a time in [${tMin}, ${tMax}] s, got ${t}`);
      if (v < min || v > max) this.fail(`${path}[${i}][1]`, `expected ${what} in [${min}, ${max}], got ${v}`);
    });
    return this.problems.length === before ? series : undefined;
  }

  /** A list of [longitude, latitude] positions (WGS84 degrees) of at least `minPoints`, or a problem. */
  positions(value: unknown, path: string, minPoints: number): Array<[number, number]> | undefined {
    const list = this.array(value, path);
    if (!list) return undefined;
    if (list.length < minPoints)
      return this.fail(path, `expected at least ${minPoints} positions, got ${list.length}`);
    const out: Array<[number, number]> = [];
    list.forEach((pos, i) => {
      const p = `${path}[${i}]`;
      if (!Array.isArray(pos) || pos.length < 2) {
        this.fail(p, `expected [longitude, latitude], got ${describe(pos)}`);
        return;
      }
      const lon = this.number(pos[0], `${p}[0]`, -180, 180);
      const lat = this.number(pos[1], `${p}[1]`, -90, 90);
      if (lon !== undefined && lat !== undefined) out.push([lon, lat]);
    });
    return out;
  }
}

/** A short description of a JSON value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Limits of a time series read by {@link Checker.boundedTimeSeries}. */
export interface SeriesLimits {
  /** Most points accepted. */
  maxPoints: number;
  /** Earliest and latest time, s. */
  seconds: readonly [number, number];
}

/** The range of a value, in the unit `what` names (e.g. "a rain rate (mm/h)"). */
export interface ValueRange {
  min: number;
  max: number;
  what: string;
}
