import type { TimeSeries } from '../../core/timeSeries.ts';

/**
 * Design rainfall for Ho Chi Minh City from an intensity–duration–frequency (IDF) curve in the
 * form of the Vietnamese drainage standard TCVN 7957:2008 (Appendix B):
 *
 *   q = A (1 + C lg P) / (t + b)^n      [l/(s·ha)], t in minutes, P return period in years
 *
 * with the coefficients tabulated there for TP. Hồ Chí Minh (A = 11650, C = 0.58, b = 32,
 * n = 0.95). 1 l/(s·ha) = 0.36 mm/h. These coefficients are quoted from the standard's table as
 * we read it; planners should check them against their own copy before design use.
 */
export const HCMC_IDF = { a: 11650, c: 0.58, bMinutes: 32, n: 0.95 } as const;

const LITRES_PER_SECOND_HECTARE_TO_MM_PER_HOUR = 0.36;

/** Average rain intensity (mm/h) over a storm of `durationMinutes` with return period `returnPeriodYears`. */
export function idfIntensityMmPerHour(
  returnPeriodYears: number,
  durationMinutes: number,
  idf = HCMC_IDF,
): number {
  const q = (idf.a * (1 + idf.c * Math.log10(returnPeriodYears))) / (durationMinutes + idf.bMinutes) ** idf.n;
  return q * LITRES_PER_SECOND_HECTARE_TO_MM_PER_HOUR;
}

/** Total rain depth (mm) of the design storm: average intensity × duration. */
export function idfDepthMm(returnPeriodYears: number, durationMinutes: number, idf = HCMC_IDF): number {
  return (idfIntensityMmPerHour(returnPeriodYears, durationMinutes, idf) * durationMinutes) / 60;
}

/**
 * Design hyetograph by the alternating block method (Chow, Maidment & Mays 1988, §14.4):
 * block k holds the depth increment D(kΔt) − D((k−1)Δt) of the IDF curve; the largest block sits
 * at the centre and the others alternate right and left. Returned as a step series in mm/h
 * (`[seconds, intensity]` pairs at block starts and ends) whose integral equals the IDF depth.
 */
export function alternatingBlockHyetograph(
  returnPeriodYears: number,
  durationMinutes: number,
  blockMinutes = 10,
  idf = HCMC_IDF,
): TimeSeries {
  const blocks = Math.max(1, Math.round(durationMinutes / blockMinutes));
  const increments: number[] = [];
  let previous = 0;
  for (let k = 1; k <= blocks; k++) {
    const depth = idfDepthMm(returnPeriodYears, k * blockMinutes, idf);
    increments.push(depth - previous);
    previous = depth;
  }
  increments.sort((x, y) => y - x);
  const order = new Array<number>(blocks).fill(0);
  const centre = Math.floor((blocks - 1) / 2);
  increments.forEach((depth, rank) => {
    const offset = Math.ceil(rank / 2) * (rank % 2 === 1 ? 1 : -1);
    order[centre + offset] = depth;
  });
  const series: Array<[number, number]> = [];
  const blockSeconds = blockMinutes * 60;
  order.forEach((depthMm, k) => {
    const intensity = (depthMm * 60) / blockMinutes;
    // two points per block: a step function in a piecewise-linear series (1 ms ramps)
    series.push([k * blockSeconds + (k === 0 ? 0 : 0.001), intensity], [(k + 1) * blockSeconds, intensity]);
  });
  series.push([blocks * blockSeconds + 0.001, 0]);
  return series;
}
