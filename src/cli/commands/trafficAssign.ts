import { InputError, UsageError } from '../../core/errors.ts';
import { MAX_ASSIGNMENT_ITERATIONS } from '../../core/limits.ts';
import { formatTntpFlows } from '../../data/tntp/flow.ts';
import { parseTntpNetwork } from '../../data/tntp/net.ts';
import { parseTntpTrips } from '../../data/tntp/trips.ts';
import { solveUserEquilibrium } from '../../sim/traffic/equilibrium.ts';
import { networkFromTntp } from '../../sim/traffic/network.ts';
import { compileNetwork } from '../../sim/traffic/roadGraph.ts';
import { type Command, integerOption, numberOption, parseCommandArgs } from '../command.ts';
import {
  checkOutputFile,
  inFile,
  log,
  printJson,
  progressReporter,
  readTextFile,
  writeOutputFile,
} from '../io.ts';

const usage = `Usage: twin traffic assign --network NET.tntp --trips TRIPS.tntp [--gap 1e-4]
       [--max-iterations N] [--max-seconds S] [--flows OUT.tntp] [--progress] [--json]

Static user equilibrium (BPR link costs, TNTP toll and distance factors) by path-based
gradient projection, until the relative gap (TSTT - SPTT) / TSTT is at most --gap
(default 1e-4), or --max-iterations (default 500) or --max-seconds (default none) is reached.
--flows writes link flows in the _flow.tntp layout (From, To, Volume, Cost).
--json prints {"objective","totalTravelTime","relativeGap","iterations","seconds","zones","nodes","links"}.`;

export const trafficAssign: Command = {
  name: 'traffic assign',
  summary: 'static user-equilibrium traffic assignment on TNTP files',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        network: { type: 'string' },
        trips: { type: 'string' },
        gap: { type: 'string' },
        'max-iterations': { type: 'string' },
        'max-seconds': { type: 'string' },
        flows: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${usage}`);
    if (!values.network || !values.trips)
      throw new UsageError(`--network and --trips are required\n\n${usage}`);
    const gap = numberOption(values.gap, 'gap', 1e-4);
    const maxIterations = integerOption(values['max-iterations'], 'max-iterations', 500, [
      1,
      MAX_ASSIGNMENT_ITERATIONS,
    ]);
    const maxSeconds = numberOption(values['max-seconds'], 'max-seconds', Number.POSITIVE_INFINITY);
    if (!(gap >= 0)) throw new UsageError('--gap must be >= 0');
    if (!(maxSeconds > 0)) throw new UsageError('--max-seconds must be > 0');

    if (values.flows) await checkOutputFile(values.flows);
    const networkText = await readTextFile(values.network);
    const tripsText = await readTextFile(values.trips);
    const network = inFile(values.network, () => networkFromTntp(parseTntpNetwork(networkText)));
    const demand = inFile(values.trips, () => parseTntpTrips(tripsText));
    if (demand.zoneCount !== network.zoneCount) {
      throw new InputError(
        `the network has ${network.zoneCount} zones but the trips file has ${demand.zoneCount}`,
        values.trips,
      );
    }
    const graph = inFile(values.network, () => compileNetwork(network));
    const report = progressReporter('traffic assign', values.progress === true);
    const result = inFile(values.trips, () =>
      solveUserEquilibrium(graph, demand, {
        relativeGap: gap,
        maxIterations,
        maxSeconds,
        onProgress: (p) => report(p.fractionDone),
      }),
    );
    if (values.flows) {
      const flows = formatTntpFlows({
        from: graph.tail.map((n) => n + 1),
        to: graph.head.map((n) => n + 1),
        volume: result.volumes,
        cost: result.costs,
      });
      await writeOutputFile(values.flows, flows);
    }
    if (!result.converged) log(`relative gap ${result.relativeGap} did not reach --gap ${gap}`);
    const summary = {
      objective: result.objective,
      totalTravelTime: result.totalTravelTime,
      relativeGap: result.relativeGap,
      iterations: result.iterations,
      seconds: result.seconds,
      zones: network.zoneCount,
      nodes: network.nodeCount,
      links: network.links.length,
    };
    if (values.json) printJson(summary);
    else {
      process.stdout.write(
        `${result.converged ? 'converged' : 'stopped'} after ${result.iterations} iterations ` +
          `(${result.seconds.toFixed(3)} s): relative gap ${result.relativeGap.toExponential(3)}, ` +
          `Beckmann objective ${result.objective.toFixed(3)}, total travel time ${result.totalTravelTime.toFixed(3)}\n`,
      );
    }
    return 0;
  },
};
