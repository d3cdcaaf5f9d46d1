import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPLAY_ACCELERATED_SECONDS, REPLAY_HISTORY_SECONDS } from '../../sensors/replay/replayClock.ts';
import { SensorStore } from '../../sensors/sensorStore.ts';
import { SensorThingsService } from '../../sensors/sensorThingsService.ts';
import { type TideModel, tideExtremes } from '../../sim/hydrology/tideHarmonics.ts';
import { replayStormStart, startReplay } from './replayRunner.ts';

const fixture = mkdtempSync(join(tmpdir(), 'twin-replay-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

/** A small stand-in for ../shared/data/sensors: one station, two rows, two years of tide extremes. */
function writeFixture(): void {
  writeFileSync(
    join(fixture, 'stations.json'),
    JSON.stringify({
      stations: [{ station_no: 1, location: 'VNU', location_vi: 'ĐHQG', lat: 10.87, lon: 106.796 }],
    }),
  );
  writeFileSync(
    join(fixture, 'healthyair-hcmc-hourly.csv'),
    'date,Station_No,TSP,PM2.5,O3,CO,NO2,SO2,Temperature,Humidity\n23-02-2021 21:00,1,1,15,50,1300,100,300,28,63\n',
  );
  const model: TideModel = {
    meanLevelMetres: 0,
    constituents: [
      { name: 'M2', speedDegPerHour: 28.9841042, amplitudeMetres: 0.9, phaseDegrees: 40 },
      { name: 'K1', speedDegPerHour: 15.0410686, amplitudeMetres: 0.6, phaseDegrees: 300 },
    ],
  };
  const start = Date.UTC(2024, 8, 1) / 1000;
  const rows = tideExtremes(model, start, start + 730 * 86400, 600).map(
    (e) =>
      `${new Date(Math.round(e.epochSeconds / 60) * 60_000).toISOString()},${e.levelMetres.toFixed(3)},${e.kind}`,
  );
  writeFileSync(join(fixture, 'phuan-tide-observed.csv'), `time,level_m,kind\n${rows.join('\n')}\n`);
}

describe('replay runner', () => {
  it("starts --storm-now's storm 15–25 minutes into the accelerated window, on a 10-minute step", () => {
    for (const start of [1_764_000_000, 1_764_000_123.4, 1_764_000_599]) {
      const storm = replayStormStart(start);
      expect(storm % 600).toBe(0);
      expect(storm - (start - REPLAY_ACCELERATED_SECONDS)).toBeGreaterThanOrEqual(900);
      expect(storm - (start - REPLAY_ACCELERATED_SECONDS)).toBeLessThan(1500);
    }
  });

  it('without the shared data: a warning, and nothing is created', async () => {
    const service = new SensorThingsService(new SensorStore(), 'http://test');
    const logged: string[] = [];
    const replay = await startReplay(service, 60, (m) => logged.push(m), join(fixture, 'missing'));
    replay.stop();
    expect(logged.join('\n')).toContain('warning');
    expect(service.store.count('Things')).toBe(0);
  });

  it('creates labelled Things, fills 7 days of history, and a second start adds no duplicates', async () => {
    writeFixture();
    const service = new SensorThingsService(new SensorStore(), 'http://test');
    const logged: string[] = [];
    const first = await startReplay(service, 60, (m) => logged.push(m), fixture);
    first.stop();
    const things = service.store.all('Things');
    expect(things.map((t) => (t.props.properties as { source: string }).source).sort()).toEqual([
      'replay',
      'synthetic',
      'synthetic',
      'synthetic',
      'synthetic',
    ]);
    const level = service.store.all('Datastreams').find((d) => d.props.name === 'Phú An water level')!;
    const properties = level.props.properties as {
      alarmLevelsMetres: Record<string, number>;
      tideModel: { rmsErrorMetres: number; maxErrorMetres: number };
    };
    expect(properties.alarmLevelsMetres).toEqual({ I: 1.4, II: 1.5, III: 1.6 });
    // the fixture's extremes come from an M2 + K1 tide, so the fit reproduces them closely
    expect(properties.tideModel.rmsErrorMetres).toBeLessThan(0.01);
    expect(logged.join('\n')).toMatch(/error RMS 0\.0\d\d m/);
    // one level every 10 minutes from 7 days ago to 6 h ago (± the samples at the two ends)
    const levels = service.store.navigate(level, 'Observations').length;
    const expected = (REPLAY_HISTORY_SECONDS - REPLAY_ACCELERATED_SECONDS) / 600;
    expect(Math.abs(levels - expected)).toBeLessThanOrEqual(1);
    const observations = service.store.count('Observations');
    const second = await startReplay(service, 60, () => {}, fixture);
    second.stop();
    expect(service.store.count('Things')).toBe(5);
    expect(service.store.count('Observations')).toBe(observations);
  });
});
