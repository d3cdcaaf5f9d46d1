/**
 * Questions about one link of the current scenario's traffic run: the OD pairs on it (asked of
 * the scenario worker, which holds the assignment) and its index in roads.json.
 */
import type { OdShare } from '../../sim/traffic/pathSet.ts';
import { scenarioWorker } from '../run/scenarioWorker.ts';

/** The OD pairs (zone numbers) with most flow on roads.json link `roadLink` in assignment `trafficKey`. */
export function topOdPairsOnRoadLink(
  trafficKey: string,
  roadLink: number,
  count: number,
): Promise<OdShare[]> {
  return scenarioWorker().topOdPairsOnRoadLink(trafficKey, roadLink, count);
}

let roadIndexById: { ids: readonly string[]; index: Map<string, number> } | undefined;

/** Index of link `id` in roads.json `links.ids`, -1 when unknown. */
export function roadLinkIndex(ids: readonly string[], id: string): number {
  if (roadIndexById?.ids !== ids) {
    const index = new Map<string, number>();
    for (const [i, linkId] of ids.entries()) index.set(linkId, i);
    roadIndexById = { ids, index };
  }
  return roadIndexById.index.get(id) ?? -1;
}
