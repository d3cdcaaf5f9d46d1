import { describe, expect, it } from 'vitest';
import type { NumericObservation } from './sensorThingsClient.ts';
import { timeSeriesThresholds, timeSeriesUnit, timeSeriesValues } from './timeSeries.ts';

const MIN = 60_000;
const obs = (minutes: number, result: number, id = minutes): NumericObservation => ({
  id,
  phenomenonTimeMs: Date.UTC(2026, 10, 25, 7) + minutes * MIN,
  result,
});

describe('time-series thresholds', () => {
  it('draws the VN_AQI class bounds as the pollutant’s hourly concentrations', () => {
    // Table 2, PM2.5: I = 50, 100, 150, 200, 300 at 25, 50, 80, 150, 250 µg/m³
    expect(timeSeriesThresholds({ kind: 'air', pollutant: 'PM2.5' })).toEqual({
      'AQI 50': 25,
      'AQI 100': 50,
      'AQI 150': 80,
      'AQI 200': 150,
      'AQI 300': 250,
    });
    // NO2 1-h: 100, 200, 700, 1200, 2350 µg/m³
    expect(Object.values(timeSeriesThresholds({ kind: 'air', pollutant: 'NO2' }))).toEqual([
      100, 200, 700, 1200, 2350,
    ]);
    expect(timeSeriesUnit({ kind: 'air', pollutant: 'NO2' })).toBe('µg/m³');
  });

  it('draws the river alarm levels and the rain alert', () => {
    const alarms = { I: 1.4, II: 1.5, III: 1.6 };
    expect(timeSeriesThresholds({ kind: 'river', alarmLevelsMetres: alarms })).toEqual(alarms);
    expect(timeSeriesThresholds({ kind: 'rain' })).toEqual({ '50 mm/3 h': 50 });
    expect(timeSeriesUnit({ kind: 'rain' })).toBe('mm / 3 h');
  });
});

describe('time-series values', () => {
  it('keeps levels as observed', () => {
    expect(timeSeriesValues({ kind: 'river' }, [obs(0, 1.2), obs(10, 1.25)])).toEqual([1.2, 1.25]);
  });

  it('gives rain as the depth over the 3 h ending at each time', () => {
    // 10 mm at 0 min, 20 at 60, 30 at 170, 5 at 180: at 180 the window (0, 180] leaves out the
    // 10 mm at 0 → 20 + 30 + 5 = 55; at 170 all of 10 + 20 + 30 = 60.
    const rain = [obs(0, 10), obs(60, 20), obs(170, 30), obs(180, 5)];
    expect(timeSeriesValues({ kind: 'rain' }, rain)).toEqual([10, 30, 60, 55]);
  });
});
