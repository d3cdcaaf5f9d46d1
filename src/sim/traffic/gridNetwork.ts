/**
 * A synthetic Manhattan grid network for benchmarks and tests when no real network is at hand:
 * two-way links between neighbouring nodes, seeded random capacities and speeds. All nodes are
 * zones (zone z is node z) and may be passed through (first thru node 1).
 */
import { seededRandom } from '../../core/random.ts';
import type { OdDemand, TrafficLink, TrafficNetwork } from './network.ts';

/** A generated grid: the network and each node's position (metres east and north of node 1). */
export interface GridNetwork {
  network: TrafficNetwork;
  nodeXMetres: Float64Array;
  nodeYMetres: Float64Array;
}

/** Spacing between neighbouring nodes (a city block), metres. */
const BLOCK_METRES = 400;

/**
 * Generates a columns×rows grid: lengths in km, free-flow times in minutes at 30–60 km/h,
 * capacities 800–2,400 PCU/h, BPR b = 0.15, power 4.
 */
export function generateGridNetwork(columns: number, rows: number, seed: number): GridNetwork {
  const random = seededRandom(seed);
  const nodeCount = columns * rows;
  const nodeXMetres = new Float64Array(nodeCount);
  const nodeYMetres = new Float64Array(nodeCount);
  const links: TrafficLink[] = [];
  const addLink = (from: number, to: number): void => {
    const length = BLOCK_METRES / 1000;
    const speedKmh = random.range(30, 60);
    links.push({
      from: from + 1,
      to: to + 1,
      capacity: random.range(800, 2400),
      length,
      freeFlowTime: (length / speedKmh) * 60,
      b: 0.15,
      power: 4,
      toll: 0,
      linkType: 1,
    });
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const node = r * columns + c;
      nodeXMetres[node] = c * BLOCK_METRES;
      nodeYMetres[node] = r * BLOCK_METRES;
      if (c + 1 < columns) {
        addLink(node, node + 1);
        addLink(node + 1, node);
      }
      if (r + 1 < rows) {
        addLink(node, node + columns);
        addLink(node + columns, node);
      }
    }
  }
  const network: TrafficNetwork = {
    nodeCount,
    zoneCount: nodeCount,
    firstThruNode: 1,
    tollFactor: 0,
    distanceFactor: 0,
    links,
  };
  return { network, nodeXMetres, nodeYMetres };
}

/** Seeded uniform random demand between every pair of distinct zones, in [0, maxTripsPerPair). */
export function generateRandomDemand(zoneCount: number, maxTripsPerPair: number, seed: number): OdDemand {
  const random = seededRandom(seed);
  const flows = new Float64Array(zoneCount * zoneCount);
  for (let o = 0; o < zoneCount; o++) {
    for (let d = 0; d < zoneCount; d++)
      if (o !== d) flows[o * zoneCount + d] = random.range(0, maxTripsPerPair);
  }
  return { zoneCount, flows };
}
