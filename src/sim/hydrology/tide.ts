import type { TimeSeries } from '../../core/timeSeries.ts';

/**
 * A synthetic river water level for the Saigon and Đồng Nai rivers at Thủ Đức: a mixed,
 * mainly semi-diurnal tide (M2 12.42 h and K1 23.93 h constituents, amplitude ratio 0.4),
 * scaled so that the highest water in the window equals `peakLevelMetres` above mean sea
 * level and the lowest is `peakLevelMetres − rangeMetres`. Phú An gauge king tides reach
 * about 1.7–1.8 m (2019); the spring range there is about 3.5 m (assumptions, documented).
 */
export function kingTideLevels(
  peakLevelMetres: number,
  durationHours: number,
  rangeMetres = 3.5,
  stepMinutes = 15,
): TimeSeries {
  const m2 = (2 * Math.PI) / (12.42 * 3600);
  const k1 = (2 * Math.PI) / (23.93 * 3600);
  const steps = Math.max(1, Math.round((durationHours * 60) / stepMinutes));
  const raw: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i * stepMinutes * 60;
    // phases chosen so the highest high water falls near the middle of a 24 h window
    raw.push(Math.cos(m2 * (t - 12 * 3600)) + 0.4 * Math.cos(k1 * (t - 12 * 3600)));
  }
  const max = Math.max(...raw);
  const min = Math.min(...raw);
  const scale = rangeMetres / (max - min || 1);
  return raw.map((v, i) => [i * stepMinutes * 60, peakLevelMetres - (max - v) * scale] as [number, number]);
}
