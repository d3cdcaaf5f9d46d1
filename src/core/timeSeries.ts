/** A time series `[[seconds, value], ...]`, sorted by time. */
export type TimeSeries = ReadonlyArray<readonly [number, number]>;

/**
 * Value of a piecewise-linear series at `timeSeconds`: linear between points, held constant
 * before the first and after the last point (the `twin` file-format rule).
 */
export function valueAt(series: TimeSeries, timeSeconds: number): number {
  const n = series.length;
  if (n === 0) return 0;
  const first = series[0]!;
  if (timeSeconds <= first[0]) return first[1];
  for (let i = 1; i < n; i++) {
    const b = series[i]!;
    if (timeSeconds <= b[0]) {
      const a = series[i - 1]!;
      const span = b[0] - a[0];
      return span > 0 ? a[1] + ((b[1] - a[1]) * (timeSeconds - a[0])) / span : b[1];
    }
  }
  return series[n - 1]![1];
}

/** Integral of the series from `fromSeconds` to `toSeconds` (value units × seconds), exact for piecewise-linear data. */
export function integrate(series: TimeSeries, fromSeconds: number, toSeconds: number): number {
  if (toSeconds <= fromSeconds || series.length === 0) return 0;
  const breaks = [
    fromSeconds,
    ...series.map((p) => p[0]).filter((t) => t > fromSeconds && t < toSeconds),
    toSeconds,
  ];
  let sum = 0;
  for (let i = 1; i < breaks.length; i++) {
    const t0 = breaks[i - 1]!;
    const t1 = breaks[i]!;
    sum += 0.5 * (valueAt(series, t0) + valueAt(series, t1)) * (t1 - t0);
  }
  return sum;
}
