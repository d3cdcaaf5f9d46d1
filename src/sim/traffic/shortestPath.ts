/**
 * One-to-all shortest paths: Dijkstra (1959) with an indexed binary heap (decrease-key), over
 * the forward star. All buffers are allocated once per solver and reused by every call.
 * Centroids (node index < firstThruIndex) other than the origin are reached but never expanded,
 * so no path passes through a zone node (TNTP `<FIRST THRU NODE>`).
 */
import type { RoadGraph } from './roadGraph.ts';

/** A reusable shortest-path solver; `distance` and `predecessorLink` hold the last tree. */
export interface ShortestPathSolver {
  /** Cost from the last origin to each node (Infinity when unreachable). */
  readonly distance: Float64Array;
  /** Link entering each node on the last tree, -1 at the origin and unreachable nodes. */
  readonly predecessorLink: Int32Array;
  /** Builds the tree from `origin` (0-based) with non-negative link `costs`. */
  run(origin: number, costs: Float64Array): void;
}

/** Creates a solver for `graph` with preallocated buffers (no allocation per `run`). */
export function createShortestPathSolver(graph: RoadGraph): ShortestPathSolver {
  const n = graph.nodeCount;
  const distance = new Float64Array(n);
  const predecessorLink = new Int32Array(n);
  const heap = new Int32Array(n);
  /** Position of each node in the heap; -1 not yet reached, -2 settled. */
  const position = new Int32Array(n);
  const { firstOut, outLinks, head, firstThruIndex } = graph;

  const siftUp = (start: number, node: number, key: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentNode = heap[parent]!;
      if (distance[parentNode]! <= key) break;
      heap[i] = parentNode;
      position[parentNode] = i;
      i = parent;
    }
    heap[i] = node;
    position[node] = i;
  };

  const run = (origin: number, costs: Float64Array): void => {
    distance.fill(Number.POSITIVE_INFINITY);
    predecessorLink.fill(-1);
    position.fill(-1);
    distance[origin] = 0;
    heap[0] = origin;
    position[origin] = 0;
    let size = 1;
    while (size > 0) {
      const node: number = heap[0]!;
      position[node] = -2;
      size--;
      if (size > 0) {
        // move the last element to the root and sift it down
        const last = heap[size]!;
        const key = distance[last]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && distance[heap[child + 1]!]! < distance[heap[child]!]!) child++;
          const childNode = heap[child]!;
          if (distance[childNode]! >= key) break;
          heap[i] = childNode;
          position[childNode] = i;
          i = child;
        }
        heap[i] = last;
        position[last] = i;
      }
      if (node < firstThruIndex && node !== origin) continue;
      const base = distance[node]!;
      for (let k: number = firstOut[node]!, end: number = firstOut[node + 1]!; k < end; k++) {
        const link: number = outLinks[k]!;
        const next = head[link]!;
        const at = position[next]!;
        if (at === -2) continue;
        const candidate = base + costs[link]!;
        if (candidate < distance[next]!) {
          distance[next] = candidate;
          predecessorLink[next] = link;
          if (at === -1) siftUp(size++, next, candidate);
          else siftUp(at, next, candidate);
        }
      }
    }
  };

  return { distance, predecessorLink, run };
}
