import { describe, expect, it } from 'vitest';
import { SensorStore } from '../sensorStore.ts';
import { SensorThingsService } from '../sensorThingsService.ts';
import {
  HEALTHY_AIR_QUANTITIES,
  healthyAirFeeds,
  parseHealthyAirCsv,
  REPLAY_CYCLE_SECONDS,
  sourceTimeOf,
} from './healthyAir.ts';
import { REPLAY_ACCELERATED_SECONDS, replayDataTime, sampleTimes } from './replayClock.ts';
import { nowcastTrigger } from '../nowcast.ts';
import { rainGaugeFeeds, REPLAY_STORM, syntheticRainMm } from './syntheticRain.ts';

const CSV = `date,Station_No,TSP,PM2.5,O3,CO,NO2,SO2,Temperature,Humidity
23-02-2021 21:00,1,32.9,15.6,55.4,1330.4,112.7,393,28.3,63.1
23-02-2021 22:00,1,30.9,14.5,,21093,112.3,377.5,28.3,63.7
23-02-2021 22:00,2,30.9,40,,900,50,,27,70`;

describe('HealthyAir replay', () => {
  it('reads local times (UTC+7), empty cells as absent, per station', () => {
    const records = parseHealthyAirCsv(CSV);
    // 23 Feb 2021 21:00 at UTC+7 is 14:00Z
    expect(records.firstEpochSeconds).toBe(Date.UTC(2021, 1, 23, 14) / 1000);
    expect(records.lastEpochSeconds).toBe(Date.UTC(2021, 1, 23, 15) / 1000);
    const second = records.byStation.get(1)!.get(records.lastEpochSeconds)!;
    expect(second['PM2.5']).toBe(14.5);
    expect(second.O3).toBeUndefined();
    expect(records.byStation.get(2)!.size).toBe(1);
  });

  it('plays source time shifted by whole 52-week cycles into the last 52 weeks of the record', () => {
    const last = Date.UTC(2022, 5, 21, 10) / 1000;
    const data = Date.UTC(2026, 11, 2, 8) / 1000;
    const source = sourceTimeOf(data, last);
    expect((data - source) % REPLAY_CYCLE_SECONDS).toBe(0);
    expect(source).toBeLessThanOrEqual(last);
    expect(source).toBeGreaterThan(last - REPLAY_CYCLE_SECONDS);
    expect(new Date(source * 1000).getUTCDay()).toBe(new Date(data * 1000).getUTCDay()); // same weekday
    expect(new Date(source * 1000).getUTCHours()).toBe(8);
  });

  it('does not play values outside the plausible range (the CO outlier of 21,093 µg/m³)', () => {
    const records = parseHealthyAirCsv(CSV);
    const [feed] = healthyAirFeeds([{ station_no: 1, location: 'VNU', lat: 10.87, lon: 106.8 }], records);
    const co = feed!.streams.find((s) => s.key === 'CO')!;
    const pm = feed!.streams.find((s) => s.key === 'PM2.5')!;
    const at = records.lastEpochSeconds + REPLAY_CYCLE_SECONDS;
    expect(co.valueAt(at)).toBeUndefined();
    expect(pm.valueAt(at)).toBe(14.5);
    expect(feed!.streams).toHaveLength(HEALTHY_AIR_QUANTITIES.length);
  });
});

describe('replay clock', () => {
  it('starts 6 h behind, runs at speed until it reaches the wall clock, then follows it', () => {
    const start = 1_000_000;
    expect(replayDataTime(start, start, 60)).toBe(start - REPLAY_ACCELERATED_SECONDS);
    expect(replayDataTime(start + 60, start, 60)).toBe(start - REPLAY_ACCELERATED_SECONDS + 3600);
    const caughtUp = REPLAY_ACCELERATED_SECONDS / 59; // data gains 59 s on the wall each second
    expect(replayDataTime(start + caughtUp + 10, start, 60)).toBe(start + caughtUp + 10);
  });

  it('samples on multiples of the step, after the last one stored', () => {
    expect(sampleTimes(600, 1200, 3000)).toEqual([1800, 2400, 3000]);
    expect(sampleTimes(600, 1300, 1700)).toEqual([]);
  });
});

