import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/errors.ts';
import { type FloodBenchRun, timeOptimizedFlood, timeReferenceFlood } from '../../../bench/floodBench.ts';
import { type Command, numberOption, parseCommandArgs } from '../command.ts';
import { log, printJson } from '../io.ts';

const usage = `Usage: twin bench flood [--size 1024] [--threads N] [--seconds 30] [--no-reference] --json

Runs the synthetic flood benchmark (size × size cells of 5 m: tilted bumpy plane, lake, rain,
inflow) for a fixed simulated time (after 3 s of untimed warm-up) with the plain reference kernel on one thread and the
optimized kernel on 1, 2, ... N worker threads (default: available cores). Prints
{"cellUpdatesPerSecond": best, "threads": n, "reference": {...}, "runs": [...], ...}.`;

/** `twin bench flood`: reference vs optimized kernel speed on a synthetic grid. */
export const benchFlood: Command = {
  name: 'bench flood',
  summary: 'flood kernel speed: reference vs optimized on 1..N threads (cell updates/s)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        size: { type: 'string' },
        threads: { type: 'string' },
        seconds: { type: 'string' },
        'no-reference': { type: 'boolean' },
      },
      usage,
    );
    const size = numberOption(values.size, 'size', 1024);
    const maxThreads = numberOption(values.threads, 'threads', availableParallelism());
    const simulatedSeconds = numberOption(values.seconds, 'seconds', 30);
    if (!Number.isInteger(size) || size < 8) throw new UsageError('--size expects an integer ≥ 8');
    if (!Number.isInteger(maxThreads) || maxThreads < 1)
      throw new UsageError('--threads expects a positive integer');
    if (!(simulatedSeconds > 0)) throw new UsageError('--seconds expects a positive number');

    let reference: FloodBenchRun | null = null;
    if (!values['no-reference']) {
      reference = timeReferenceFlood(size, simulatedSeconds);
      log(`reference: ${(reference.cellUpdatesPerSecond / 1e6).toFixed(1)} M cell updates/s`);
    }
    const runs = [];
    for (let threads = 1; threads <= maxThreads; threads++) {
      const run = await timeOptimizedFlood(size, threads, simulatedSeconds);
      log(`${threads} thread(s): ${(run.cellUpdatesPerSecond / 1e6).toFixed(1)} M cell updates/s`);
      runs.push(run);
    }
    const best = runs.reduce((a, b) => (b.cellUpdatesPerSecond > a.cellUpdatesPerSecond ? b : a));
    const output = {
      cellUpdatesPerSecond: best.cellUpdatesPerSecond,
      threads: best.threads,
      size,
      cells: size * size,
      simulatedSeconds,
      steps: best.steps,
      reference,
      runs: runs.map(({ threads, seconds, cellUpdatesPerSecond }) => ({
        threads,
        seconds,
        cellUpdatesPerSecond,
      })),
      speedupOverReference: reference ? best.cellUpdatesPerSecond / reference.cellUpdatesPerSecond : null,
      availableParallelism: availableParallelism(),
    };
    if (values.json) printJson(output);
    else log(JSON.stringify(output, null, 2));
    return 0;
  },
};
