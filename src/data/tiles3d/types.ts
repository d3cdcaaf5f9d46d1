/**
 * The building record the tileset writer takes. The OSM pipeline's record
 * (src/data/pipeline/buildings.ts, `use: LandUse`) is assignable to it unchanged — a test checks
 * this at compile time; `use` is any string here so the writer does not depend on the scenario's
 * land-use list.
 */

/** Where a building comes from: mapped in OpenStreetMap, or a flagged synthetic fill. */
export type BuildingSource = 'osm' | 'synthetic';

/** One building, footprint in scene metres (east/north from SCENE_ORIGIN, src/core/geo.ts). */
export interface BuildingRecord {
  /** Stable identifier, e.g. `way/123456` or `syn/42`. */
  id: string;
  source: BuildingSource;
  /** Land-use code: residential, commercial, industrial, mixed, education, health, public, ... */
  use: string;
  /** Height of the flat roof above ground, metres. */
  heightMetres: number;
  /** Number of storeys (integer, 0..65535). */
  floors: number;
  /** Outer ring, [east, north] scene metres, counter-clockwise, not closed (first != last). */
  footprint: Array<[number, number]>;
}
