import { dirname, isAbsolute, join } from 'node:path';
import { InputError, UsageError } from '../../core/errors.ts';
import { MAX_THREADS } from '../../core/limits.ts';
import { formatEsriAscii } from '../../data/grid/esriAscii.ts';
import type { RasterGrid } from '../../data/grid/rasterGrid.ts';
import { readGrid } from '../../data/grid/readGrid.ts';
import { type FloodCaseGrids, floodInputFromCase, parseFloodCase } from '../../sim/flood/floodCase.ts';
import { runFloodCase } from '../../sim/flood/floodRun.ts';
import { type Command, integerOption, parseCommandArgs } from '../command.ts';
import { createFloodEngine } from '../flood/threadedEngine.ts';
import {
  checkOutputFile,
  inFile,
  log,
  printJson,
  progressReporter,
  readArrayBufferFile,
  readJsonFile,
  writeOutputFile,
} from '../io.ts';

const usage = `Usage: twin flood run CASE.json [--threads N] [--max-depth OUT.asc] [--progress] --json

Runs a twin-flood-case/1 case (local-inertial shallow water, Bates et al. 2010) and prints
{"gauges", "volume", "steps", "cellUpdates", "seconds", "cellUpdatesPerSecond"}.
  --threads N        worker threads sharing the grid (default 1); results are identical
  --max-depth FILE   write the maximum depth grid (m) as ESRI ASCII`;

/** Reads a grid file named in a case (path relative to the case file); errors name that file. */
async function loadGrid(caseFile: string, name: string): Promise<RasterGrid> {
  const file = isAbsolute(name) ? name : join(dirname(caseFile), name);
  const buffer = await readArrayBufferFile(file);
  try {
    return await readGrid(buffer);
  } catch (error) {
    if (error instanceof InputError && error.file === undefined) throw error.inFile(file);
    throw error;
  }
}

/** `twin flood run`: runs a twin-flood-case/1 file and prints the spec's JSON. */
export const floodRun: Command = {
  name: 'flood run',
  summary: 'run a flood case (local-inertial shallow water) and print gauges and volumes',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { threads: { type: 'string' }, 'max-depth': { type: 'string' } },
      usage,
    );
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`expected one CASE.json\n\n${usage}`);
    const threads = integerOption(values.threads, 'threads', 1, [1, MAX_THREADS]);
    if (values['max-depth']) await checkOutputFile(values['max-depth']);
    const parsed = await readJsonFile(file);
    const flood = inFile(file, () => parseFloodCase(parsed));
    const grids: FloodCaseGrids = { dem: await loadGrid(file, flood.dem) };
    if (typeof flood.manning === 'string') grids.manning = await loadGrid(file, flood.manning);
    if (typeof flood.initialLevel === 'string') grids.initialLevel = await loadGrid(file, flood.initialLevel);
    const { input, gauges } = inFile(file, () => floodInputFromCase(flood, grids));
    const engine = inFile(file, () => createFloodEngine(input, threads));
    const started = performance.now();
    try {
      const progress = progressReporter('flood', values.progress === true);
      const result = await runFloodCase(
        engine,
        flood.durationSeconds,
        flood.outputIntervalSeconds,
        gauges,
        progress,
      ).catch((error: unknown) => {
        throw error instanceof InputError && error.file === undefined ? error.inFile(file) : error;
      });
      const seconds = (performance.now() - started) / 1000;
      const { losses: _losses, ...volume } = result.volume;
      const maxDepthFile = values['max-depth'];
      if (maxDepthFile) {
        const maxDepth: RasterGrid = { ...grids.dem, values: Float64Array.from(engine.state.maxDepth) };
        engine.state.wall.forEach((w, k) => {
          if (w) maxDepth.values[k] = Number.NaN;
        });
        await writeOutputFile(maxDepthFile, formatEsriAscii(maxDepth));
      }
      const output = {
        gauges: result.gauges,
        volume,
        steps: result.steps,
        cellUpdates: result.cellUpdates,
        seconds,
        cellUpdatesPerSecond: seconds > 0 ? result.cellUpdates / seconds : 0,
      };
      if (values.json) printJson(output);
      else
        log(
          `${file}: ${result.steps} steps, volume error ${volume.relativeError.toExponential(2)}, ` +
            `${seconds.toFixed(2)} s`,
        );
      return 0;
    } finally {
      await engine.close();
    }
  },
};
