import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/errors.ts';
import {
  MAX_BENCH_FLOOD_SIZE,
  MAX_BENCH_REPEATS,
  MAX_BENCH_SIMULATED_SECONDS,
  MAX_THREADS,
} from '../../core/limits.ts';
import { wasmKernelAvailable } from '../../sim/flood/wasmKernel.ts';
import {
  benchSeries,
  type FloodBenchRun,
  type FloodBenchSeries,
  timeFloodEngine,
  timeReferenceFlood,
} from '../../../bench/floodBench.ts';
import { type Command, integerOption, numberOption, parseCommandArgs } from '../command.ts';
import type { FloodKernelName } from '../flood/threadedEngine.ts';
import { log, printJson } from '../io.ts';

const usage = `Usage: twin bench flood [--size 1024] [--threads N] [--seconds 30] [--repeat 3] [--no-reference] --json

Runs the synthetic flood benchmark (size × size cells of 5 m: tilted bumpy plane, lake, rain,
inflow) for a fixed simulated time (after 3 s of untimed warm-up): the plain reference kernel
(straightforward JavaScript on typed arrays) on one thread, then the optimized JavaScript kernel
and the WebAssembly SIMD kernel on 1, 2, ... N worker threads (default: available cores), each
--repeat times (min/median/max). Prints {"cellUpdatesPerSecond": best median of the default
(WebAssembly) engine, "threads": n, "reference": {...}, "runs": [...], "speedupOverReference", ...}.`;

/** Speeds of one configuration in the output, cell updates/s (median run, min and max). */
function seriesFigures(series: FloodBenchSeries) {
  return {
    seconds: series.median.seconds,
    steps: series.median.steps,
    cellUpdatesPerSecond: series.median.cellUpdatesPerSecond,
    minCellUpdatesPerSecond: series.minCellUpdatesPerSecond,
    maxCellUpdatesPerSecond: series.maxCellUpdatesPerSecond,
  };
}

const millions = (rate: number) => (rate / 1e6).toFixed(1);

/** `twin bench flood`: plain reference vs JavaScript and WebAssembly kernels (cell updates/s). */
export const benchFlood: Command = {
  name: 'bench flood',
  summary: 'flood kernel speed: plain reference vs JS and WASM kernels on 1..N threads (cell updates/s)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        size: { type: 'string' },
        threads: { type: 'string' },
        seconds: { type: 'string' },
        repeat: { type: 'string' },
        'no-reference': { type: 'boolean' },
      },
      usage,
    );
    const size = integerOption(values.size, 'size', 1024, [8, MAX_BENCH_FLOOD_SIZE]);
    const maxThreads = integerOption(values.threads, 'threads', availableParallelism(), [1, MAX_THREADS]);
    const simulatedSeconds = numberOption(values.seconds, 'seconds', 30);
    const repeat = integerOption(values.repeat, 'repeat', 3, [1, MAX_BENCH_REPEATS]);
    if (!(simulatedSeconds > 0 && simulatedSeconds <= MAX_BENCH_SIMULATED_SECONDS))
      throw new UsageError(`--seconds expects a number in (0, ${MAX_BENCH_SIMULATED_SECONDS}]`);

    const kernels: FloodKernelName[] = wasmKernelAvailable() ? ['js', 'wasm'] : ['js'];
    const chosen = kernels[kernels.length - 1]!;
    const configurations = kernels.flatMap((kernel) =>
      Array.from({ length: maxThreads }, (_, i) => ({ kernel, threads: i + 1 })),
    );
    const referenceRuns: FloodBenchRun[] = [];
    const engineRuns: FloodBenchRun[][] = configurations.map(() => []);
    // Repetitions outermost, so a burst of load on the machine touches every configuration alike.
    for (let r = 0; r < repeat; r++) {
      if (!values['no-reference']) {
        const run = timeReferenceFlood(size, simulatedSeconds);
        log(`plain reference: ${millions(run.cellUpdatesPerSecond)} M cell updates/s`);
        referenceRuns.push(run);
      }
      for (const [i, { kernel, threads }] of configurations.entries()) {
        const run = await timeFloodEngine(size, kernel, threads, simulatedSeconds);
        log(`${kernel} ${threads} thread(s): ${millions(run.cellUpdatesPerSecond)} M cell updates/s`);
        engineRuns[i]!.push(run);
      }
    }
    const reference = referenceRuns.length > 0 ? benchSeries(referenceRuns) : null;
    const runs = configurations.map(({ kernel, threads }, i) => ({
      kernel,
      threads,
      ...seriesFigures(benchSeries(engineRuns[i]!)),
    }));
    const best = runs
      .filter((run) => run.kernel === chosen)
      .reduce((a, b) => (b.cellUpdatesPerSecond > a.cellUpdatesPerSecond ? b : a));
    const output = {
      cellUpdatesPerSecond: best.cellUpdatesPerSecond,
      threads: best.threads,
      kernel: chosen,
      size,
      cells: size * size,
      simulatedSeconds,
      steps: best.steps,
      repetitions: repeat,
      reference: reference && { ...reference.median, ...seriesFigures(reference) },
      runs,
      speedupOverReference: reference
        ? best.cellUpdatesPerSecond / reference.median.cellUpdatesPerSecond
        : null,
      availableParallelism: availableParallelism(),
    };
    if (values.json) printJson(output);
    else log(JSON.stringify(output, null, 2));
    return 0;
  },
};
