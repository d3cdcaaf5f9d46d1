import Flatbush from 'flatbush';
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import { fromSceneMetres, toSceneMetres } from '../../../core/geo.ts';
import type { GeoJsonCollection } from '../../../data/dataset/cityFiles.ts';
import type { LandUse } from '../../../core/vocabulary.ts';
import type { LonLat, Parcel } from '../parcels.ts';
import { ZONE_OF_LAND_USE } from './baselineZones.ts';
import { polygonArea } from '../../../core/geometry/area.ts';
import { bbox } from '../../../core/geometry/bbox.ts';
import { polygonCentroid } from '../../../core/geometry/centroid.ts';
import type { Polygon as RingsMetres, Ring } from '../../../core/geometry/ring.ts';

/** One lot of the city's baseline zoning layer (a block of a land-use area, or of unmapped land). */
export interface CityParcel extends Parcel {
  id: string;
  /** Land use of the area it came from (`agriculture` for unmapped land without buildings). */
  sourceUse: LandUse | 'unmapped';
  /** OSM id of the land-use area it came from, or `unmapped`. */
  sourceId: string;
  /** Rings in scene metres, open; exterior first. */
  ringsMetres: RingsMetres;
  /** Planar area in the scene frame, m². */
  areaSquareMetres: number;
  eastMetres: number;
  northMetres: number;
}

/** What the parcel subdivision reads. */
export interface CityParcelInputs {
  /** `landuse.geojson` (WGS84 polygons with `osmId` and `use`). */
  landUse: GeoJsonCollection;
  /** Scene-metre box covered by the land-cover grid: [minEast, minNorth, maxEast, maxNorth]. */
  boundsMetres: [number, number, number, number];
  /**
   * True where unmapped land counts as a block: called on 25 sample points of each block,
   * returns whether that point is unmapped built-up land or a building (land-cover classes
   * `unmapped` / `building`).
   */
  isUnmappedLand(eastMetres: number, northMetres: number): boolean;
  /** Road centre-line polylines, scene metres (roads.json geometries): offsets and flat coordinates. */
  roads: { offsets: ArrayLike<number>; coordinates: ArrayLike<number> };
}

/** Options of the subdivision. */
export interface CityParcelOptions {
  /** Block edge, m (default 100: 1 ha blocks, the middle of the 0.5–2 ha range of urban blocks). */
  blockSizeMetres?: number;
  /** Pieces smaller than this are dropped, m² (default 50). */
  minimumLotSquareMetres?: number;
  /** Unmapped blocks need at least this many of their 5 × 5 samples on unmapped land (default 10). */
  minimumUnmappedSamples?: number;
}

/** Counts of the subdivision (for docs and tests). */
export interface CityParcelStats {
  mappedAreas: number;
  mappedParcels: number;
  unmappedParcels: number;
  /** Area of dropped slivers, m². */
  droppedSquareMetres: number;
  /** Dropped sliver area per source (`osmId` or `unmapped`), m². */
  droppedSquareMetresBySource: Record<string, number>;
  /** Clipping operations that failed (polygon-clipping throws on rare degenerate inputs). */
  clipFailures: number;
}

const SAMPLES = 5;

/**
 * The baseline parcels of the city, in two families:
 *
 * 1. every non-water land-use area of `landuse.geojson` cut by a regular grid of
 *    `blockSizeMetres` squares (scene frame), one parcel per piece, zoned by its land use;
 * 2. unmapped land (most of the 2018 built-up area has no OSM land use): every grid square with
 *    at least `minimumUnmappedSamples` of 25 samples on unmapped / building land-cover cells,
 *    minus the mapped land-use and water areas overlapping it; zoned R1 (nhà phố), or A
 *    (undeveloped) when no building stands on it (the caller upgrades zones by buildings).
 *
 * The front edge of each parcel is the exterior edge whose midpoint is nearest to a road
 * centre line. Deterministic; ids are `<osmId>-<column>_<row>-<k>` and `u-<column>_<row>-<k>`.
 */
