/**
 * The map layers of one scenario run as files (`twin scenario run --layers DIR`, spec cli.md):
 * the flood stage's maximum depth as an ESRI ASCII grid (EPSG:32648) and the traffic stage's
 * per-link result as a GeoJSON FeatureCollection (WGS84). Pure functions on the stage results and
 * the dataset's roads; the CLI writes the text.
 */
import { fromSceneMetres } from '../core/geo.ts';
import { formatEsriAscii } from '../data/grid/esriAscii.ts';
import type { RasterGrid } from '../data/grid/rasterGrid.ts';
import type { Scenario } from './scenario.ts';
import type { FloodStageResult } from './stageResults.ts';

/** File names written into the layers folder. */
export const FLOOD_MAX_DEPTH_FILE = 'flood-max-depth.asc';
export const TRAFFIC_LINKS_FILE = 'traffic-links.geojson';

/** Depths are written to the millimetre, m. */
const DEPTH_STEP_METRES = 0.001;
/** Decimal places of longitudes/latitudes (1e-7° ≈ 1 cm). */
const COORDINATE_DECIMALS = 7;
/** Decimal places of volumes (PCU/h) and speeds (km/h). */
const VALUE_DECIMALS = 2;

/**
 * The flood stage's maximum depth as a raster on its grid (EPSG:32648, row 0 north), metres
 * rounded to the millimetre; NaN (NODATA) where `inside` is 0 (cells outside the city, which
 * the engine treats as walls). Without `inside` every cell is written.
 */
export function floodMaxDepthGrid(
  flood: Pick<FloodStageResult, 'maxDepthMetres' | 'grid'>,
  inside?: ArrayLike<number>,
): RasterGrid {
  const { grid, maxDepthMetres } = flood;
  const n = grid.columns * grid.rows;
  if (maxDepthMetres.length !== n)
    throw new Error(
      `flood result has ${maxDepthMetres.length} depths for a ${grid.columns}×${grid.rows} grid`,
    );
  if (inside && inside.length !== n)
    throw new Error(`city mask has ${inside.length} cells for a ${grid.columns}×${grid.rows} grid`);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const depth = maxDepthMetres[k]!;
    values[k] =
      (inside && !inside[k]) || Number.isNaN(depth)
        ? Number.NaN
        : Math.round(Math.max(0, depth) / DEPTH_STEP_METRES) * DEPTH_STEP_METRES;
  }
  return { ...grid, values };
}

/** {@link floodMaxDepthGrid} as ESRI ASCII text (NODATA_value -9999). */
export function floodMaxDepthEsriAscii(
  flood: Pick<FloodStageResult, 'maxDepthMetres' | 'grid'>,
  inside?: ArrayLike<number>,
): string {
  // 6 significant digits keep the millimetre of any depth below 1000 m and drop float noise.
  return formatEsriAscii(floodMaxDepthGrid(flood, inside), { noDataValue: -9999, precision: 6 });
}

/** What the links export reads of roads.json (`twin-roads/1`, scene metres). */
export interface RoadLinksForLayers {
  links: {
    ids: readonly string[];
    geometry: readonly number[];
    reversed: readonly number[];
    capacityPcuPerHour: readonly number[];
  };
  geometries: { offsets: readonly number[]; coordinates: readonly number[] };
}

/** The traffic stage's per-link arrays (aligned with roads.json links). */
export interface TrafficLinkResult {
  linkVolumePcuPerHour: ArrayLike<number>;
  linkSpeedKmh: ArrayLike<number>;
}

/** Properties of one feature of `traffic-links.geojson`. */
export interface TrafficLinkProperties {
  /** roads.json link id (`<wayId>-<segment>f|b`). */
  id: string;
  /** Assigned volume in the assigned hour, PCU/h (0 when closed). */
  volumePcuPerHour: number;
  /** Capacity of the link (one direction), PCU/h, from roads.json. */
  capacityPcuPerHour: number;
  /** Congested speed, km/h (0 when closed or not modelled). */
  speedKmh: number;
  /** Closed in the assigned hour: by a road-closure edit or by the flood (≥ 0.30 m deep). */
  closed: boolean;
}

/** A GeoJSON FeatureCollection of the directed links. */
export interface TrafficLinksGeoJson {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'LineString'; coordinates: Array<[number, number]> };
    properties: TrafficLinkProperties;
  }>;
}

/**
 * One LineString per directed roads.json link in WGS84 ([longitude, latitude], RFC 7946), drawn
 * in the link's direction of travel, with its volume, capacity, speed and whether it was closed
 * (`closedLinkIds`: the flood's closures in the assigned hour and the scenario's road closures).
 */
export function trafficLinksGeoJson(
  roads: RoadLinksForLayers,
  traffic: TrafficLinkResult,
  closedLinkIds: Iterable<string>,
): TrafficLinksGeoJson {
  const count = roads.links.ids.length;
  if (traffic.linkVolumePcuPerHour.length !== count || traffic.linkSpeedKmh.length !== count)
    throw new Error(
      `traffic result has ${traffic.linkVolumePcuPerHour.length} links, the dataset's roads ${count}`,
    );
  const closed = new Set(closedLinkIds);
  const { offsets, coordinates: c } = roads.geometries;
  const coordinateScale = 10 ** COORDINATE_DECIMALS;
  const valueScale = 10 ** VALUE_DECIMALS;
  const roundCoordinate = (v: number) => Math.round(v * coordinateScale) / coordinateScale;
  const roundValue = (v: number) => (Number.isFinite(v) ? Math.round(v * valueScale) / valueScale : 0);
  const features = roads.links.ids.map((id, i) => {
    const g = roads.links.geometry[i]!;
    const line: Array<[number, number]> = [];
    for (let v = offsets[g]!; v < offsets[g + 1]!; v++) {
      const [lon, lat] = fromSceneMetres(c[2 * v]!, c[2 * v + 1]!);
      line.push([roundCoordinate(lon), roundCoordinate(lat)]);
    }
    if (roads.links.reversed[i]) line.reverse();
    return {
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates: line },
      properties: {
        id,
        volumePcuPerHour: roundValue(traffic.linkVolumePcuPerHour[i]!),
        capacityPcuPerHour: roads.links.capacityPcuPerHour[i]!,
        speedKmh: roundValue(traffic.linkSpeedKmh[i]!),
        closed: closed.has(id),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The links closed in the traffic stage's assigned hour: the scenario's road-closure edits and
 * the flood stage's closures in that hour (when the flood stage ran).
 */
export function closedLinkIdsOfRun(
  scenario: Scenario,
  flood?: Pick<FloodStageResult, 'closedInAssignedHourLinkIds'>,
): Set<string> {
  const closed = new Set<string>(flood?.closedInAssignedHourLinkIds ?? []);
  for (const edit of scenario.edits)
    if (edit.type === 'roadClosure') for (const id of edit.linkIds) closed.add(id);
  return closed;
}
