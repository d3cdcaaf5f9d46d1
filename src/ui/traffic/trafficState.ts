/**
 * State of the traffic panel shared by the panel (DOM) and its map layers (canvas): how links are
 * coloured and whether vehicles move. The assignment itself is the traffic stage of the current
 * scenario's run (scenario worker, ui/run); link queries go to that worker.
 */
import { createStore } from 'zustand/vanilla';
import type { OdShare } from '../../sim/traffic/pathSet.ts';
import { scenarioWorker } from '../run/scenarioWorker.ts';

/** The panel's state. */
export interface TrafficUiState {
  /** Links coloured by V/C, or by the volume difference to the base scenario's run (same options). */
  colourBy: 'ratio' | 'difference';
  vehiclesOn: boolean;
}

export const trafficUi = createStore<TrafficUiState>(() => ({
  colourBy: 'ratio',
  vehiclesOn: false,
}));

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
