import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import {
  alarmReached,
  depthOverWindowMm,
  hourlyMeansNewestFirst,
  nextHighTide,
  operationsAlerts,
  readAlarmLevelsMetres,
  readTideModel,
} from './operationsStatus.ts';

const at = (iso: string) => Date.parse(iso);
const obs = (iso: string, result: number, id = 0) => ({ id, phenomenonTimeMs: at(iso), result });
const PHU_AN = { I: 1.4, II: 1.5, III: 1.6 };

describe('hourlyMeansNewestFirst', () => {
  it('averages per clock hour, newest first, null for an empty hour, ignores the future', () => {
    const observations = [
      obs('2026-12-01T10:05:00Z', 10),
      obs('2026-12-01T10:20:00Z', 20),
      obs('2026-12-01T09:59:00Z', 30),
      obs('2026-12-01T07:00:00Z', 40),
      obs('2026-12-01T06:59:00Z', 99), // 5th hour back: outside 4 hours
      obs('2026-12-01T11:00:00Z', 99), // after now
    ];
    expect(hourlyMeansNewestFirst(observations, at('2026-12-01T10:30:00Z'), 4)).toEqual([15, 30, null, 40]);
  });
});

describe('depthOverWindowMm', () => {
  it('sums over (now − 3 h, now]', () => {
    const now = at('2026-12-01T15:00:00Z');
    const observations = [
      obs('2026-12-01T12:00:00Z', 100), // exactly 3 h before: excluded
      obs('2026-12-01T12:10:00Z', 20),
      obs('2026-12-01T15:00:00Z', 30),
      obs('2026-12-01T15:10:00Z', 100), // future
    ];
    expect(depthOverWindowMm(observations, now, 3 * 3_600_000)).toBe(50);
  });
});

describe('river alarms', () => {
  it('reaches the highest alarm level at or below the level', () => {
    expect(alarmReached(1.39, PHU_AN)).toBeUndefined();
    expect(alarmReached(1.4, PHU_AN)).toBe('I');
    expect(alarmReached(1.55, PHU_AN)).toBe('II');
    expect(alarmReached(1.72, { III: 1.6, I: 1.4, II: 1.5 })).toBe('III');
  });

  it('reads the alarm levels from the Datastream properties, or says what is wrong', () => {
    expect(readAlarmLevelsMetres({ alarmLevelsMetres: PHU_AN }, 'Datastreams(3)')).toEqual(PHU_AN);
    expect(() => readAlarmLevelsMetres({ alarmLevelsMetres: { I: '1.4' } }, 'Datastreams(3)')).toThrow(
      InputError,
    );
  });
});

describe('nextHighTide', () => {
  it('finds the next high of a pure 12-hour constituent', () => {
    // h = 0.1 + 1·cos(30°/h · τ), τ hours since 2000-01-01T00:00Z: highs of 1.1 m at 00:00 and 12:00 UTC every day.
    const model = readTideModel(
      {
        tideModel: {
          meanLevelMetres: 0.1,
          constituents: [{ name: 'S2', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
        },
      },
      'test',
    );
    const high = nextHighTide(model, at('2026-12-01T05:00:00Z'));
    expect(Math.abs((high?.atMs ?? 0) - at('2026-12-01T12:00:00Z'))).toBeLessThan(60_000);
    expect(high?.levelMetres).toBeCloseTo(1.1, 4);
    expect(() => readTideModel({ tideModel: { constituents: [] } }, 'test')).toThrow(/properties.tideModel/);
  });
});

describe('operationsAlerts', () => {
  it('raises AQI ≥ 151, river ≥ alarm I, rain ≥ 50 mm in 3 h, newest first', () => {
    const alerts = operationsAlerts({
      aqi: [
        { place: 'A', atMs: 1, index: 150 },
        { place: 'B', atMs: 2, index: 151 },
        { place: 'C', atMs: 9, index: undefined },
      ],
      river: [{ place: 'Phú An', atMs: 5, levelMetres: 1.52, alarmLevelsMetres: PHU_AN }],
      rain: [
        { place: 'Linh Trung', atMs: 3, depthLast3hMm: 49.9 },
        { place: 'Thảo Điền', atMs: 4, depthLast3hMm: 50 },
      ],
    });
    expect(alerts).toEqual([
      { kind: 'river', place: 'Phú An', atMs: 5, levelMetres: 1.52, alarm: 'II' },
      { kind: 'rain', place: 'Thảo Điền', atMs: 4, depthMm: 50 },
      { kind: 'aqi', place: 'B', atMs: 2, index: 151 },
    ]);
  });
});
