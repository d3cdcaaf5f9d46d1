import { InputError, UsageError } from '../../core/errors.ts';
import { isoTimeMillis } from '../../sensors/filterExpression.ts';
import {
  NOWCAST_HORIZON_HOURS,
  type NowcastObservations,
  nowcastEvent,
  nowcastRunTimes,
  nowcastTrigger,
} from '../../sensors/nowcast.ts';
import { runScenario } from '../../scenario/pipeline.ts';
import { DEFAULT_RUN_OPTIONS, FLOOD_CELL_SIZES_METRES } from '../../scenario/runOptions.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { createFloodStage } from '../../scenario/stages/floodStage.ts';
import { createTrafficStage } from '../../scenario/stages/trafficStage.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { nodeFloodKernelPlacement } from '../flood/threadedEngine.ts';
import { log, printJson } from '../io.ts';
import { readDefaultDataset, stableKpis } from '../scenarioRunner.ts';
import {
  checkRiverObserved,
  nowcastObservationsFromSta,
  nowcastObservationsFromStore,
} from '../sensors/nowcastObservations.ts';

const usage = `Usage: twin nowcast --at ISO-TIME [--data DIR | --sta URL] [--hours 6] [--cell 80] [--json]

Reproduces the flood nowcast at data time --at from the stored observations (the store folder
of twin sensors serve, default .twin-sensors/, or a SensorThings API root URL with --sta):
the river level continued by the Datastream's tide model offset to the latest observed level,
the gauges' rain rate of the last hour decaying (e-folding 1 h), run forward --hours (default
6) through the flood stage at --cell m (20, 40 or 80; default 80) on the baseline city from a
dry start, and the traffic stage with the roads closed where the predicted depth reaches
0.30 m. Prints
  {"at", "dataTime", "trigger": {...}, "inputs": {"riverLevelMetres": [...],
   "rainMillimetresPerHour": [...]}, "kpis": {...}, "closedRoads": n, "seconds"}
The series are every 10 min from --at. Same store and --at give the same output (but "seconds").
Method and limits: docs/sensors.md, "Flood nowcast".`;

/** Data looked back over for the trigger's schedule, ms (24 h). */
const LOOK_BACK_MS = 24 * 3_600_000;

/** The nowcast's scenario: the baseline city of `year` with the nowcast's storm event. */
function nowcastScenario(year: number, hours: number, event: ReturnType<typeof nowcastEvent>): Scenario {
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

/** The trigger at `atMs` with the episode it belongs to: when it began and the latest scheduled run. */
function triggerReport(observations: NowcastObservations, atMs: number) {
  const times = new Set<number>([atMs]);
  for (const o of observations.river.observations) times.add(o.phenomenonTimeMs);
  for (const g of observations.rainGauges) for (const o of g.observations) times.add(o.phenomenonTimeMs);
  const samples = [...times]
    .filter((t) => t <= atMs && t > atMs - LOOK_BACK_MS)
    .sort((a, b) => a - b)
    .map((t) => ({ atMs: t, holds: nowcastTrigger(observations, t).holds }));
  let episodeStart: number | undefined;
  for (const s of samples) {
    if (!s.holds) episodeStart = undefined;
    else episodeStart ??= s.atMs;
  }
  const runs = nowcastRunTimes(samples).filter((t) => episodeStart !== undefined && t >= episodeStart);
  const now = nowcastTrigger(observations, atMs);
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    holds: now.holds,
    reasons: now.reasons,
    riverLevelMetres: now.riverLevelMetres ?? null,
    riverAlarm: now.riverAlarm ?? null,
    alarmLevelsMetres: observations.river.alarmLevelsMetres,
    rainLast3hMm: Math.round(now.rainLast3hMm * 100) / 100,
    rainGauge: now.rainGauge ?? null,
    since: iso(episodeStart),
    latestScheduledRun: iso(runs.at(-1)),
  };
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} expects a positive whole number, got "${value}"`);
  return n;
}

export const nowcast: Command = {
  name: 'nowcast',
  summary: 'reproduce the flood nowcast at a data time from stored river level and rain observations',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        at: { type: 'string' },
        data: { type: 'string' },
        sta: { type: 'string' },
        hours: { type: 'string' },
        cell: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    if (values.data !== undefined && values.sta !== undefined)
      throw new UsageError(`give --data or --sta, not both\n\n${usage}`);
    const atIso = values.at;
    if (atIso === undefined) throw new UsageError(`--at is required\n\n${usage}`);
    const atMs = isoTimeMillis(atIso);
    if (atMs === undefined)
      throw new InputError(`--at expects an ISO 8601 time with a date, time and offset, got "${atIso}"`);
    const hours = parsePositive('hours', values.hours, NOWCAST_HORIZON_HOURS);
    const cell = parsePositive('cell', values.cell, DEFAULT_RUN_OPTIONS.floodCellSizeMetres);
    if (!(FLOOD_CELL_SIZES_METRES as readonly number[]).includes(cell))
      throw new UsageError(`--cell expects one of ${FLOOD_CELL_SIZES_METRES.join(', ')}, got ${cell}`);
    const started = performance.now();
    const window = { fromMs: atMs - LOOK_BACK_MS, toMs: atMs };
    const source = values.sta ?? values.data ?? '.twin-sensors';
    const observations =
      values.sta !== undefined
        ? await nowcastObservationsFromSta(values.sta, window)
        : nowcastObservationsFromStore(source, window);
    checkRiverObserved(observations, source, atIso);
    const trigger = triggerReport(observations, atMs);
    const event = nowcastEvent(observations, atMs, hours);
    const files = await readDefaultDataset();
    const flood = createFloodStage(files, {
      cellSizeMetres: cell,
      // roads are closed where the depth reaches 0.30 m at any time of the horizon
      assignedHour: { startSeconds: 0, endSeconds: hours * 3600 },
      placeKernel: nodeFloodKernelPlacement(),
    });
    const traffic = createTrafficStage(files, { relativeGap: DEFAULT_RUN_OPTIONS.trafficRelativeGap });
    // the baseline city (scenarios/baseline.json, year 2025)
    const run = await runScenario(nowcastScenario(2025, hours, event), [flood, traffic], {
      only: ['flood', 'traffic'],
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(`nowcast at ${new Date(atMs).toISOString()}: flood → traffic in ${seconds} s`);
    const output = {
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
      closedRoads: run.results.flood?.closedInAssignedHourLinkIds.length ?? 0,
      seconds,
    };
    if (values.json) printJson(output);
    else for (const [k, v] of Object.entries(output.kpis)) process.stdout.write(`${k}\t${v}\n`);
    return 0;
  },
};
