/**
 * The flood stage's depth frames (the water rising and receding) on the tiny synthetic city of
 * cityBehaviour.test.ts: a river held at the tide on the west, a canal, land rising from 0.5 m;
 * a 6-hour king tide over the banks with a 10-year storm.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL,
  kingTideWithStorm,
  riverBankCity,
  scenarioWith,
} from '../../../tests/fixtures/flood-city/syntheticCity.ts';
import { valueAt } from '../../core/timeSeries.ts';
import { type FloodRunner, placedRunner } from '../../sim/flood/floodRun.ts';
import { CONTROL_TIME } from '../../sim/flood/floodState.ts';
import { runScenario } from '../pipeline.ts';
import {
  CONTROL_INTERVAL_SECONDS,
  type CityFloodStageResult,
  createFloodStage,
  FRAME_BUDGET_BYTES,
  FRAME_INTERVAL_SECONDS,
  frameIntervalSeconds,
} from './floodStage.ts';

const ROWS = 20;
const COLUMNS = 40;
const city = riverBankCity();
const DURATION = 6 * 3600;
const event = kingTideWithStorm(DURATION, 3600);

describe('flood stage depth frames', () => {
  it('are taken every frame interval from 0 to the end, the last is the final depth, none exceeds the maximum', async () => {
    let engine: FloodRunner | undefined;
    const runner = (input: Parameters<ReturnType<typeof placedRunner>>[0]) => {
      engine = placedRunner()(input);
      return engine;
    };
    const stage = createFloodStage(city, { cellSizeMetres: CELL, event, runner });
    const run = await runScenario(scenarioWith([]), [stage]);
    const result = run.results.flood as CityFloodStageResult;

    // times: 0, every 30 min, the end; monotone; tide at each time
    const times = result.frameTimesSeconds;
    expect(times).toEqual(Array.from({ length: 13 }, (_, i) => i * FRAME_INTERVAL_SECONDS));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    expect(result.frameTideLevelsMetres).toEqual(times.map((t) => valueAt(event.tideLevelMetres, t)));
    expect(result.depthFramesMetres).toHaveLength(times.length);

    // the last frame is the final depth state (held river cells 0)
    const state = engine!.state;
    expect(state.control[CONTROL_TIME]).toBe(DURATION);
    const last = result.depthFramesMetres.at(-1)!;
    expect(last).toHaveLength(COLUMNS * ROWS);
    const final = Float32Array.from(state.depth, (h, k) => (state.held[k] ? 0 : h));
    expect(last).toEqual(final);

    // the maximum over the frames never exceeds the maximum depth grid; held cells stay 0
    let wettest = 0;
    for (let k = 0; k < last.length; k++) {
      let most = 0;
      for (const frame of result.depthFramesMetres) most = Math.max(most, frame[k]!);
      expect(most).toBeLessThanOrEqual(result.maxDepthMetres[k]!);
      if (state.held[k]) expect(most).toBe(0);
      wettest = Math.max(wettest, most);
    }
    // the water rises over the banks and recedes: the first frame is dry land, the peak is wet
    const volume = (frame: Float32Array) => frame.reduce((sum, h) => sum + h, 0);
    const volumes = result.depthFramesMetres.map(volume);
    expect(volumes[0]).toBe(0);
    expect(wettest).toBeGreaterThan(0.1);
    expect(Math.max(...volumes)).toBeGreaterThan(volumes.at(-1)!);
  });

  it('keeps 30-min frames at 80 m and 40 m and a longer interval at 20 m, within the budget', () => {
    const cells = { 80: 252 * 221, 40: 504 * 441, 20: 1007 * 881 };
    expect(frameIntervalSeconds(cells[80], 24 * 3600)).toBe(1800);
    expect(frameIntervalSeconds(cells[40], 24 * 3600)).toBe(1800);
    expect(frameIntervalSeconds(cells[20], 24 * 3600)).toBe(3600);
    expect(frameIntervalSeconds(cells[20], 48 * 3600)).toBe(7200);
    for (const n of Object.values(cells))
      for (const hours of [1, 12, 24, 48]) {
        const interval = frameIntervalSeconds(n, hours * 3600);
        expect(interval % CONTROL_INTERVAL_SECONDS).toBe(0); // frames fall on control pauses
        expect((Math.ceil((hours * 3600) / interval) + 1) * 4 * n).toBeLessThanOrEqual(FRAME_BUDGET_BYTES);
      }
    // an event shorter than the interval keeps its start and end
    expect(frameIntervalSeconds(cells[80], 600)).toBe(1800);
  });
});
