/**
 * All-or-nothing loading: every OD flow on its current shortest path. Gives the shortest-path
 * travel time SPTT that the relative gap compares with the total system travel time, and the
 * auxiliary flows of the Frank–Wolfe method.
 */
import type { OdDemand } from './network.ts';
import type { RoadGraph } from './roadGraph.ts';
import type { ShortestPathSolver } from './shortestPath.ts';

/**
 * Loads `demand` on shortest paths at `costs`. Writes link volumes into `volumes` when given
 * and each OD's shortest cost into `odCosts` (zone×zone, Infinity when unreachable) when given.
 * Returns SPTT = Σ demand × shortest cost (time units × PCU); Infinity if some demand has no path.
 */
export function allOrNothing(
  graph: RoadGraph,
  demand: OdDemand,
  costs: Float64Array,
  solver: ShortestPathSolver,
  volumes?: Float64Array,
  odCosts?: Float64Array,
): number {
  const zones = demand.zoneCount;
  volumes?.fill(0);
  let sptt = 0;
  for (let origin = 0; origin < zones; origin++) {
    const row = origin * zones;
    let rowTotal = 0;
    for (let d = 0; d < zones; d++) rowTotal += demand.flows[row + d]!;
    if (rowTotal === 0 && odCosts === undefined) continue;
    solver.run(origin, costs);
    for (let d = 0; d < zones; d++) {
      const flow = demand.flows[row + d]!;
      const cost = solver.distance[d]!;
      if (odCosts !== undefined) odCosts[row + d] = cost;
      if (flow === 0 || d === origin) continue;
      sptt += flow * cost;
      if (volumes === undefined) continue;
      for (
        let node = d, link = solver.predecessorLink[node]!;
        link >= 0;
        link = solver.predecessorLink[node]!
      ) {
        volumes[link]! += flow;
        node = graph.tail[link]!;
      }
    }
  }
  return sptt;
}

/** Total system travel time Σ volume × cost (time units × PCU). */
export function totalSystemTravelTime(volumes: Float64Array, costs: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < volumes.length; i++) sum += volumes[i]! * costs[i]!;
  return sum;
}
