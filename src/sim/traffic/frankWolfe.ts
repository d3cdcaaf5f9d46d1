/**
 * The Frank–Wolfe method for user equilibrium (LeBlanc, Morlok & Pierskalla 1975): move the
 * link volumes towards the all-or-nothing loading at current costs by the step that minimizes
 * the Beckmann objective (bisection on its directional derivative). Slow near the optimum; kept
 * as the reference that `twin bench traffic` compares the gradient-projection solver with.
 */
import { allOrNothing, totalSystemTravelTime } from './allOrNothing.ts';
import { beckmannObjective, linkCost, updateLinkCosts } from './linkCost.ts';
import type { OdDemand } from './network.ts';
import type { RoadGraph } from './roadGraph.ts';
import { createShortestPathSolver } from './shortestPath.ts';

/** Bisection steps of the line search (step resolution 2^-40). */
const LINE_SEARCH_STEPS = 40;

/** Result of a Frank–Wolfe run. */
export interface FrankWolfeResult {
  /** Link volumes, PCU per period. */
  volumes: Float64Array;
  /** Relative gap (TSTT − SPTT) / TSTT at the last measured point. */
  relativeGap: number;
  iterations: number;
  /** Beckmann objective at `volumes` (time units × PCU). */
  objective: number;
  seconds: number;
}

/** Runs Frank–Wolfe until the gap target, iteration limit or time limit. */
export function solveFrankWolfe(
  graph: RoadGraph,
  demand: OdDemand,
  options: { relativeGap?: number; maxIterations?: number; maxSeconds?: number } = {},
): FrankWolfeResult {
  const target = options.relativeGap ?? 1e-4;
  const maxIterations = options.maxIterations ?? 10_000;
  const maxSeconds = options.maxSeconds ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const solver = createShortestPathSolver(graph);
  const volumes = new Float64Array(graph.linkCount);
  const costs = new Float64Array(graph.linkCount);
  const auxiliary = new Float64Array(graph.linkCount);
  updateLinkCosts(graph, volumes, costs);
  allOrNothing(graph, demand, costs, solver, volumes);
  updateLinkCosts(graph, volumes, costs);
  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations && elapsed() < maxSeconds) {
    const sptt = allOrNothing(graph, demand, costs, solver, auxiliary);
    const tstt = totalSystemTravelTime(volumes, costs);
    gap = (tstt - sptt) / tstt;
    if (gap <= target) break;
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < LINE_SEARCH_STEPS; k++) {
      const step = (lo + hi) / 2;
      let slope = 0;
      for (let i = 0; i < graph.linkCount; i++) {
        const direction = auxiliary[i]! - volumes[i]!;
        slope += direction * linkCost(graph, i, volumes[i]! + step * direction);
      }
      if (slope > 0) hi = step;
      else lo = step;
    }
    const step = (lo + hi) / 2;
    for (let i = 0; i < graph.linkCount; i++) volumes[i]! += step * (auxiliary[i]! - volumes[i]!);
    updateLinkCosts(graph, volumes, costs);
    iterations++;
  }
  return {
    volumes,
    relativeGap: gap,
    iterations,
    objective: beckmannObjective(graph, volumes),
    seconds: elapsed(),
  };
}
