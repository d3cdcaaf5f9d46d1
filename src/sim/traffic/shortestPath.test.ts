import { describe, expect, it } from 'vitest';
import { generateGridNetwork } from './gridNetwork.ts';
import { updateLinkCosts } from './linkCost.ts';
import { createNaiveShortestPathSolver } from './naiveShortestPath.ts';
import { compileNetwork } from './roadGraph.ts';
import { createShortestPathSolver } from './shortestPath.ts';

describe('heap Dijkstra', () => {
  const { network } = generateGridNetwork(12, 9, 7);
  const graph = compileNetwork(network);
  const costs = new Float64Array(graph.linkCount);
  updateLinkCosts(graph, new Float64Array(graph.linkCount), costs);

  it('gives the same distances as the O(n²) textbook version from every origin', () => {
    const fast = createShortestPathSolver(graph);
    const naive = createNaiveShortestPathSolver(graph);
    for (let origin = 0; origin < graph.nodeCount; origin++) {
      fast.run(origin, costs);
      naive.run(origin, costs);
      for (let n = 0; n < graph.nodeCount; n++) expect(fast.distance[n]).toBeCloseTo(naive.distance[n]!, 12);
    }
  });

  it('returns a consistent tree: each predecessor link closes the distance exactly', () => {
    const fast = createShortestPathSolver(graph);
    fast.run(40, costs);
    for (let n = 0; n < graph.nodeCount; n++) {
      const link = fast.predecessorLink[n]!;
      if (n === 40) expect(link).toBe(-1);
      else expect(fast.distance[graph.tail[link]!]! + costs[link]!).toBe(fast.distance[n]);
    }
  });

  it('reuses its buffers between runs', () => {
    const fast = createShortestPathSolver(graph);
    const { distance } = fast;
    fast.run(0, costs);
    fast.run(5, costs);
    expect(fast.distance).toBe(distance);
    expect(distance[5]).toBe(0);
  });
});
