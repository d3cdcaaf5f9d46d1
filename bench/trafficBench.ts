/**
 * Workloads of `twin bench traffic` (src/cli/commands/benchTraffic.ts parses the options and
 * prints): user equilibrium by gradient projection against Frank-Wolfe on Sioux Falls (a
 * generated grid without ../shared/data), shortest-path trees per second, the vehicle animation,
 * and the Thủ Đức morning peak of the committed dataset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '../src/core/random.ts';
import { parseTntpNetwork } from '../src/data/tntp/net.ts';
import { parseTntpTrips } from '../src/data/tntp/trips.ts';
import { summarizeAssignment } from '../src/sim/traffic/assignmentSummary.ts';
import { solveUserEquilibrium } from '../src/sim/traffic/equilibrium.ts';
import { solveFrankWolfe } from '../src/sim/traffic/frankWolfe.ts';
import { generateGridNetwork, generateRandomDemand } from '../src/sim/traffic/gridNetwork.ts';
import { updateLinkCosts } from '../src/sim/traffic/linkCost.ts';
import { createNaiveShortestPathSolver } from '../src/sim/traffic/naiveShortestPath.ts';
import { networkFromTntp, type OdDemand } from '../src/sim/traffic/network.ts';
import { compileNetwork, type RoadGraph } from '../src/sim/traffic/roadGraph.ts';
import { createShortestPathSolver, type ShortestPathSolver } from '../src/sim/traffic/shortestPath.ts';
import { createVehicleFleet } from '../src/sim/traffic/vehicles.ts';
import { readCityFolder } from '../src/data/node/readCityFolder.ts';
import { prepareCityTraffic } from '../src/sim/traffic/city/cityTrafficModel.ts';
import { prepareCityAssignment, trafficScenarioInputs } from '../src/scenario/stages/trafficStage.ts';

export const GAP = 1e-4;
const FRANK_WOLFE_CAP_SECONDS = 10;
const SIOUX_FALLS = resolve(process.cwd(), '../shared/data/tntp/SiouxFalls');

/** Runs every traffic measurement; `progress` hears which one starts. */
export async function runTrafficBench(progress: (message: string) => void = () => {}) {
  const assignmentCase = loadAssignmentCase();
  progress(`bench traffic: assignment on ${assignmentCase.name}`);
  const runs = [0, 1, 2].map(() =>
    solveUserEquilibrium(assignmentCase.graph, assignmentCase.demand, { relativeGap: GAP }),
  );
  const median = runs.map((r) => r.seconds).sort((a, b) => a - b)[1]!;
  const gp = runs[0]!;
  const fwSameTime = solveFrankWolfe(assignmentCase.graph, assignmentCase.demand, {
    relativeGap: GAP,
    maxSeconds: median,
  });
  const fwToGap = solveFrankWolfe(assignmentCase.graph, assignmentCase.demand, {
    relativeGap: GAP,
    maxSeconds: FRANK_WOLFE_CAP_SECONDS,
  });

  progress('bench traffic: shortest-path trees');
  const bigGrid = compileNetwork(generateGridNetwork(100, 100, 1).network);
  const trees = {
    [assignmentCase.name]: treesPerSecond(assignmentCase.graph, createShortestPathSolver),
    grid100x100: treesPerSecond(bigGrid, createShortestPathSolver),
  };
  const naiveTrees = {
    [assignmentCase.name]: treesPerSecond(assignmentCase.graph, createNaiveShortestPathSolver),
    grid100x100: treesPerSecond(bigGrid, createNaiveShortestPathSolver),
  };

  progress('bench traffic: vehicles');
  const vehicles = benchVehicles(20_000);

  progress('bench traffic: Thu Duc morning peak');
  const thuDuc = await benchThuDuc();

  return {
    thuDuc,
    assignment: {
      network: assignmentCase.name,
      zones: assignmentCase.demand.zoneCount,
      links: assignmentCase.graph.linkCount,
      targetGap: GAP,
      seconds: median,
      iterations: gp.iterations,
      relativeGap: gp.relativeGap,
      objective: gp.objective,
    },
    frankWolfe: {
      sameTimeSeconds: fwSameTime.seconds,
      sameTimeIterations: fwSameTime.iterations,
      sameTimeRelativeGap: fwSameTime.relativeGap,
      secondsToGap: fwToGap.relativeGap <= GAP ? fwToGap.seconds : null,
      iterationsToGap: fwToGap.iterations,
      relativeGapReached: fwToGap.relativeGap,
    },
    shortestPathTreesPerSecond: trees,
    naiveShortestPathTreesPerSecond: naiveTrees,
    vehicleUpdatesPerSecond: vehicles.updatesPerSecond,
    vehicles: vehicles.vehicleCount,
    vehicleNetwork: 'grid 30x30',
    vehicleStepSeconds: vehicles.dtSeconds,
  };
}

