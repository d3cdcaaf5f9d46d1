import { describe, expect, it } from 'vitest';
import {
  fitTideModel,
  fitTideToExtremes,
  type TideModel,
  tideExtremes,
  tideLevelAt,
} from './tideHarmonics.ts';

/** A mixed tide like the Saigon River's, with known constituents. */
const KNOWN: TideModel = {
  meanLevelMetres: 0.12,
  constituents: [
    { name: 'M2', speedDegPerHour: 28.9841042, amplitudeMetres: 0.9, phaseDegrees: 40 },
    { name: 'S2', speedDegPerHour: 30.0, amplitudeMetres: 0.3, phaseDegrees: 100 },
    { name: 'N2', speedDegPerHour: 28.4397295, amplitudeMetres: 0.14, phaseDegrees: 10 },
    { name: 'K1', speedDegPerHour: 15.0410686, amplitudeMetres: 0.62, phaseDegrees: 300 },
    { name: 'O1', speedDegPerHour: 13.9430356, amplitudeMetres: 0.5, phaseDegrees: 250 },
    { name: 'M4', speedDegPerHour: 57.9682084, amplitudeMetres: 0.05, phaseDegrees: 200 },
  ],
};
const NAMES = KNOWN.constituents.map((c) => c.name);
const START = Date.UTC(2025, 0, 1) / 1000;

describe('harmonic tide fit', () => {
  it('h(t) = mean + Σ A cos(ωτ − g): hand-worked value at the epoch τ = 0', () => {
    // at 2000-01-01T00:00Z every term is A cos(−g)
    const expected =
      0.12 +
      KNOWN.constituents.reduce(
        (sum, c) => sum + c.amplitudeMetres * Math.cos((-c.phaseDegrees * Math.PI) / 180),
        0,
      );
    expect(tideLevelAt(KNOWN, Date.UTC(2000, 0, 1) / 1000)).toBeCloseTo(expected, 12);
  });

  it('recovers the amplitudes and phases of a synthetic hourly series within 1 mm', () => {
    const levels = Array.from({ length: 60 * 24 }, (_, i) => {
      const epochSeconds = START + i * 3600;
      return { epochSeconds, levelMetres: tideLevelAt(KNOWN, epochSeconds) };
    });
    const fitted = fitTideModel({ levels, constituents: NAMES });
    expect(Math.abs(fitted.meanLevelMetres - 0.12)).toBeLessThan(0.001);
    fitted.constituents.forEach((c, k) => {
      const known = KNOWN.constituents[k]!;
      expect(Math.abs(c.amplitudeMetres - known.amplitudeMetres)).toBeLessThan(0.001);
      const phaseError = Math.abs(((c.phaseDegrees - known.phaseDegrees + 540) % 360) - 180);
      expect(phaseError).toBeLessThan(0.1);
    });
  });

  it('recovers the constituents from highs and lows only (levels plus zero slope there) within 1 mm', () => {
    const extremes = tideExtremes(KNOWN, START, START + 365 * 86400, 300);
    expect(extremes.length).toBeGreaterThan(1000); // about 4 a day less the diurnal inequality
    const fit = fitTideToExtremes(extremes, NAMES);
    expect(fit.rmsErrorMetres).toBeLessThan(0.001);
    fit.model.constituents.forEach((c, k) => {
      expect(Math.abs(c.amplitudeMetres - KNOWN.constituents[k]!.amplitudeMetres)).toBeLessThan(0.001);
    });
  });

  it('finds a pure M2 tide’s highs 12.42 h apart at +A and lows at −A', () => {
    const m2: TideModel = {
      meanLevelMetres: 0,
      constituents: [{ name: 'M2', speedDegPerHour: 28.9841042, amplitudeMetres: 1, phaseDegrees: 0 }],
    };
    const found = tideExtremes(m2, START, START + 3 * 86400, 600);
    const peaks = found.filter((e) => e.kind === 'peak');
    expect(peaks.length).toBeGreaterThanOrEqual(5);
    for (const e of found) expect(Math.abs(e.levelMetres)).toBeCloseTo(1, 4);
    const period = (peaks[1]!.epochSeconds - peaks[0]!.epochSeconds) / 3600;
    expect(period).toBeCloseTo(360 / 28.9841042, 2);
  });
});
