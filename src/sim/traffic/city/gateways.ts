/**
 * External gateway zones: where main roads (motorway, trunk, primary) cross the city boundary.
 * A crossing link has one end inside and the other outside, both on the kept network; crossing links
 * whose outside ends lie within `clusterMetres` of each other (the two carriageways of one
 * road, a bridge pair) form one gateway, named after the most common road name among them.
 * The gateway zone is attached to the outside ends; when an outside end is off the kept network
 * (a dead end of the dataset's clipped margin, e.g. a long bridge or tunnel), to the first kept
 * node downstream of an inbound link (upstream of an outbound one), found breadth-first.
 */
import type { RoadsDocument } from '../../../data/formats/roads.ts';

/** Road classes that make gateways (indices into ROAD_CLASSES: motorway, trunk, primary). */
export const GATEWAY_MAX_CLASS_INDEX = 2;

/** One gateway zone. */
export interface Gateway {
  /** Road name (most common among its links; '' when unnamed). */
  name: string;
  eastMetres: number;
  northMetres: number;
  /** roads.json link indices entering the city. */
  inboundLinks: number[];
  /** roads.json link indices leaving the city. */
  outboundLinks: number[];
  /** roads.json node where each inbound link's traffic enters (its outer end, or its inner end when the outer one is off the kept network). */
  entryNodes: number[];
  /** roads.json node where each outbound link's traffic leaves. */
  exitNodes: number[];
  /** Sum of the inbound / outbound links' capacity, PCU/h. */
  inboundCapacityPcuPerHour: number;
  outboundCapacityPcuPerHour: number;
}

/**
 * Finds the gateways of `roads` given which nodes are on the kept network (`kept`) and which are
 * inside the city (`inside`). Deterministic (links in index order).
 */
export function findGateways(
  roads: RoadsDocument,
  inside: Uint8Array,
  kept: Uint8Array,
  clusterMetres: number,
): Gateway[] {
  const { from, to, roadClass, name, capacityPcuPerHour } = roads.links;
  const forward = adjacency(roads.nodeCount, from, to);
  const backward = adjacency(roads.nodeCount, to, from);
  const clusters: Array<{ links: number[]; inbound: boolean[]; attach: number[]; sx: number; sy: number }> =
    [];
  for (let i = 0; i < from.length; i++) {
    if (roadClass[i]! > GATEWAY_MAX_CLASS_INDEX) continue;
    const a = from[i]!;
    const b = to[i]!;
    if (inside[a] === inside[b]) continue;
    const inbound = inside[b] === 1;
    const outerEnd = inbound ? a : b;
    const outer = kept[outerEnd]
      ? outerEnd
      : nearestKept(inbound ? b : a, inbound ? forward : backward, kept);
    if (outer < 0) continue;
    const x = roads.nodePositions[2 * outer]!;
    const y = roads.nodePositions[2 * outer + 1]!;
    const near = clusters.find(
      (c) => Math.hypot(c.sx / c.links.length - x, c.sy / c.links.length - y) <= clusterMetres,
    );
    const cluster = near ?? { links: [], inbound: [], attach: [], sx: 0, sy: 0 };
    if (!near) clusters.push(cluster);
    cluster.links.push(i);
    cluster.inbound.push(inbound);
    cluster.attach.push(outer);
    cluster.sx += x;
    cluster.sy += y;
  }
  return clusters.map((c) => {
    const counts = new Map<string, number>();
    for (const i of c.links) {
      const label = roads.names[name[i]!] ?? '';
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const label = [...counts.entries()].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]?.[0];
    const inboundLinks = c.links.filter((_, k) => c.inbound[k]);
    const outboundLinks = c.links.filter((_, k) => !c.inbound[k]);
    const capacity = (links: number[]) => links.reduce((s, i) => s + capacityPcuPerHour[i]!, 0);
    return {
      name: label ?? '',
      eastMetres: c.sx / c.links.length,
      northMetres: c.sy / c.links.length,
      inboundLinks,
      outboundLinks,
      entryNodes: c.attach.filter((_, k) => c.inbound[k]),
      exitNodes: c.attach.filter((_, k) => !c.inbound[k]),
      inboundCapacityPcuPerHour: capacity(inboundLinks),
      outboundCapacityPcuPerHour: capacity(outboundLinks),
    };
  });
}

/** Links leaving each node, as lists of the far-end nodes. */
function adjacency(nodeCount: number, tail: readonly number[], head: readonly number[]): number[][] {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let i = 0; i < tail.length; i++) out[tail[i]!]!.push(head[i]!);
  return out;
}

/** The first kept node breadth-first from `start` (itself included) within 200 nodes; -1 if none. */
function nearestKept(start: number, next: number[][], kept: Uint8Array): number {
  const queue = [start];
  const seen = new Set(queue);
  for (let k = 0; k < queue.length && k < 200; k++) {
    const node = queue[k]!;
    if (kept[node]) return node;
    for (const n of next[node]!) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return -1;
}
