import { describe, expect, it } from 'vitest';
import { integrate } from '../../core/timeSeries.ts';
import { alternatingBlockHyetograph, idfDepthMm, idfIntensityMmPerHour } from './designStorm.ts';
import { kingTideLevels } from './tide.ts';

describe('design storm (TCVN 7957:2008 IDF, alternating blocks)', () => {
  it('matches a worked example for P = 2 years, t = 180 min', () => {
    // Worked by hand from TCVN 7957:2008 Appendix B, HCMC row: 1 + 0.58 × 0.30103 = 1.17460;
    // 212^0.95 = e^(0.95 × 5.35659) = 162.21; q = 11650 × 1.17460 / 162.21 = 84.36 l/(s·ha)
    // = 30.37 mm/h, i.e. 91.1 mm in 3 hours.
    expect(idfIntensityMmPerHour(2, 180)).toBeCloseTo(30.37, 2);
    expect(idfDepthMm(2, 180)).toBeCloseTo(91.1, 1);
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
