import Flatbush from 'flatbush';

/**
 * A generic road graph for accessibility: nodes with planar positions (local or scene metres)
 * and directed links with lengths. Two-way streets appear as two links, or pass
 * `bidirectional` to the search functions (walking ignores one-way restrictions).
 */
export interface RoadGraph {
  nodeCount: number;
  /** Node positions east/north, metres (any planar metric frame, the same as the points'). */
  nodeEastMetres: ArrayLike<number>;
  nodeNorthMetres: ArrayLike<number>;
  linkFrom: ArrayLike<number>;
  linkTo: ArrayLike<number>;
  linkLengthMetres: ArrayLike<number>;
}

/** A point snapped to its nearest graph node. */
export interface SnappedPoints {
  node: Int32Array;
  /** Straight-line distance from each point to its node, metres (walked off the network). */
  distanceMetres: Float64Array;
}

/**
 * Snaps points (east/north metres) to their nearest graph node (Euclidean), with a Flatbush
 * k-nearest-neighbour index over the nodes.
 */
export function snapToNodes(
  graph: RoadGraph,
  eastMetres: ArrayLike<number>,
  northMetres: ArrayLike<number>,
): SnappedPoints {
  if (graph.nodeCount === 0) throw new Error('cannot snap to a graph without nodes');
  const index = new Flatbush(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    const x = graph.nodeEastMetres[i]!;
    const y = graph.nodeNorthMetres[i]!;
    index.add(x, y, x, y);
  }
  index.finish();
  const n = eastMetres.length;
  const node = new Int32Array(n);
  const distanceMetres = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const x = eastMetres[k]!;
    const y = northMetres[k]!;
    const nearest = index.neighbors(x, y, 1)[0]!;
    node[k] = nearest;
    distanceMetres[k] = Math.hypot(graph.nodeEastMetres[nearest]! - x, graph.nodeNorthMetres[nearest]! - y);
  }
  return { node, distanceMetres };
}

/**
 * Multi-source Dijkstra (binary heap, lazy deletion): for every node, the shortest network
 * distance in metres from that node to the nearest target, where each target node starts at
 * its own initial distance (e.g. the off-network walk from the POI to its node). Searches the
 * links backwards, so with directed links it is the distance travelled from the node to a target.
 * Unreachable nodes get Infinity.
 */
export function distanceToNearestTarget(
  graph: RoadGraph,
  targetNodes: ArrayLike<number>,
  targetInitialMetres: ArrayLike<number>,
  bidirectional = true,
): Float64Array {
  const { nodeCount, linkFrom, linkTo, linkLengthMetres } = graph;
  const linkCount = linkFrom.length;
  // Compressed adjacency of the search graph (reversed links, plus forward ones when bidirectional).
  const degree = new Int32Array(nodeCount + 1);
  for (let l = 0; l < linkCount; l++) {
    degree[linkTo[l]! + 1]!++;
    if (bidirectional) degree[linkFrom[l]! + 1]!++;
  }
  for (let i = 0; i < nodeCount; i++) degree[i + 1]! += degree[i]!;
  const start = degree.slice();
  const neighbour = new Int32Array(degree[nodeCount]!);
  const length = new Float64Array(degree[nodeCount]!);
  for (let l = 0; l < linkCount; l++) {
    const at = start[linkTo[l]!]!++;
    neighbour[at] = linkFrom[l]!;
    length[at] = linkLengthMetres[l]!;
    if (bidirectional) {
      const back = start[linkFrom[l]!]!++;
      neighbour[back] = linkTo[l]!;
      length[back] = linkLengthMetres[l]!;
    }
  }
  const distance = new Float64Array(nodeCount).fill(Infinity);
  const heap = new MinHeap(neighbour.length + targetNodes.length);
  for (let k = 0; k < targetNodes.length; k++) {
    const node = targetNodes[k]!;
    const d = targetInitialMetres[k]!;
    if (d < distance[node]!) {
      distance[node] = d;
      heap.push(node, d);
    }
  }
  while (heap.size > 0) {
    const d = heap.topKey();
    const node = heap.pop();
    if (d > distance[node]!) continue;
    for (let e = degree[node]!, end = degree[node + 1]!; e < end; e++) {
      const next = neighbour[e]!;
      const candidate = d + length[e]!;
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        heap.push(next, candidate);
      }
    }
  }
  return distance;
}

/** A binary min-heap of (node, key) pairs in typed arrays. */
class MinHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  push(node: number, key: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}

/** Residents at points (east/north metres) with a head count each. */
export interface ResidentPoints {
  eastMetres: ArrayLike<number>;
  northMetres: ArrayLike<number>;
  residents: ArrayLike<number>;
}

/**
 * Share of residents (0..1) whose walking distance to the nearest POI of one type is at most
 * each threshold (e.g. 500 m and 1 000 m). Distance = off-network walk from home to its
 * nearest node + network distance + off-network walk from the POI's node to the POI.
 */
export function shareOfResidentsWithin(
  graph: RoadGraph,
  homes: ResidentPoints,
  poiEastMetres: ArrayLike<number>,
  poiNorthMetres: ArrayLike<number>,
  thresholdsMetres: readonly number[],
): Array<{ withinMetres: number; share: number }> {
  const pois = snapToNodes(graph, poiEastMetres, poiNorthMetres);
  const toPoi = distanceToNearestTarget(graph, pois.node, pois.distanceMetres);
  const snapped = snapToNodes(graph, homes.eastMetres, homes.northMetres);
  let total = 0;
  const within = thresholdsMetres.map(() => 0);
  for (let k = 0; k < homes.residents.length; k++) {
    const count = homes.residents[k]!;
    const d = snapped.distanceMetres[k]! + toPoi[snapped.node[k]!]!;
    total += count;
    for (let t = 0; t < thresholdsMetres.length; t++) if (d <= thresholdsMetres[t]!) within[t]! += count;
  }
  return thresholdsMetres.map((withinMetres, t) => ({
    withinMetres,
    share: total > 0 ? within[t]! / total : 0,
  }));
}
