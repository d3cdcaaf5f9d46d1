/**
 * State of the zoning editor shared by its panel (DOM) and its map layers (canvas): the city's
 * parcels (from the scenario worker, which holds the prepared land-use model), the tool, the
 * selection, the polygon being drawn and the growth year shown. The land-use results drawn are
 * the land-use stage of the current scenario's run (ui/run).
 */
import { createStore } from 'zustand/vanilla';
import type { ParcelOutlines } from '../../scenario/stages/landuseView.ts';
import { datasetUrl, scenarioWorker } from '../run/scenarioWorker.ts';

/** Editor tool: none, click parcels, or draw a polygon. */
export type ZoningTool = 'none' | 'select' | 'draw';

/** The editor's state. */
export interface LanduseUiState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error?: string;
  outlines?: ParcelOutlines;
  tool: ZoningTool;
  /** Selected parcel indices (into outlines). */
  selection: number[];
  /** Vertices of the polygon being drawn, scene metres. */
  drawing: Array<[number, number]>;
  /** The finished polygon, scene metres. */
  polygon: Array<[number, number]> | undefined;
  growthYear: number;
}

export const landuseUi = createStore<LanduseUiState>(() => ({
  status: 'idle',
  tool: 'none',
  selection: [],
  drawing: [],
  polygon: undefined,
  growthYear: 2045,
}));

/** Loads the city's parcels from the scenario worker (once per page). */
export async function prepareParcels(): Promise<void> {
  if (landuseUi.getState().status !== 'idle') return;
  landuseUi.setState({ status: 'loading' });
  try {
    const outlines = await scenarioWorker().parcelOutlines(datasetUrl());
    landuseUi.setState({ status: 'ready', outlines });
  } catch (error) {
    landuseUi.setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
