/**
 * The road network and demand a traffic assignment runs on: plain data that any source can
 * fill (a TNTP file, the Thủ Đức dataset, a scenario edit), independent of file formats.
 *
 * Conventions follow TNTP (Transportation Networks for Research Core Team,
 * https://github.com/bstabler/TransportationNetworks): nodes are numbered 1..nodeCount, zones
 * are the nodes 1..zoneCount, and nodes numbered below `firstThruNode` are zone centroids that
 * paths may start or end at but never pass through.
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import type { TntpNetwork } from '../../data/tntp/tntpTypes.ts';

/** One directed road link. Units are the network's own; the Thủ Đức data uses km, minutes, PCU/h. */
export interface TrafficLink {
  /** Tail node number, 1..nodeCount. */
  from: number;
  /** Head node number, 1..nodeCount. */
  to: number;
  /** Practical capacity in PCU per hour (the BPR `c`); must be > 0. */
  capacity: number;
  /** Length in the network distance unit (km for Thủ Đức; TNTP files vary). */
  length: number;
  /** Free-flow travel time in the network time unit (minutes for Thủ Đức; Sioux Falls: 0.01 h). */
  freeFlowTime: number;
  /** BPR coefficient `b` (dimensionless; 0.15 in the 1964 Bureau of Public Roads manual). */
  b: number;
  /** BPR exponent (dimensionless; 4 in the BPR manual). */
  power: number;
  /** Toll in money units; enters the generalized cost times `tollFactor`. */
  toll: number;
  /** Link type code, carried through (not used by the assignment). */
  linkType: number;
}

/** A road network in TNTP conventions. */
export interface TrafficNetwork {
  /** Number of nodes; nodes are numbered 1..nodeCount. */
  nodeCount: number;
  /** Number of zones; zone z is node z. */
  zoneCount: number;
  /** Nodes numbered below this are centroids: never passed through, only start or end. */
  firstThruNode: number;
  /** Time units per money unit of toll in the generalized cost (TNTP `<TOLL FACTOR>`; 0 when absent). */
  tollFactor: number;
  /** Time units per distance unit in the generalized cost (TNTP `<DISTANCE FACTOR>`; 0 when absent). */
  distanceFactor: number;
  links: TrafficLink[];
}

/**
 * The network of a TNTP `_net.tntp` file (data/tntp/net.ts) in the simulation's terms: links
 * keep capacity, length, free-flow time, BPR b and power, toll and link type (the speed column
 * is not used by the assignment).
 */
export function networkFromTntp(tntp: TntpNetwork): TrafficNetwork {
  return {
    nodeCount: tntp.nodeCount,
    zoneCount: tntp.zoneCount,
    firstThruNode: tntp.firstThruNode,
    tollFactor: tntp.tollFactor,
    distanceFactor: tntp.distanceFactor,
    links: tntp.links.map((link) => ({
      from: link.initNode,
      to: link.termNode,
      capacity: link.capacity,
      length: link.length,
      freeFlowTime: link.freeFlowTime,
      b: link.b,
      power: link.power,
      toll: link.toll,
      linkType: link.linkType,
    })),
  };
}

/** Origin–destination demand between zones, in PCU per hour (or per period, consistently with capacity). */
export interface OdDemand {
  zoneCount: number;
  /** Row-major by origin: flows[(origin - 1) * zoneCount + (destination - 1)]. */
  flows: Float64Array;
}

/**
 * Checks a network's numbers and returns every problem with a JSON path (`links[3].capacity`).
 * Throws InputError when there is any.
 */
export function validateNetwork(network: TrafficNetwork, demand?: OdDemand): void {
  const problems: InputProblem[] = [];
  const { nodeCount, zoneCount, firstThruNode } = network;
  if (!Number.isInteger(nodeCount) || nodeCount < 1) {
    problems.push({ path: 'nodeCount', message: `expected a positive integer, got ${nodeCount}` });
  }
  if (!Number.isInteger(zoneCount) || zoneCount < 0 || zoneCount > nodeCount) {
    problems.push({ path: 'zoneCount', message: `expected an integer in 0..${nodeCount}, got ${zoneCount}` });
  }
  if (!Number.isInteger(firstThruNode) || firstThruNode < 1 || firstThruNode > nodeCount + 1) {
    problems.push({
      path: 'firstThruNode',
      message: `expected an integer in 1..${nodeCount + 1}, got ${firstThruNode}`,
    });
  }
  network.links.forEach((link, i) => {
    const at = `links[${i}]`;
    for (const key of ['from', 'to'] as const) {
      const node = link[key];
      if (!Number.isInteger(node) || node < 1 || node > nodeCount) {
        problems.push({
          path: `${at}.${key}`,
          message: `expected a node number in 1..${nodeCount}, got ${node}`,
        });
      }
    }
    if (!(link.capacity > 0)) problems.push({ path: `${at}.capacity`, message: 'expected a number > 0' });
    for (const key of ['length', 'freeFlowTime', 'b', 'power', 'toll'] as const) {
      const value = link[key];
      if (!(Number.isFinite(value) && value >= 0)) {
        problems.push({ path: `${at}.${key}`, message: `expected a finite number >= 0, got ${value}` });
      }
    }
  });
  if (demand !== undefined) {
    if (demand.zoneCount !== zoneCount) {
      problems.push({
        path: 'demand.zoneCount',
        message: `the network has ${zoneCount} zones, the demand ${demand.zoneCount}`,
      });
    } else if (demand.flows.length !== zoneCount * zoneCount) {
      problems.push({ path: 'demand.flows', message: `expected ${zoneCount * zoneCount} values` });
    }
    const bad = demand.flows.findIndex((f) => !(Number.isFinite(f) && f >= 0));
    if (bad >= 0) problems.push({ path: `demand.flows[${bad}]`, message: 'expected a finite number >= 0' });
  }
  if (problems.length > 0) throw new InputError(problems);
}
