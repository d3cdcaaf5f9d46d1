/**
 * The compact road graph the solvers run on: links in typed arrays and a forward star
 * (compressed sparse row: the links leaving node n are outLinks[firstOut[n] .. firstOut[n+1])).
 * Nodes are 0-based here (TNTP node k is index k - 1).
 */
import { type TrafficNetwork, validateNetwork } from './network.ts';

/** A network compiled into typed arrays. Times in the network time unit, volumes in PCU. */
export interface RoadGraph {
  nodeCount: number;
  zoneCount: number;
  linkCount: number;
  /** Node indices below this are centroids: paths may start or end there but not pass through. */
  firstThruIndex: number;
  /** 0-based tail node of each link. */
  tail: Int32Array;
  /** 0-based head node of each link. */
  head: Int32Array;
  /** PCU per hour. */
  capacity: Float64Array;
  freeFlowTime: Float64Array;
  b: Float64Array;
  power: Float64Array;
  /** Generalized-cost part independent of volume: tollFactor·toll + distanceFactor·length (time units). */
  fixedCost: Float64Array;
  /** Link lengths in the network distance unit. */
  length: Float64Array;
  /** Forward star offsets, length nodeCount + 1. */
  firstOut: Int32Array;
  /** Link indices grouped by tail node. */
  outLinks: Int32Array;
}

/** Validates and compiles a network (throws InputError naming `links[i].field`). */
export function compileNetwork(network: TrafficNetwork): RoadGraph {
  validateNetwork(network);
  const linkCount = network.links.length;
  const nodeCount = network.nodeCount;
  const graph: RoadGraph = {
    nodeCount,
    zoneCount: network.zoneCount,
    linkCount,
    firstThruIndex: network.firstThruNode - 1,
    tail: new Int32Array(linkCount),
    head: new Int32Array(linkCount),
    capacity: new Float64Array(linkCount),
    freeFlowTime: new Float64Array(linkCount),
    b: new Float64Array(linkCount),
    power: new Float64Array(linkCount),
    fixedCost: new Float64Array(linkCount),
    length: new Float64Array(linkCount),
    firstOut: new Int32Array(nodeCount + 1),
    outLinks: new Int32Array(linkCount),
  };
  network.links.forEach((link, i) => {
    graph.tail[i] = link.from - 1;
    graph.head[i] = link.to - 1;
    graph.capacity[i] = link.capacity;
    graph.freeFlowTime[i] = link.freeFlowTime;
    graph.b[i] = link.b;
    graph.power[i] = link.power;
    graph.length[i] = link.length;
    graph.fixedCost[i] = network.tollFactor * link.toll + network.distanceFactor * link.length;
    graph.firstOut[link.from]!++;
  });
  for (let n = 0; n < nodeCount; n++) graph.firstOut[n + 1]! += graph.firstOut[n]!;
  const cursor = graph.firstOut.slice(0, nodeCount);
  for (let i = 0; i < linkCount; i++) graph.outLinks[cursor[graph.tail[i]!]!++] = i;
  return graph;
}
