import type { ClockHour } from './eventClock.ts';
import type { FloorSpace } from '../sim/floorSpace.ts';
import type { Kpis } from './kpis.ts';

/**
 * What each simulation stage of the scenario pipeline hands to the next (land use → flood →
 * traffic) and to the comparison view. Positions are scene metres (core/geo frame).
 */

/** Land use: where floor space is and what it is used for, and how much ground sheds rain. */
export interface LanduseStageResult {
  /** One entry per building or build-out parcel (existing and proposed). */
  floorSpace: FloorSpace;
  /**
   * Impervious fraction per cell of the dataset's terrain grid (terrain.json frame, row 0
   * north), 0..1; absent = the land-cover table's values.
   */
  imperviousness?: Float32Array;
  kpis: Kpis;
}

/** Flood: the depth map and the roads it closes. */
export interface FloodStageResult {
  /** Road link ids (roads.json `links.ids`) whose depth reached the closing depth (0.30 m) at any time of the event. */
  impassableLinkIds: string[];
  /** The hour the traffic stage assigns, on the event clock (scenario/eventClock.ts). */
  assignedHour: ClockHour;
  /** Road link ids whose depth is at least the closing depth (0.30 m) at some time within `assignedHour`. */
  closedInAssignedHourLinkIds: string[];
  /** Maximum depth per cell of the flood grid, metres. */
  maxDepthMetres: Float32Array;
  /**
   * The water rising and receding: depth per cell of the flood grid, metres, at each of
   * `frameTimesSeconds` (0 on held river cells, which are a boundary, not a flood result).
   */
  depthFramesMetres: Float32Array[];
  /** Event-clock times of `depthFramesMetres`, s: 0, every frame interval, the event's end (increasing). */
  frameTimesSeconds: number[];
  /** River (tide) level at each of `frameTimesSeconds`, m above MSL. */
  frameTideLevelsMetres: number[];
  /** The flood grid's frame (EPSG:32648, row 0 north). */
  grid: {
    xllCornerMetres: number;
    yllCornerMetres: number;
    cellSizeMetres: number;
    columns: number;
    rows: number;
  };
  kpis: Kpis;
}

/** Traffic: link volumes and speeds of the equilibrium, aligned with roads.json links. */
export interface TrafficStageResult {
  /** PCU/h per roads.json link (0 for closed links). */
  linkVolumePcuPerHour: Float32Array;
  /** Volume / capacity per link. */
  linkVolumeCapacityRatio: Float32Array;
  kpis: Kpis;
}
