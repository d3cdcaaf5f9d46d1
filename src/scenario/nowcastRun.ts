import type { CityFiles } from '../data/dataset/cityFiles.ts';
import type { FloodRunnerFactory } from '../sim/flood/floodRun.ts';
import type { CityTrafficModel } from '../sim/traffic/city/cityTrafficModel.ts';
import {
  NOWCAST_HORIZON_HOURS,
  type NowcastEvent,
  type NowcastObservations,
  type NowcastTriggerReport,
  nowcastEvent,
  nowcastTriggerReport,
} from '../sensors/nowcast.ts';
import { type Kpis, stableKpis } from './kpis.ts';
import { runScenario, type StageId } from './pipeline.ts';
import { DEFAULT_RUN_OPTIONS } from './runOptions.ts';
import type { Scenario } from './scenario.ts';
import { type CityFloodStageResult, createFloodStage } from './stages/floodStage.ts';
import { createTrafficStage } from './stages/trafficStage.ts';

/**
 * The flood nowcast's run (issue 14, item 6), one function for `twin nowcast` (Node) and the
 * operations view's nowcast (the scenario worker): the storm event from the observations
 * (src/sensors/nowcast.ts) on the baseline city, through the pipeline's flood and traffic stages.
 */

/** The year of the baseline city the nowcast runs on (scenarios/baseline.json). */
export const NOWCAST_CITY_YEAR = 2025;

/** Options of a nowcast run. */
export interface NowcastRunOptions {
  /** Horizon, h (default 6). */
  hours?: number;
  /** Flood grid cell, m (20, 40 or 80; default 80). */
  cellSizeMetres?: number;
  /** Builds the flood engine (the CLI and the app: WebAssembly; default JavaScript, same results). */
  floodRunner?: FloodRunnerFactory;
  /** A prepared traffic model to share (the worker's); default: the stage prepares its own. */
  trafficModel?: CityTrafficModel;
  onStageProgress?: (stage: StageId, fractionDone: number) => void;
  /** Cancel flag polled by the engines (core/cancel.ts). */
  cancelBuffer?: SharedArrayBuffer;
}

/** A road to close: its name (roads.json `names`, '' for unnamed) and how many of its links close. */
export interface ClosedRoad {
  name: string;
  links: number;
}

/** What a nowcast gives: the same object in the CLI's `--json` (with `seconds`) and in the app. */
export interface NowcastResult {
  /** The nowcast's data time `--at`, ISO (UTC). */
  at: string;
  /** The latest phenomenon time of the observations used, ISO (UTC). */
  dataTime: string;
  trigger: NowcastTriggerReport;
  inputs: {
    stepSeconds: number;
    observedLevelMetres: number;
    observedLevelTime: string;
    tideOffsetMetres: number;
    rainGaugesReporting: number;
    rainRateMmPerHour: number;
    riverLevelMetres: number[];
    rainMillimetresPerHour: number[];
  };
  /** twin-kpis/2 `flood.*` and `traffic.*`, 9 significant digits, keys sorted. */
  kpis: Kpis;
  /** Road links (one per direction) closed: ≥ 0.30 m deep at some time of the horizon. */
  closedRoads: number;
  /** The closed links by street name, most links first (then by name); unnamed streets as ''. */
  closedRoadNames: ClosedRoad[];
  /** Largest predicted depth on land over the horizon, m (to the mm). */
  maxDepthMetres: number;
}

/** The nowcast's scenario: the baseline city of `year` with the nowcast's storm event over `hours`. */
export function nowcastScenario(event: NowcastEvent, hours: number, year = NOWCAST_CITY_YEAR): Scenario {
  const series = (values: number[]) => values.map((v, k) => [k * event.stepSeconds, v] as const);
  return {
    format: 'twin-scenario/1',
    id: 'nowcast',
    name: { vi: 'Dự báo ngập tức thời', en: 'Flood nowcast' },
    base: 'baseline',
    year,
    edits: [
      {
        type: 'stormEvent',
        id: 'nowcast',
        durationHours: hours,
        rain: { kind: 'series', intensityMmPerHour: series(event.rainMillimetresPerHour) },
        tide: { levelMetres: series(event.riverLevelMetres) },
      },
    ],
  };
}

/** The closed roads.json links grouped by street name, most links first, then by name. */
export function closedRoadsByName(files: CityFiles, linkIds: readonly string[]): ClosedRoad[] {
  const roads = files.roads;
  if (roads === undefined) return [];
  const indexOf = new Map(roads.links.ids.map((id, i) => [id, i]));
  const counts = new Map<string, number>();
  for (const id of linkIds) {
    const i = indexOf.get(id);
    const name = i === undefined ? '' : (roads.names[roads.links.name[i] ?? 0] ?? '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, links]) => ({ name, links }))
    .sort((a, b) => b.links - a.links || a.name.localeCompare(b.name));
}

/**
 * Runs the nowcast at data time `atMs` on `observations` (the 24 h up to it): the trigger
 * report, the event (nowcastEvent), the flood stage at `cellSizeMetres` from a dry start with
 * its "assigned hour" the whole horizon (roads closed where ≥ 0.30 m at any time of it), then
 * the traffic stage (morning-peak demand) on the network without those roads.
 */
export async function runNowcast(
  files: CityFiles,
  observations: NowcastObservations,
  atMs: number,
  options: NowcastRunOptions = {},
): Promise<NowcastResult> {
  const hours = options.hours ?? NOWCAST_HORIZON_HOURS;
  const trigger = nowcastTriggerReport(observations, atMs);
  const event = nowcastEvent(observations, atMs, hours);
  const flood = createFloodStage(files, {
    cellSizeMetres: options.cellSizeMetres ?? DEFAULT_RUN_OPTIONS.floodCellSizeMetres,
    assignedHour: { startSeconds: 0, endSeconds: hours * 3600 },
    ...(options.floodRunner ? { runner: options.floodRunner } : {}),
  });
  const traffic = createTrafficStage(files, {
    relativeGap: DEFAULT_RUN_OPTIONS.trafficRelativeGap,
    ...(options.trafficModel ? { model: options.trafficModel } : {}),
  });
  const run = await runScenario(nowcastScenario(event, hours), [flood, traffic], {
    only: ['flood', 'traffic'],
    ...(options.onStageProgress ? { onStageProgress: options.onStageProgress } : {}),
    ...(options.cancelBuffer ? { cancelBuffer: options.cancelBuffer } : {}),
  });
  const floodResult = run.results.flood as CityFloodStageResult | undefined;
  const closed = floodResult?.closedInAssignedHourLinkIds ?? [];
  return {
    at: new Date(atMs).toISOString(),
    dataTime: new Date(event.dataTimeMs).toISOString(),
    trigger,
    inputs: {
      stepSeconds: event.stepSeconds,
      observedLevelMetres: event.observedLevelMetres,
      observedLevelTime: new Date(event.observedLevelTimeMs).toISOString(),
      tideOffsetMetres: Math.round(event.tideOffsetMetres * 1000) / 1000,
      rainGaugesReporting: event.rainGaugesReporting,
      rainRateMmPerHour: event.rainRateMmPerHour,
      riverLevelMetres: event.riverLevelMetres,
      rainMillimetresPerHour: event.rainMillimetresPerHour,
    },
    kpis: stableKpis(run.kpis),
    closedRoads: closed.length,
    closedRoadNames: closedRoadsByName(files, closed),
    maxDepthMetres: Math.round((floodResult?.maxLandDepthMetres ?? 0) * 1000) / 1000,
  };
}
