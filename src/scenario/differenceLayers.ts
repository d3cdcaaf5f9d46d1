/**
 * Difference layers of the comparison view (scenario B against scenario A): flood depth
 * difference per cell, traffic volume difference per link, and the change of proposed floor
 * space per site; plus their exports (GeoJSON in WGS84, ESRI ASCII grid). Pure functions on
 * the per-run layer data the scenario worker returns ({@link ScenarioLayers}).
 */
import { fromSceneMetres } from '../core/geo.ts';
import { formatEsriAscii } from '../data/grid/esriAscii.ts';
import type { RasterGrid } from '../data/grid/rasterGrid.ts';
import type { StageResults } from './pipeline.ts';
import type { FloodStageResult } from './stageResults.ts';

/** The map layers of one scenario run that the comparison view draws and exports. */
export interface ScenarioLayers {
  /**
   * Maximum flood depth, metres, on the flood grid (present when the flood stage ran), and the
   * depth frames of the water rising and receding (the flood panel's time slider).
   */
  flood?: {
    maxDepthMetres: Float32Array;
    grid: FloodStageResult['grid'];
    frames: {
      /** Depth per cell at each time, metres (0 on held river cells). */
      depthMetres: Float32Array[];
      /** Event-clock times, s (increasing; 0 first, the event's end last). */
      timesSeconds: number[];
      /** River (tide) level at each time, m above MSL. */
      tideLevelsMetres: number[];
    };
  };
  /** PCU/h per roads.json link (present when the traffic stage ran). */
  traffic?: { linkVolumePcuPerHour: Float32Array };
  /** Proposed floor space (build-out and growth), scene metres (present when land use ran). */
  newBuildings?: {
    eastMetres: Float64Array;
    northMetres: Float64Array;
    grossFloorAreaM2: Float64Array;
    /** Index into scenario LAND_USES. */
    use: Uint8Array;
  };
}

/**
 * Picks the comparison layers out of a pipeline run's stage results, as copies (the stage
 * results stay intact in the worker's cache), with the list of buffers to transfer (the depth
 * frames too: up to ~100 MB a run, moved to the main thread, never cloned).
 */
export function scenarioLayersOf(results: Partial<StageResults>): {
  layers: ScenarioLayers;
  transferables: ArrayBuffer[];
} {
  const layers: ScenarioLayers = {};
  const { flood, traffic, landuse } = results;
  if (flood)
    layers.flood = {
      maxDepthMetres: flood.maxDepthMetres.slice(),
      grid: { ...flood.grid },
      frames: {
        depthMetres: flood.depthFramesMetres.map((frame) => frame.slice()),
        timesSeconds: [...flood.frameTimesSeconds],
        tideLevelsMetres: [...flood.frameTideLevelsMetres],
      },
    };
  if (traffic) layers.traffic = { linkVolumePcuPerHour: traffic.linkVolumePcuPerHour.slice() };
  if (landuse) {
    const f = landuse.floorSpace;
    const picked: number[] = [];
    for (let i = 0; i < f.proposed.length; i++) if (f.proposed[i] === 1) picked.push(i);
    const pick = <T extends Float64Array | Uint8Array>(source: T, target: T): T => {
      picked.forEach((k, j) => {
        target[j] = source[k]!;
      });
      return target;
    };
    const n = picked.length;
    layers.newBuildings = {
      eastMetres: pick(f.eastMetres, new Float64Array(n)),
      northMetres: pick(f.northMetres, new Float64Array(n)),
      grossFloorAreaM2: pick(f.grossFloorAreaM2, new Float64Array(n)),
      use: pick(f.use, new Uint8Array(n)),
    };
  }
  const transferables: ArrayBuffer[] = [];
  if (layers.flood) {
    transferables.push(layers.flood.maxDepthMetres.buffer as ArrayBuffer);
    for (const frame of layers.flood.frames.depthMetres) transferables.push(frame.buffer as ArrayBuffer);
  }
  if (layers.traffic) transferables.push(layers.traffic.linkVolumePcuPerHour.buffer as ArrayBuffer);
  if (layers.newBuildings) {
    const b = layers.newBuildings;
    for (const a of [b.eastMetres, b.northMetres, b.grossFloorAreaM2, b.use])
      transferables.push(a.buffer as ArrayBuffer);
  }
  return { layers, transferables };
}

/** The maximum depth of a run's flood layer and its grid (what the difference reads). */
type FloodDepthLayer = Pick<NonNullable<ScenarioLayers['flood']>, 'maxDepthMetres' | 'grid'>;

/**
 * Flood depth difference B − A per cell, metres, on the common flood grid (row 0 north,
 * EPSG:32648). NaN where either depth is NaN. Throws when the two grids differ.
 */
export function floodDepthDifference(a: FloodDepthLayer, b: FloodDepthLayer): RasterGrid {
  const ga = a.grid;
  const gb = b.grid;
  if (
    ga.columns !== gb.columns ||
    ga.rows !== gb.rows ||
    ga.cellSizeMetres !== gb.cellSizeMetres ||
    ga.xllCornerMetres !== gb.xllCornerMetres ||
    ga.yllCornerMetres !== gb.yllCornerMetres
  ) {
    throw new Error('flood grids of the two scenarios differ; their depths cannot be subtracted');
  }
  const values = new Float64Array(ga.columns * ga.rows);
  for (let k = 0; k < values.length; k++) values[k] = b.maxDepthMetres[k]! - a.maxDepthMetres[k]!;
  return { ...ga, values };
}