describe('synthetic rain gauges', () => {
  it('is deterministic, never negative, and its storms have IDF-sized depths', () => {
    let wetDays = 0;
    let maxDepth3h = 0;
    let minDepth = 0;
    for (let day = 0; day < 365; day++) {
      const start = Date.UTC(2026, 0, 1) / 1000 + day * 86400;
      const depths = Array.from({ length: 144 }, (_, i) => syntheticRainMm(0, start + i * 600));
      minDepth = Math.min(minDepth, ...depths);
      if (depths.some((d) => d > 0)) wetDays++;
      for (let i = 0; i + 18 <= depths.length; i++)
        maxDepth3h = Math.max(
          maxDepth3h,
          depths.slice(i, i + 18).reduce((a, b) => a + b, 0),
        );
      expect(syntheticRainMm(0, start + 15 * 3600)).toBe(syntheticRainMm(0, start + 15 * 3600));
    }
    expect(minDepth).toBe(0);
    // about a third of the 214 wet-season days and a few dry-season days
    expect(wetDays).toBeGreaterThan(40);
    expect(wetDays).toBeLessThan(120);
    // some storms cross the 50 mm in 3 h alert; none exceed the 5-year 3-hour IDF depth × 1.2
    expect(maxDepth3h).toBeGreaterThan(50);
    expect(maxDepth3h).toBeLessThan(160);
  });

  it("puts npm start's storm where it is asked: over the nowcast's rain trigger at every gauge", () => {
    // 10 Jan 2026 09:00 local (dry season; drawn storms start at 13–18 h): no rain of its own.
    const start = Date.UTC(2026, 0, 10, 2) / 1000;
    const window = Array.from({ length: 36 }, (_, i) => start - 3 * 3600 + i * 600);
    for (let gauge = 0; gauge < 3; gauge++) {
      expect(window.map((t) => syntheticRainMm(gauge, t)).every((d) => d === 0)).toBe(true);
      const depths = window.map((t) => syntheticRainMm(gauge, t, start));
      // Dry before the start, 12 blocks of 10 minutes of rain (2 h), dry after.
      expect(depths.slice(0, 18).every((d) => d === 0)).toBe(true);
      expect(depths.slice(18, 30).every((d) => d > 0)).toBe(true);
      expect(depths.slice(30).every((d) => d === 0)).toBe(true);
      // The 5-year 2-hour IDF depth (99.7 mm) scaled by the gauge's factor 0.6–1.2, rounded per block.
      const total = depths.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0.6 * 99.7 - 0.6);
      expect(total).toBeLessThan(1.2 * 99.7 + 0.6);
    }
    expect(REPLAY_STORM).toEqual({ returnPeriodYears: 5, durationMinutes: 120 });
    const gauges = [0, 1, 2].map((gauge) => ({
      name: `gauge ${gauge}`,
      observations: window.map((t, i) => ({
        id: i,
        phenomenonTimeMs: t * 1000,
        result: syntheticRainMm(gauge, t, start),
      })),
    }));
    const inputs = {
      river: {
        observations: [],
        alarmLevelsMetres: { I: 1.4 },
        tideModel: { meanLevelMetres: 0, constituents: [] },
      },
      rainGauges: gauges,
    };
    expect(nowcastTrigger(inputs, (start - 600) * 1000).holds).toBe(false);
    const during = nowcastTrigger(inputs, (start + 2 * 3600) * 1000);
    expect(during.reasons).toEqual(['rain']);
    expect(during.rainLast3hMm).toBeGreaterThanOrEqual(50);
  });

  it('creates Things labelled synthetic with their Datastreams through the service', () => {
    const service = new SensorThingsService(new SensorStore(), 'http://test');
    for (const feed of rainGaugeFeeds()) service.createEntity('Things', feed.thing);
    const things = service.store.all('Things');
    expect(things).toHaveLength(3);
    for (const thing of things) {
      expect((thing.props.properties as { source: string }).source).toBe('synthetic');
      expect(service.store.navigate(thing, 'Datastreams')).toHaveLength(1);
    }
  });
});
