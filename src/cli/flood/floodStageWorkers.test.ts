/**
 * The scenario flood stage on 1 and 2 row workers (Node worker threads, the WebAssembly kernel)
 * and on the JavaScript kernel: the same depths, frames, steps and volume account, bit for bit.
 * The tiny synthetic city of floodFrames.test.ts: a river held at a king tide over the banks, a
 * canal, land rising from 0.5 m, a 10-year storm.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL,
  kingTideWithStorm,
  riverBankCity,
  scenarioWith,
} from '../../../tests/fixtures/flood-city/syntheticCity.ts';
import { runScenario } from '../../scenario/pipeline.ts';
import { type CityFloodStageResult, createFloodStage } from '../../scenario/stages/floodStage.ts';
import { type FloodRunnerFactory, placedRunner } from '../../sim/flood/floodRun.ts';
import { nodeFloodRunner } from './threadedEngine.ts';

const city = riverBankCity();
const event = kingTideWithStorm(4 * 3600, 1800);

async function floodOn(runner: FloodRunnerFactory) {
  const stage = createFloodStage(city, { cellSizeMetres: CELL, event, runner });
  const run = await runScenario(scenarioWith([]), [stage]);
  return run.results.flood as CityFloodStageResult;
}

describe('the flood stage on row workers', () => {
  it('gives the same depths, frames, steps and volumes on 1 and 2 workers and on the JavaScript kernel', async () => {
    const one = await floodOn(nodeFloodRunner(1));
    const two = await floodOn(nodeFloodRunner(2));
    const js = await floodOn(placedRunner());
    expect([one.kernel, one.workers]).toEqual(['WebAssembly SIMD', 1]);
    expect([two.kernel, two.workers]).toEqual(['WebAssembly SIMD', 2]);
    expect([js.kernel, js.workers]).toEqual(['JavaScript', 1]);
    expect(Math.max(...one.maxDepthMetres)).toBeGreaterThan(0.1);
    for (const other of [two, js]) {
      expect(other.steps).toBe(one.steps);
      expect(other.maxDepthMetres).toEqual(one.maxDepthMetres);
      expect(other.depthFramesMetres).toEqual(one.depthFramesMetres);
      expect(other.kpis).toEqual(one.kpis);
      expect(other.volume.final).toBe(one.volume.final);
    }
    expect(one.volume.relativeError).toBeLessThan(1e-12);
  }, 120_000);
});