/** Significant digits of exported depth differences (0.1 mm on a 1 m difference). */
const DEPTH_DIGITS = 4;

/** The flood depth difference B − A as ESRI ASCII grid text (metres, NaN as -9999, EPSG:32648). */
export function floodDifferenceEsriAscii(a: FloodDepthLayer, b: FloodDepthLayer): string {
  return formatEsriAscii(floodDepthDifference(a, b), { precision: DEPTH_DIGITS });
}

/** Traffic volume difference B − A per roads.json link, PCU/h. Throws when the link counts differ. */
export function trafficVolumeDifference(volumeA: Float32Array, volumeB: Float32Array): Float32Array {
  if (volumeA.length !== volumeB.length) {
    throw new Error(
      `link counts differ (${volumeA.length} vs ${volumeB.length}); volumes cannot be subtracted`,
    );
  }
  const difference = new Float32Array(volumeA.length);
  for (let i = 0; i < difference.length; i++) difference[i] = volumeB[i]! - volumeA[i]!;
  return difference;
}

/** The road links as the GeoJSON export reads them (roads.json `twin-roads/1`, scene metres). */
export interface LinkGeometries {
  links: { ids: readonly string[]; geometry: readonly number[]; reversed: readonly number[] };
  geometries: { offsets: readonly number[]; coordinates: readonly number[] };
}

/** Decimal places of exported longitudes/latitudes (1e-7° ≈ 1 cm). */
const COORDINATE_DECIMALS = 7;

/**
 * The traffic volume difference as a GeoJSON FeatureCollection in WGS84 (RFC 7946,
 * [longitude, latitude] degrees): one LineString per link, in the link's direction of travel,
 * with properties `id`, `volumeA`, `volumeB`, `difference` (B − A), PCU/h.
 */
export function trafficDifferenceGeoJson(
  roads: LinkGeometries,
  volumeA: Float32Array,
  volumeB: Float32Array,
): {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'LineString'; coordinates: Array<[number, number]> };
    properties: { id: string; volumeA: number; volumeB: number; difference: number };
  }>;
} {
  const difference = trafficVolumeDifference(volumeA, volumeB);
  const { offsets, coordinates: c } = roads.geometries;
  const scale = 10 ** COORDINATE_DECIMALS;
  const round = (v: number) => Math.round(v * scale) / scale;
  const features = roads.links.ids.map((id, i) => {
    const k = roads.links.geometry[i]!;
    const line: Array<[number, number]> = [];
    for (let v = offsets[k]!; v < offsets[k + 1]!; v++) {
      const [lon, lat] = fromSceneMetres(c[2 * v]!, c[2 * v + 1]!);
      line.push([round(lon), round(lat)]);
    }
    if (roads.links.reversed[i]) line.reverse();
    return {
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates: line },
      properties: { id, volumeA: volumeA[i]!, volumeB: volumeB[i]!, difference: difference[i]! },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Floor space that B adds or removes against A, one entry per site and use. */
export interface FloorSpaceChanges {
  eastMetres: Float64Array;
  northMetres: Float64Array;
  /** Index into scenario LAND_USES. */
  use: Uint8Array;
  /** Gross floor area of B minus A at the site, m² (> 0 new, < 0 removed). */
  grossFloorAreaDifferenceM2: Float64Array;
}

/** Area differences up to this are rounding, not change, m². */
const UNCHANGED_AREA_M2 = 1e-6;

/**
 * Proposed floor space of B not in A (positive) and of A not in B (negative): proposed entries
 * are matched by exact site position and use, their areas summed per site; sites whose area
 * is unchanged are left out. (Existing buildings are not compared.)
 */
export function floorSpaceChanges(
  a: NonNullable<ScenarioLayers['newBuildings']>,
  b: NonNullable<ScenarioLayers['newBuildings']>,
): FloorSpaceChanges {
  const sites = new Map<string, { east: number; north: number; use: number; area: number }>();
  const add = (s: NonNullable<ScenarioLayers['newBuildings']>, sign: number) => {
    for (let i = 0; i < s.use.length; i++) {
      const key = `${s.eastMetres[i]}|${s.northMetres[i]}|${s.use[i]}`;
      const site = sites.get(key);
      const area = sign * s.grossFloorAreaM2[i]!;
      if (site) site.area += area;
      else sites.set(key, { east: s.eastMetres[i]!, north: s.northMetres[i]!, use: s.use[i]!, area });
    }
  };
  add(a, -1);
  add(b, 1);
  const changed = [...sites.values()].filter((s) => Math.abs(s.area) > UNCHANGED_AREA_M2);
  return {
    eastMetres: Float64Array.from(changed, (s) => s.east),
    northMetres: Float64Array.from(changed, (s) => s.north),
    use: Uint8Array.from(changed, (s) => s.use),
    grossFloorAreaDifferenceM2: Float64Array.from(changed, (s) => s.area),
  };
}
