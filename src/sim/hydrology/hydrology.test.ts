import { describe, expect, it } from 'vitest';
import { integrate } from '../../core/timeSeries.ts';
import { alternatingBlockHyetograph, idfDepthMm, idfIntensityMmPerHour } from './designStorm.ts';
import { kingTideLevels } from './tide.ts';

describe('design storm (TCVN 7957:2008 IDF, alternating blocks)', () => {
  it('evaluates the IDF formula by hand for P = 2 years, t = 180 min', () => {
    // q = 11650 (1 + 0.58 lg 2) / (180 + 32)^0.95 l/(s·ha); × 0.36 mm/h
    const q = (11650 * (1 + 0.58 * Math.log10(2))) / 212 ** 0.95;
    expect(idfIntensityMmPerHour(2, 180)).toBeCloseTo(q * 0.36, 10);
    expect(idfIntensityMmPerHour(2, 180)).toBeGreaterThan(25);
    expect(idfIntensityMmPerHour(2, 180)).toBeLessThan(35);
  });

  it('intensity falls with duration and rises with return period; depth rises with duration', () => {
    expect(idfIntensityMmPerHour(10, 30)).toBeGreaterThan(idfIntensityMmPerHour(10, 60));
    expect(idfIntensityMmPerHour(100, 60)).toBeGreaterThan(idfIntensityMmPerHour(10, 60));
    expect(idfDepthMm(10, 180)).toBeGreaterThan(idfDepthMm(10, 60));
  });

  it('the hyetograph holds exactly the IDF depth, peaks in the middle block', () => {
    const series = alternatingBlockHyetograph(100, 180, 10);
    const depthMm = integrate(series, 0, 4 * 3600) / 3600;
    expect(depthMm).toBeCloseTo(idfDepthMm(100, 180), 3);
    const peak = series.reduce((best, p) => (p[1] > best[1] ? p : best));
    expect(peak[0]).toBeGreaterThan(80 * 60);
    expect(peak[0]).toBeLessThanOrEqual(100 * 60);
    // the peak block carries the 10-minute IDF depth
    expect((peak[1] * 10) / 60).toBeCloseTo(idfDepthMm(100, 10), 6);
  });
});

describe('king tide', () => {
  it('reaches the requested peak and range, within a day', () => {
    const levels = kingTideLevels(1.77, 24, 3.5);
    const values = levels.map((p) => p[1]);
    expect(Math.max(...values)).toBeCloseTo(1.77, 10);
    expect(Math.max(...values) - Math.min(...values)).toBeCloseTo(3.5, 10);
    expect(levels.at(-1)?.[0]).toBe(24 * 3600);
  });
});
