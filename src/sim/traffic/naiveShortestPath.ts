/**
 * The textbook O(n²) Dijkstra (1959): scan all nodes for the closest unsettled one. Kept only as
 * a reference: the tests check the heap solver against it and `twin bench traffic` compares speeds.
 */
import type { RoadGraph } from './roadGraph.ts';
import type { ShortestPathSolver } from './shortestPath.ts';

/** Creates the reference solver (same contract as createShortestPathSolver, centroids included). */
export function createNaiveShortestPathSolver(graph: RoadGraph): ShortestPathSolver {
  const n = graph.nodeCount;
  const distance = new Float64Array(n);
  const predecessorLink = new Int32Array(n);
  const settled = new Uint8Array(n);
  const run = (origin: number, costs: Float64Array): void => {
    distance.fill(Number.POSITIVE_INFINITY);
    predecessorLink.fill(-1);
    settled.fill(0);
    distance[origin] = 0;
    for (;;) {
      let node = -1;
      for (let i = 0; i < n; i++) {
        if (
          settled[i] === 0 &&
          distance[i]! < Number.POSITIVE_INFINITY &&
          (node < 0 || distance[i]! < distance[node]!)
        ) {
          node = i;
        }
      }
      if (node < 0) return;
      settled[node] = 1;
      if (node < graph.firstThruIndex && node !== origin) continue;
      for (let k = graph.firstOut[node]!; k < graph.firstOut[node + 1]!; k++) {
        const link = graph.outLinks[k]!;
        const next = graph.head[link]!;
        const candidate = distance[node]! + costs[link]!;
        if (settled[next] === 0 && candidate < distance[next]!) {
          distance[next] = candidate;
          predecessorLink[next] = link;
        }
      }
    }
  };
  return { distance, predecessorLink, run };
}
