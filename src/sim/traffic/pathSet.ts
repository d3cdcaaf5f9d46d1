/**
 * The paths an assignment used, compactly: which OD pair each path serves, its flow and its
 * links. Answers "which OD pairs use this link" and feeds the vehicle stepper.
 */

/** Paths in typed arrays (transferable). Zone numbers are 1-based as in TNTP. */
export interface PathSet {
  /** Origin zone of each path. */
  origin: Int32Array;
  /** Destination zone of each path. */
  destination: Int32Array;
  /** Flow on each path, PCU per period. */
  flow: Float64Array;
  /** Links of path p are links[linkStart[p] .. linkStart[p + 1]); length pathCount + 1. */
  linkStart: Int32Array;
  /** Link indices (0-based, in network order), in travel order. */
  links: Int32Array;
}

/** One OD pair's share of a link's volume. */
export interface OdShare {
  origin: number;
  destination: number;
  /** PCU per period of this OD pair on the link. */
  flow: number;
}

/** The `k` OD pairs with the most flow on link `linkIndex` (0-based), largest first. */
export function topOdPairsOnLink(paths: PathSet, linkIndex: number, k: number): OdShare[] {
  const byPair = new Map<string, OdShare>();
  for (let p = 0; p < paths.flow.length; p++) {
    const flow = paths.flow[p]!;
    if (flow <= 0) continue;
    for (let j = paths.linkStart[p]!; j < paths.linkStart[p + 1]!; j++) {
      if (paths.links[j] !== linkIndex) continue;
      const origin = paths.origin[p]!;
      const destination = paths.destination[p]!;
      const key = `${origin},${destination}`;
      const share = byPair.get(key);
      if (share) share.flow += flow;
      else byPair.set(key, { origin, destination, flow });
      break;
    }
  }
  return [...byPair.values()]
    .sort((a, b) => b.flow - a.flow || a.origin - b.origin || a.destination - b.destination)
    .slice(0, k);
}
