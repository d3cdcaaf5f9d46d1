import { isCancelled } from '../../../core/cancel.ts';
import { CancelledError } from '../../../core/errors.ts';
import type { Stage } from '../../../scenario/pipeline.ts';
import type { Scenario } from '../../../scenario/scenario.ts';
import type { FloodStageResult, LanduseStageResult } from '../../../scenario/stageResults.ts';
import { FloodSimulation } from '../floodSimulation.ts';
import type { FloodVolume } from '../floodVolume.ts';
import type { CityFloodEvent } from './cityEvent.ts';
import { type CityFloodData, cityFloodModel } from './cityFloodModel.ts';
import { type CityFloodTargets, cityFloodTargets } from './cityTargets.ts';
import { cityFloodMeasures } from './floodKpis.ts';

/**
 * Default cell of the headless stage, m: 80 m runs the whole city through the 24-hour 100-year
 * storm + king tide in about a minute on the 2-core build machine (docs/flood-city.md); 20 m is
 * the full terrain resolution.
 */
export const STAGE_CELL_SIZE_METRES = 80;

/** Options of the flood stage. */
export interface FloodStageOptions {
  /** Flood grid cell, m (20, 40 or 80; default 80). */
  cellSizeMetres?: number;
  /** Run this event instead of the scenario's (scenarioEvent). */
  event?: CityFloodEvent;
}

/** The stage's result: the pipeline contract plus the volume account of the run. */
export interface CityFloodStageResult extends FloodStageResult {
  volume: FloodVolume;
  /** Engine time steps taken. */
  steps: number;
}

/** The edits the flood result depends on (the stage's cache key). */
export function floodInputs(scenario: Scenario): unknown {
  return scenario.edits.filter((e) => e.type === 'dike' || e.type === 'pond' || e.type === 'stormEvent');
}

/**
 * The flood stage of the scenario pipeline (land use → flood → traffic): builds the city model
 * (cityFloodModel) with the land-use stage's imperviousness when it ran, runs the engine on this
 * thread, and measures the KPIs (cityFloodMeasures). Progress is reported 100 times per run and
 * cancel is polled as often.
 */
export function createFloodStage(
  files: CityFloodData,
  options: FloodStageOptions = {},
): Stage<CityFloodStageResult> {
  const cellSizeMetres = options.cellSizeMetres ?? STAGE_CELL_SIZE_METRES;
  const targetsCache = new Map<unknown, CityFloodTargets>();
  return {
    id: 'flood',
    needs: ['landuse'],
    inputs: (scenario) => ({ edits: floodInputs(scenario), cellSizeMetres, event: options.event ?? null }),
    async run(context) {
      const upstream = context.upstream.landuse as LanduseStageResult | undefined;
      const city = cityFloodModel(files, context.scenario, {
        cellSizeMetres,
        ...(upstream ? { upstream } : {}),
        ...(options.event ? { event: options.event } : {}),
      });
      const sim = new FloodSimulation();
      sim.init(city.model);
      const duration = city.event.durationSeconds;
      for (let i = 1; i <= 100; i++) {
        if (isCancelled(context.cancelBuffer)) throw new CancelledError();
        sim.advance((duration * i) / 100 - sim.timeSeconds);
        context.onProgress(i / 100);
      }
      const key = upstream ?? 'dataset';
      let targets = targetsCache.get(key);
      if (!targets) {
        targets = cityFloodTargets(files, city.grid, upstream);
        targetsCache.set(key, targets);
      }
      const maxDepthMetres = Float32Array.from(sim.state.maxDepth);
      const measures = cityFloodMeasures(maxDepthMetres, city.grid, city.permanentWater, targets);
      const { xllCornerMetres, yllCornerMetres, columns, rows } = city.grid;
      return {
        impassableLinkIds: measures.impassableLinkIds,
        maxDepthMetres,
        grid: { xllCornerMetres, yllCornerMetres, cellSizeMetres, columns, rows },
        kpis: measures.kpis,
        volume: sim.volume(),
        steps: sim.steps,
      };
    },
    kpis: (result) => result.kpis,
  };
}
