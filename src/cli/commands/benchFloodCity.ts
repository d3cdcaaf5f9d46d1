import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/errors.ts';
import { runCityFloodBench } from '../../../bench/floodCityBench.ts';
import { type Command, numberOption, parseCommandArgs } from '../command.ts';
import { log, printJson } from '../io.ts';

const usage = `Usage: twin bench flood-city [--cell 20] [--hours 24] [--threads N] [--kernel wasm|js] --json

Runs the shipped 100-year storm on a king tide over the whole city (cells of --cell metres) on N
worker threads (default: available cores) with the WebAssembly kernel (--kernel js: the
JavaScript one) and prints {"cellSize", "cells", "simulatedSeconds", "seconds" (wall, run),
"cellUpdates", "cellUpdatesPerSecond", "volume": {..., "relativeError"}, "threads", ...}.`;

/** `twin bench flood-city`: the whole-city flood event's wall time and volume balance. */
export const benchFloodCity: Command = {
  name: 'bench flood-city',
  summary: 'whole-city flood event (100-year storm, king tide): wall time and volume error',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        cell: { type: 'string' },
        hours: { type: 'string' },
        threads: { type: 'string' },
        kernel: { type: 'string' },
      },
      usage,
    );
    const cellSizeMetres = numberOption(values.cell, 'cell', 20);
    const hours = numberOption(values.hours, 'hours', 24);
    const threads = numberOption(values.threads, 'threads', availableParallelism());
    const kernel = values.kernel ?? 'wasm';
    if (!(cellSizeMetres >= 5 && cellSizeMetres <= 1000))
      throw new UsageError('--cell expects a cell size in metres from 5 to 1000');
    if (!Number.isInteger(hours) || hours < 1 || hours > 24)
      throw new UsageError('--hours expects a whole number of hours from 1 to 24');
    if (!Number.isInteger(threads) || threads < 1)
      throw new UsageError('--threads expects a positive integer');
    if (kernel !== 'wasm' && kernel !== 'js') throw new UsageError('--kernel expects wasm or js');
    const output = await runCityFloodBench({
      cellSizeMetres,
      threads,
      hours,
      kernel,
      onHour: (hour, seconds) => log(`hour ${hour}: ${seconds.toFixed(0)} s`),
    });
    if (values.json) printJson(output);
    else log(JSON.stringify(output, null, 2));
    return 0;
  },
};
