import { InputError, UsageError } from '../../core/errors.ts';
import { isoTimeMillis } from '../../sensors/filterExpression.ts';
import { NOWCAST_HORIZON_HOURS } from '../../sensors/nowcast.ts';
import { nowcastObservationsFromSta, nowcastWindow } from '../../sensors/nowcastObservations.ts';
import { runNowcast } from '../../scenario/nowcastRun.ts';
import { DEFAULT_RUN_OPTIONS, FLOOD_CELL_SIZES_METRES } from '../../scenario/runOptions.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { nodeFloodRunner } from '../flood/threadedEngine.ts';
import { log, printJson } from '../io.ts';
import { readDefaultDataset } from '../scenarioRunner.ts';
import { checkRiverObserved, nowcastObservationsFromStore } from '../sensors/nowcastObservations.ts';

const usage = `Usage: twin nowcast --at ISO-TIME [--data DIR | --sta URL] [--hours 6] [--cell 80] [--json]

Reproduces the flood nowcast at data time --at from the stored observations (the store folder
of twin sensors serve, default .twin-sensors/, or a SensorThings API root URL with --sta):
the river level continued by the Datastream's tide model offset to the latest observed level,
the gauges' rain rate of the last hour decaying (e-folding 1 h), run forward --hours (default
6) through the flood stage at --cell m (20, 40 or 80; default 80) on the baseline city from a
dry start, and the traffic stage with the roads closed where the predicted depth reaches
0.30 m. Prints
  {"at", "dataTime", "trigger": {...}, "inputs": {"riverLevelMetres": [...],
   "rainMillimetresPerHour": [...]}, "kpis": {...}, "closedRoads": n,
   "closedRoadNames": [{"name", "links"}], "maxDepthMetres", "seconds"}
The series are every 10 min from --at. Same store and --at give the same output (but "seconds").
Method and limits: docs/sensors.md, "Flood nowcast".`;

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
    const window = nowcastWindow(atMs);
    const source = values.sta ?? values.data ?? '.twin-sensors';
    const observations =
      values.sta !== undefined
        ? await nowcastObservationsFromSta(values.sta, window, (url) => fetch(url))
        : nowcastObservationsFromStore(source, window);
    checkRiverObserved(observations, source, atIso);
    const files = await readDefaultDataset();
    const result = await runNowcast(files, observations, atMs, {
      hours,
      cellSizeMetres: cell,
      floodRunner: nodeFloodRunner(),
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(`nowcast at ${result.at}: flood → traffic in ${seconds} s`);
    const output = { ...result, seconds };
    if (values.json) printJson(output);
    else for (const [k, v] of Object.entries(output.kpis)) process.stdout.write(`${k}\t${v}\n`);
    return 0;
  },
};
