import { UsageError } from '../../core/errors.ts';
import { runTrafficBench } from '../../../bench/trafficBench.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { log, printJson } from '../io.ts';

const usage = `Usage: twin bench traffic [--json]

Measures, in one run on this machine:
  - seconds for gradient projection to reach relative gap 1e-4 on Sioux Falls (../shared/data;
    a generated 10x10 grid when absent; median of 3), and the gap plain Frank-Wolfe reaches in the
    same time and the time it needs for 1e-4 (capped at 10 s);
  - shortest-path trees per second (binary-heap Dijkstra vs the O(n^2) textbook version) on
    Sioux Falls and on a generated 100x100 grid;
  - vehicle-animation updates per second with up to 20,000 vehicles on a generated 30x30 grid;
  - the Thu Duc morning peak (committed dataset): seconds to relative gap 1e-3 and 1e-4 (one
    solve, capped at 300 s) and shortest-path trees per second on its network.`;

export const benchTraffic: Command = {
  name: 'bench traffic',
  summary: 'benchmark assignment, shortest paths and the vehicle animation',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {}, usage);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${usage}`);

    const result = await runTrafficBench(log);
    if (values.json) printJson(result);
    else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  },
};