export function subdivideCityParcels(
  inputs: CityParcelInputs,
  options: CityParcelOptions = {},
): { parcels: CityParcel[]; stats: CityParcelStats } {
  const size = options.blockSizeMetres ?? 100;
  const minimumLot = options.minimumLotSquareMetres ?? 50;
  const minimumSamples = options.minimumUnmappedSamples ?? 10;
  const stats: CityParcelStats = {
    mappedAreas: 0,
    mappedParcels: 0,
    unmappedParcels: 0,
    droppedSquareMetres: 0,
    droppedSquareMetresBySource: {},
    clipFailures: 0,
  };
  const parcels: CityParcel[] = [];
  const roadIndex = roadSegmentIndex(inputs.roads);

  const areas = inputs.landUse.features.flatMap((feature) => {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const use = String(feature.properties.use) as LandUse;
    return polygons.map((rings) => ({
      osmId: String(feature.properties.osmId),
      use,
      polygon: rings.map((ring) => ring.map(([lon, lat]) => toSceneMetres(lon!, lat!))) as Polygon,
    }));
  });
  // Every area is first cut into row strips one block high, so that each block clip below
  // only handles the vertices of one strip (a river polygon has thousands).
  const strips = new Map<number, Array<{ area: number; polygon: Polygon; bounds: number[] }>>();
  areas.forEach((a, k) => {
    const [, minN, , maxN] = bbox(a.polygon[0]!);
    for (let row = Math.floor(minN / size); row * size < maxN; row++) {
      let pieces: MultiPolygon;
      try {
        pieces = polygonClipping.intersection(a.polygon, [
          [
            [-1e7, row * size],
            [1e7, row * size],
            [1e7, (row + 1) * size],
            [-1e7, (row + 1) * size],
            [-1e7, row * size],
          ],
        ]);
      } catch {
        stats.clipFailures++;
        continue;
      }
      const list = strips.get(row) ?? [];
      strips.set(row, list);
      for (const polygon of pieces) list.push({ area: k, polygon, bounds: bbox(polygon[0]!) });
    }
  });

  const square = (col: number, row: number): Polygon => {
    const e = col * size;
    const n = row * size;
    return [
      [
        [e, n],
        [e + size, n],
        [e + size, n + size],
        [e, n + size],
        [e, n],
      ],
    ];
  };
  const pieceCount = new Map<string, number>();
  const addPieces = (
    pieces: MultiPolygon,
    base: Omit<
      CityParcel,
      'id' | 'exterior' | 'holes' | 'ringsMetres' | 'areaSquareMetres' | 'eastMetres' | 'northMetres'
    >,
    idPrefix: string,
  ): number => {
    let added = 0;
    for (const piece of pieces) {
      const rings = piece.map((ring) => ring.slice(0, -1));
      const area = polygonArea(rings);
      if (area < minimumLot) {
        stats.droppedSquareMetres += Math.max(0, area);
        stats.droppedSquareMetresBySource[base.sourceId] =
          (stats.droppedSquareMetresBySource[base.sourceId] ?? 0) + Math.max(0, area);
        continue;
      }
      const [east, north] = polygonCentroid(rings);
      const lonLat = (ring: Ring): LonLat[] => ring.map(([east, north]) => fromSceneMetres(east, north));
      const parcel: CityParcel = {
        ...base,
        id: `${idPrefix}-${pieceCount.get(idPrefix) ?? 0}`,
        exterior: lonLat(rings[0]!),
        holes: rings.slice(1).map(lonLat),
        frontEdge: edgeNearestRoad(rings[0]!, roadIndex),
        ringsMetres: rings,
        areaSquareMetres: area,
        eastMetres: east,
        northMetres: north,
      };
      parcels.push(parcel);
      pieceCount.set(idPrefix, (pieceCount.get(idPrefix) ?? 0) + 1);
      added++;
    }
    return added;
  };

  const rowsWithAreas = [...strips.keys()].sort((a, b) => a - b);
  const mappedSeen = new Set<number>();
  for (const row of rowsWithAreas) {
    for (const strip of strips.get(row)!) {
      const a = areas[strip.area]!;
      const zone = a.use === 'water' ? undefined : ZONE_OF_LAND_USE[a.use];
      if (!zone) continue;
      mappedSeen.add(strip.area);
      for (let col = Math.floor(strip.bounds[0]! / size); col * size < strip.bounds[2]!; col++) {
        let pieces: MultiPolygon;
        try {
          pieces = polygonClipping.intersection(strip.polygon, square(col, row));
        } catch {
          stats.clipFailures++;
          continue;
        }
        stats.mappedParcels += addPieces(
          pieces,
          { zone, sourceUse: a.use, sourceId: a.osmId },
          `${a.osmId}-${col}_${row}`,
        );
      }
    }
  }
  stats.mappedAreas = mappedSeen.size;

  const [minE, minN, maxE, maxN] = inputs.boundsMetres;
  const step = size / SAMPLES;
  for (let row = Math.floor(minN / size); row * size < maxN; row++) {
    for (let col = Math.floor(minE / size); col * size < maxE; col++) {
      let count = 0;
      for (let i = 0; i < SAMPLES; i++) {
        for (let j = 0; j < SAMPLES; j++) {
          if (inputs.isUnmappedLand(col * size + (j + 0.5) * step, row * size + (i + 0.5) * step)) count++;
        }
      }
      if (count < minimumSamples) continue;
      const block = square(col, row);
      const overlapping = (strips.get(row) ?? [])
        .filter((s) => s.bounds[0]! < (col + 1) * size && s.bounds[2]! > col * size)
        .map((s) => s.polygon);
      let pieces: MultiPolygon;
      try {
        pieces = overlapping.length > 0 ? polygonClipping.difference(block, ...overlapping) : [block];
      } catch {
        stats.clipFailures++;
        continue;
      }
      stats.unmappedParcels += addPieces(
        pieces,
        { zone: 'A', sourceUse: 'unmapped', sourceId: 'unmapped' },
        `u-${col}_${row}`,
      );
    }
  }
  return { parcels, stats };
}

