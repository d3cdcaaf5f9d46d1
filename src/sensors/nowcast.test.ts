import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import type { TideModel } from '../sim/hydrology/tideHarmonics.ts';
import {
  type NowcastObservations,
  nowcastDatastreams,
  nowcastEvent,
  nowcastRunTimes,
  nowcastTrigger,
} from './nowcast.ts';

const MIN = 60_000;
/** 2026-12-01T00:00Z: a whole number of days after the tide epoch 2000-01-01T00:00Z, so τ ≡ 0 (mod 12 h). */
const T0 = Date.parse('2026-12-01T00:00:00Z');
/** h = 0.1 + cos(30°·τ): a pure 12-hour tide, 1.1 m at T0, 0.966 m one hour either side, 0.6 m at ±2 h, 0.1 m at ±3 h. */
const TIDE: TideModel = {
  meanLevelMetres: 0.1,
  constituents: [{ name: 'T12', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
};
const ALARMS = { I: 1.4, II: 1.5, III: 1.6 };
const obs = (minutes: number, result: number, id = 0) => ({
  id,
  phenomenonTimeMs: T0 + minutes * MIN,
  result,
});

function inputs(riverLevel: number): NowcastObservations {
  return {
    river: {
      // the latest at or before T0 is at T0 − 1 h; the one after T0 is in the future of --at
      observations: [obs(-120, 0.2), obs(-60, riverLevel), obs(10, 3)],
      alarmLevelsMetres: ALARMS,
      tideModel: TIDE,
    },
    rainGauges: [
      { name: 'A', observations: [obs(-70, 9), obs(-50, 3), obs(-20, 4), obs(0, 5), obs(10, 40)] },
      { name: 'B', observations: [obs(-30, 6)] },
      { name: 'C', observations: [obs(-120, 10)] },
    ],
  };
}

describe('nowcastTrigger', () => {
  it('holds from alarm I (≥ 1.40 m) on the latest level at or before the time', () => {
    // level 1.466025 at T0 − 1 h reaches I (1.40) but not II (1.50); rain over (T0 − 3 h, T0]:
    // A 9 + 3 + 4 + 5 = 21 mm, B 6, C 10 → the largest is A's 21 mm, below 50
    const t = nowcastTrigger(inputs(1.466025), T0);
    expect(t).toEqual({
      holds: true,
      riverLevelMetres: 1.466025,
      riverAlarm: 'I',
      rainLast3hMm: 21,
      rainGauge: 'A',
      reasons: ['river'],
    });
    expect(nowcastTrigger(inputs(1.399), T0).holds).toBe(false);
    expect(nowcastTrigger(inputs(1.4), T0).reasons).toEqual(['river']);
  });

  it('holds from 50 mm in 3 h at one gauge (≥), whatever the river', () => {
    const wet = inputs(0.5);
    wet.river.observations = wet.river.observations.slice(0, 2); // the river stays at 0.5 m
    // A at T0 + 10 min: (T0 − 170 min, T0 + 10 min] holds 9 + 3 + 4 + 5 + 40 = 61 mm
    expect(nowcastTrigger(wet, T0 + 10 * MIN)).toMatchObject({
      holds: true,
      rainLast3hMm: 61,
      reasons: ['rain'],
    });
    wet.rainGauges = [{ name: 'D', observations: [obs(-170, 20), obs(-10, 30)] }];
    expect(nowcastTrigger(wet, T0)).toMatchObject({ holds: true, rainLast3hMm: 50, reasons: ['rain'] });
    // 10 minutes later the 20 mm at T0 − 170 min leaves the window: 30 mm
    expect(nowcastTrigger(wet, T0 + 10 * MIN)).toMatchObject({ holds: false, rainLast3hMm: 30 });
  });
});

describe('nowcastRunTimes', () => {
  it('runs at the crossing, then every 30 min of data time while the trigger holds', () => {
    const held = [false, true, true, true, true, true, true, false, true, true];
    const samples = held.map((holds, i) => ({ atMs: i * 10 * MIN, holds }));
    // crossing at 10 → run; due 40 → run; 70 stops; 80 crossing → run; 90 < 110 due
    expect(nowcastRunTimes(samples).map((t) => t / MIN)).toEqual([10, 40, 80]);
  });

  it('keeps the 30-min grid of its first run across irregular samples', () => {
    const samples = [0, 45, 50, 95].map((m) => ({ atMs: m * MIN, holds: true }));
    // 0 → run, due 30; 45 ≥ 30 → run, due 60; 50 < 60; 95 ≥ 60 → run, due 120
    expect(nowcastRunTimes(samples).map((t) => t / MIN)).toEqual([0, 45, 95]);
    expect(nowcastRunTimes([])).toEqual([]);
  });
});

describe('nowcastEvent', () => {
  it('offsets the tide prediction to the latest observed level and decays the last hour of rain', () => {
    // observed 1.466025 at T0 − 1 h where the model says 0.1 + cos(−30°) = 0.966025 → offset 0.5 m;
    // at T0 + 0, 1, 2, 3 h: 1.1, 0.966, 0.6, 0.1 (+ 0.5)
    const e = nowcastEvent(inputs(1.466025), T0, 3, 3600);
    expect(e.tideOffsetMetres).toBeCloseTo(0.5, 6);
    expect(e.riverLevelMetres).toEqual([1.6, 1.466, 1.1, 0.6]);
    // last hour (T0 − 60 min, T0]: A 3 + 4 + 5 = 12 mm/h, B 6 mm/h, C none → mean of 2 = 9 mm/h,
    // then 9·e^(−t/1 h): 9, 3.311, 1.218, 0.448 → to 0.01 mm/h
    expect(e.rainGaugesReporting).toBe(2);
    expect(e.rainRateMmPerHour).toBe(9);
    expect(e.rainMillimetresPerHour).toEqual([9, 3.31, 1.22, 0.45]);
    expect(e.dataTimeMs).toBe(T0); // A's 5 mm at T0 is the latest datum used
    expect(e.observedLevelTimeMs).toBe(T0 - 60 * MIN);
  });

  it('rains 0 when no gauge reported in the last hour, and needs a river level', () => {
    const dry = inputs(1);
    dry.rainGauges = [{ name: 'C', observations: [obs(-120, 10)] }];
    const e = nowcastEvent(dry, T0, 1, 1800);
    expect(e.rainMillimetresPerHour).toEqual([0, 0, 0]);
    expect(e.riverLevelMetres).toHaveLength(3);
    expect(() => nowcastEvent(inputs(1), T0 - 3 * 60 * MIN)).toThrow(InputError);
  });
});

describe('nowcastDatastreams', () => {
  it('takes the river level by its alarm levels and tide model, the gauges by millimetres', () => {
    const river = {
      id: 4,
      name: 'level',
      unitSymbol: 'm',
      properties: { alarmLevelsMetres: ALARMS, tideModel: TIDE },
    };
    const rain = { id: 2, name: 'rain', unitSymbol: 'mm', properties: {} };
    const pm = { id: 1, name: 'PM2.5', unitSymbol: 'µg/m³', properties: {} };
    expect(nowcastDatastreams([pm, river, rain], 'store')).toEqual({ river, rain: [rain] });
    expect(() => nowcastDatastreams([pm, rain], 'store')).toThrow(/no river level Datastream/);
  });
});