function loadAssignmentCase(): { name: string; graph: RoadGraph; demand: OdDemand } {
  const net = `${SIOUX_FALLS}/SiouxFalls_net.tntp`;
  const trips = `${SIOUX_FALLS}/SiouxFalls_trips.tntp`;
  if (existsSync(net) && existsSync(trips)) {
    return {
      name: 'siouxFalls',
      graph: compileNetwork(networkFromTntp(parseTntpNetwork(readFileSync(net, 'utf8')))),
      demand: parseTntpTrips(readFileSync(trips, 'utf8')),
    };
  }
  return {
    name: 'grid10x10',
    graph: compileNetwork(generateGridNetwork(10, 10, 1).network),
    demand: generateRandomDemand(100, 10, 2),
  };
}

/** Trees per second from origins spread over the graph, running for at least one second. */
function treesPerSecond(graph: RoadGraph, create: (g: RoadGraph) => ShortestPathSolver): number {
  const solver = create(graph);
  const costs = new Float64Array(graph.linkCount);
  updateLinkCosts(graph, new Float64Array(graph.linkCount), costs);
  const stride = 7919; // prime: visits origins all over the grid
  let trees = 0;
  const started = performance.now();
  while (performance.now() - started < 1000 || trees < 3) {
    solver.run((trees * stride) % graph.nodeCount, costs);
    trees++;
  }
  return trees / ((performance.now() - started) / 1000);
}

function benchVehicles(maxVehicles: number) {
  const grid = generateGridNetwork(30, 30, 3);
  const graph = compileNetwork(grid.network);
  const zones = graph.zoneCount;
  const random = seededRandom(4);
  const flows = new Float64Array(zones * zones);
  for (let k = 0; k < 3000; k++) flows[random.int(zones) * zones + random.int(zones)] = random.range(1, 50);
  for (let z = 0; z < zones; z++) flows[z * zones + z] = 0;
  const demand = { zoneCount: zones, flows };
  const result = solveUserEquilibrium(graph, demand, { maxIterations: 3 });
  const summary = summarizeAssignment(graph, demand, result.volumes, result.odCosts);
  const fleet = createVehicleFleet({
    ...grid,
    graph,
    linkVolumePcuPerHour: summary.linkVolume,
    linkSpeedKmh: summary.linkSpeedKmh,
    maxVehicles,
    seed: 5,
  });
  const dtSeconds = 0.1;
  for (let k = 0; k < 20; k++) fleet.step(dtSeconds); // warm-up
  let steps = 0;
  let updates = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    fleet.step(dtSeconds);
    updates += fleet.count;
    steps++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { updatesPerSecond: updates / seconds, vehicleCount: Math.round(updates / steps), dtSeconds };
}

/** The Thủ Đức morning peak of the committed dataset (docs/traffic-city.md); null without the dataset. */
async function benchThuDuc() {
  if (!existsSync(resolve(process.cwd(), 'public/data/thuduc/manifest.json'))) return null;
  const started = performance.now();
  const model = prepareCityTraffic(await readCityFolder());
  const scenario = {
    format: 'twin-scenario/1',
    id: 'bench',
    name: { vi: '', en: '' },
    base: null,
    year: 2025,
  };
  const { city, demand } = prepareCityAssignment(
    model,
    trafficScenarioInputs({ ...scenario, edits: [] } as Parameters<typeof trafficScenarioInputs>[0], 2025),
    undefined,
  );
  const prepareSeconds = (performance.now() - started) / 1000;
  const graph = compileNetwork(city.network);
  // one solve to 1e-4; the time to 1e-3 is read on the way (progress after every iteration)
  const solveStarted = performance.now();
  let gap1e3: { seconds: number; iterations: number; relativeGap: number } | null = null;
  const r = solveUserEquilibrium(graph, demand.demand, {
    relativeGap: GAP,
    maxSeconds: 300,
    onProgress: ({ iteration, relativeGap }) => {
      if (!gap1e3 && relativeGap <= 1e-3) {
        gap1e3 = { seconds: (performance.now() - solveStarted) / 1000, iterations: iteration, relativeGap };
      }
    },
  });
  return {
    zones: city.zoneCount,
    nodes: graph.nodeCount,
    links: graph.linkCount,
    demandPcuPerHour: demand.demand.flows.reduce((s, v) => s + v, 0),
    prepareSeconds,
    gap1e3,
    gap1e4: {
      seconds: r.seconds,
      iterations: r.iterations,
      relativeGap: r.relativeGap,
      converged: r.converged,
    },
    shortestPathTreesPerSecond: treesPerSecond(graph, createShortestPathSolver),
  };
}