/** Road segments in an R-tree; `joins[v]` = 1 where vertex v ends a polyline (v → v + 1 is no segment). */
interface RoadSegments {
  index: Flatbush;
  joins: Uint8Array;
  coordinates: ArrayLike<number>;
}

function roadSegmentIndex(roads: CityParcelInputs['roads']): RoadSegments {
  const count = Math.max(0, roads.coordinates.length / 2 - 1);
  const index = new Flatbush(Math.max(1, count));
  const c = roads.coordinates;
  const joins = new Uint8Array(count + 1);
  for (let k = 1; k < roads.offsets.length; k++) joins[roads.offsets[k]! - 1] = 1;
  for (let v = 0; v < count; v++) {
    index.add(
      Math.min(c[2 * v]!, c[2 * v + 2]!),
      Math.min(c[2 * v + 1]!, c[2 * v + 3]!),
      Math.max(c[2 * v]!, c[2 * v + 2]!),
      Math.max(c[2 * v + 1]!, c[2 * v + 3]!),
    );
  }
  if (count === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { index, joins, coordinates: c };
}

/** Distance from (e, n) to segment a–b, m. */
function segmentDistance(e: number, n: number, ae: number, an: number, be: number, bn: number): number {
  const de = be - ae;
  const dn = bn - an;
  const length2 = de * de + dn * dn;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((e - ae) * de + (n - an) * dn) / length2)) : 0;
  return Math.hypot(e - ae - t * de, n - an - t * dn);
}

/**
 * Exterior edge whose midpoint is nearest to a road centre line (the street the lot faces).
 * Candidates are the 12 road segments within 300 m nearest to the lot's first vertex by bounding box
 * (one Flatbush k-NN query per lot), then exact point–segment distances per edge midpoint.
 */
function edgeNearestRoad(ring: Ring, roads: RoadSegments): number {
  const c = roads.coordinates;
  if (c.length < 4) return 0;
  const candidates = roads.index.neighbors(ring[0]![0], ring[0]![1], 12, 300).filter((v) => !roads.joins[v]);
  let best = 0;
  let bestDistance = Infinity;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const e = (ring[i]![0] + ring[j]![0]) / 2;
    const m = (ring[i]![1] + ring[j]![1]) / 2;
    for (const v of candidates) {
      const d = segmentDistance(e, m, c[2 * v]!, c[2 * v + 1]!, c[2 * v + 2]!, c[2 * v + 3]!);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
  }
  return best;
}
