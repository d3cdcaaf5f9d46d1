import { distanceToNearestTarget, type RoadGraph, type SnappedPoints } from '../networkAccess.ts';

/**
 * Share of residents (0..1) within each walking distance of the nearest POI, for homes already
 * snapped to the road graph (so that the 140 000 existing buildings are snapped once per city,
 * not once per POI category and scenario). Distance = home's off-network walk + network
 * distance (multi-source Dijkstra from the POIs, networkAccess.ts) — the same measure as
 * `shareOfResidentsWithin`.
 */
export function accessSharesOfSnappedHomes(
  graph: RoadGraph,
  homes: SnappedPoints,
  residents: ArrayLike<number>,
  pois: SnappedPoints,
  thresholdsMetres: readonly number[],
): number[] {
  const toPoi = distanceToNearestTarget(graph, pois.node, pois.distanceMetres);
  let total = 0;
  const within = thresholdsMetres.map(() => 0);
  for (let k = 0; k < residents.length; k++) {
    const count = residents[k]!;
    if (count <= 0) continue;
    const d = homes.distanceMetres[k]! + toPoi[homes.node[k]!]!;
    total += count;
    for (let t = 0; t < thresholdsMetres.length; t++) if (d <= thresholdsMetres[t]!) within[t]! += count;
  }
  return within.map((w) => (total > 0 ? w / total : 0));
}
