/**
 * Synthetic building filler: fills built-up land with clearly flagged (`source: 'synthetic'`)
 * footprints, deterministically from a seed (core/random mulberry32). Three kinds, placed in
 * this order so later ones fill around earlier ones:
 * 1. apartment towers (20–40 storeys) in known high-rise clusters (TOWER_CLUSTERS);
 * 2. factories (large low boxes, 8–12 m) inside mapped industrial land (KCX Linh Trung, SHTP,
 *    Cát Lái port...);
 * 3. row houses ("nhà phố": lots 4–5 m wide × 15–20 m deep, 3–5 storeys; 4–6 on primary and
 *    secondary roads) fronting primary/secondary/tertiary/residential streets on both sides.
 * A candidate is kept only when its corners and centre lie on allowed land (never water, green,
 * education...; unmapped land counts as built-up at a lower occupancy), it keeps clear of every
 * road carriageway, and it overlaps no OSM building and no earlier synthetic building.
 * Densities are assumptions documented in docs/data.md.
 */
import { toSceneMetres } from '../../core/geo.ts';
import { seededRandom } from '../../core/random.ts';
import { type LandUse, ROAD_CLASSES, type RoadClass } from '../../core/vocabulary.ts';
import type { BuildingRecord } from '../formats/buildings.ts';
import { STOREY_HEIGHT_METRES } from './buildings.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import { counterClockwise } from '../../core/geometry/orientation.ts';
import { type Point, type Ring, ringsOverlap, segmentRingDistance } from './geometry.ts';
import type { Region } from './region.ts';
import { ROAD_CLASS_DEFAULTS } from './roadClasses.ts';
import type { RoadGraph } from '../formats/roads.ts';
import { buildSiteMask, SITE_UNMAPPED, siteCode } from './siteMask.ts';
import { SpatialHash } from './spatialHash.ts';
import type { LandUseArea } from './landUse.ts';

/** A known high-rise cluster: centre (degrees), radius (m), and storey range. */
export interface TowerCluster {
  name: string;
  longitudeDegrees: number;
  latitudeDegrees: number;
  radiusMetres: number;
}

/**
 * High-rise clusters (approximate centres read from public maps; assumption): Thủ Thiêm new
 * urban area, Thảo Điền – An Phú (Masteri, The Vista, Estella), Vinhomes Grand Park (Long Bình /
 * Long Thạnh Mỹ).
 */
export const TOWER_CLUSTERS: readonly TowerCluster[] = [
  { name: 'Thủ Thiêm', longitudeDegrees: 106.7195, latitudeDegrees: 10.776, radiusMetres: 650 },
  { name: 'Thảo Điền', longitudeDegrees: 106.741, latitudeDegrees: 10.8025, radiusMetres: 500 },
  { name: 'An Phú', longitudeDegrees: 106.749, latitudeDegrees: 10.7995, radiusMetres: 400 },
  { name: 'Vinhomes Grand Park', longitudeDegrees: 106.8355, latitudeDegrees: 10.8395, radiusMetres: 900 },
];

/** Densities and sizes (assumptions, docs/data.md "Synthetic buildings"). */
export const FILLER = {
  rowHouse: {
    widthMetres: [4, 5],
    depthMetres: [15, 20],
    gapMetres: 0.2,
    cornerClearanceMetres: 4,
    /** Occupied fraction of frontage on mapped residential / commercial / mixed land. */
    occupancyMapped: 0.9,
    /** Occupied fraction of frontage where OSM 2018 maps no land use (much of it is built-up). */
    occupancyUnmapped: 0.4,
    sidewalkMetres: { primary: 4, secondary: 4, tertiary: 3, residential: 1 } as Record<string, number>,
  },
  tower: {
    spacingMetres: 110,
    widthMetres: [24, 32],
    depthMetres: [30, 45],
    floors: [20, 40],
    occupancy: 0.6,
  },
  factory: {
    slotMetres: [75, 60],
    widthMetres: [35, 60],
    depthMetres: [25, 45],
    heightMetres: [8, 12],
    occupancy: 0.8,
  },
  siteCellMetres: 4,
} as const;

const FRONTAGE_CLASSES: readonly RoadClass[] = ['primary', 'secondary', 'tertiary', 'residential'];

/** Inputs of the filler. */
export interface FillerInput {
  region: Region;
  landUse: readonly LandUseArea[];
  water: readonly Ring[][][];
  roads: RoadGraph;
  osmBuildings: readonly BuildingRecord[];
  seed: number;
}

/** Synthetic buildings and how many of each kind. */
export interface FillerResult {
  buildings: BuildingRecord[];
  counts: { towers: number; factories: number; rowHouses: number };
}

interface RoadEdge {
  a: Point;
  b: Point;
  halfWidthMetres: number;
}

/** Runs the filler. Same input and seed → same buildings, in the same order. */
export function fillSyntheticBuildings(input: FillerInput): FillerResult {
  const rng = seededRandom(input.seed);
  const mask = buildSiteMask(input.region, input.landUse, input.water, FILLER.siteCellMetres);
  const edges = roadEdges(input.roads);
  const edgeHash = new SpatialHash(50);
  let maxHalfWidth = 0;
  edges.forEach((e, i) => {
    const [x0, y0, x1, y1] = bbox([e.a, e.b]);
    edgeHash.insert(i, x0, y0, x1, y1);
    maxHalfWidth = Math.max(maxHalfWidth, e.halfWidthMetres);
  });
  const footprints: Ring[] = input.osmBuildings.map((b) => b.footprint);
  const buildingHash = new SpatialHash(50);
  footprints.forEach((f, i) => {
    const [x0, y0, x1, y1] = bbox(f);
    buildingHash.insert(i, x0, y0, x1, y1);
  });

  const out: BuildingRecord[] = [];
  const counts = { towers: 0, factories: 0, rowHouses: 0 };
  const built = [SITE_UNMAPPED, siteCode('residential'), siteCode('commercial'), siteCode('mixed')];
  const industrial = [siteCode('industrial')];

  const accept = (ring: Ring, allowed: readonly number[], roadMarginMetres: number): boolean => {
    let cx = 0;
    let cy = 0;
    for (const [x, y] of ring) {
      if (!allowed.includes(mask.at(x, y))) return false;
      cx += x / ring.length;
      cy += y / ring.length;
    }
    if (!allowed.includes(mask.at(cx, cy))) return false;
    const [x0, y0, x1, y1] = bbox(ring);
    const reach = maxHalfWidth + roadMarginMetres;
    const nearRoad = edgeHash.some(x0 - reach, y0 - reach, x1 + reach, y1 + reach, (i) => {
      const e = edges[i]!;
      return segmentRingDistance(e.a, e.b, ring) < e.halfWidthMetres + roadMarginMetres;
    });
    if (nearRoad) return false;
    return !buildingHash.some(x0, y0, x1, y1, (i) => ringsOverlap(ring, footprints[i]!));
  };
  /** Rounds the candidate to 0.1 m (as written), tests it, and adds it when it fits. */
  const place = (
    candidate: Ring,
    allowed: readonly number[],
    roadMarginMetres: number,
    use: LandUse,
    floors: number,
    heightMetres: number,
  ): boolean => {
    const footprint = counterClockwise(
      candidate.map(([x, y]): Point => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]),
    );
    if (!accept(footprint, allowed, roadMarginMetres)) return false;
    const id = footprints.push(footprint) - 1;
    const [x0, y0, x1, y1] = bbox(footprint);
    buildingHash.insert(id, x0, y0, x1, y1);
    out.push({
      id: `s${out.length}`,
      source: 'synthetic',
      use,
      heightMetres: Math.round(heightMetres * 10) / 10,
      floors,
      footprint,
    });
    return true;
  };

  // 1. Towers.
  const t = FILLER.tower;
  for (const cluster of TOWER_CLUSTERS) {
    const [ox, oy] = toSceneMetres(cluster.longitudeDegrees, cluster.latitudeDegrees);
    const angle = rng.range(0, Math.PI / 2);
    const u: Point = [Math.cos(angle), Math.sin(angle)];
    const v: Point = [-u[1], u[0]];
    const steps = Math.ceil(cluster.radiusMetres / t.spacingMetres);
    for (let gy = -steps; gy <= steps; gy++) {
      for (let gx = -steps; gx <= steps; gx++) {
        const w = rng.range(t.widthMetres[0], t.widthMetres[1]);
        const d = rng.range(t.depthMetres[0], t.depthMetres[1]);
        const floors = t.floors[0] + rng.int(t.floors[1] - t.floors[0] + 1);
        const occupied = rng.next() < t.occupancy;
        const px = ox + (gx * u[0] + gy * v[0]) * t.spacingMetres;
        const py = oy + (gx * u[1] + gy * v[1]) * t.spacingMetres;
        if (!occupied || Math.hypot(px - ox, py - oy) > cluster.radiusMetres) continue;
        const ring = rectangle([px, py], u, v, w, d);
        if (place(ring, built, 3, 'residential', floors, floors * STOREY_HEIGHT_METRES)) counts.towers++;
      }
    }
  }

  // 2. Factories on a slot grid over each industrial area.
  const f = FILLER.factory;
  for (const area of input.landUse) {
    if (area.use !== 'industrial') continue;
    const scene = area.polygons.flatMap((rings) => rings[0]!.map(([lon, lat]) => toSceneMetres(lon, lat)));
    const [x0, y0, x1, y1] = bbox(scene);
    for (let y = y0; y + f.slotMetres[1] <= y1; y += f.slotMetres[1]) {
      for (let x = x0; x + f.slotMetres[0] <= x1; x += f.slotMetres[0]) {
        const w = rng.range(f.widthMetres[0], f.widthMetres[1]);
        const d = rng.range(f.depthMetres[0], f.depthMetres[1]);
        const h = rng.range(f.heightMetres[0], f.heightMetres[1]);
        if (rng.next() >= f.occupancy) continue;
        const centre: Point = [x + f.slotMetres[0] / 2, y + f.slotMetres[1] / 2];
        const ring = rectangle([centre[0] - w / 2, centre[1] - d / 2], [1, 0], [0, 1], w, d);
        if (place(ring, industrial, 3, 'industrial', h > 10 ? 2 : 1, h)) counts.factories++;
      }
    }
  }

  // 3. Row houses along streets.
  const r = FILLER.rowHouse;
  const segmentClass = geometryClasses(input.roads);
  const geometries = input.roads.geometries;
  for (let g = 0; g + 1 < geometries.offsets.length; g++) {
    const roadClass = segmentClass[g];
    if (roadClass === undefined || !FRONTAGE_CLASSES.includes(roadClass.roadClass)) continue;
    const main = roadClass.roadClass === 'primary' || roadClass.roadClass === 'secondary';
    const setback = roadClass.halfWidthMetres + (r.sidewalkMetres[roadClass.roadClass] ?? 1);
    for (let k = geometries.offsets[g]!; k + 1 < geometries.offsets[g + 1]!; k++) {
      const a: Point = [geometries.coordinates[2 * k]!, geometries.coordinates[2 * k + 1]!];
      const b: Point = [geometries.coordinates[2 * k + 2]!, geometries.coordinates[2 * k + 3]!];
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (length < 2 * r.cornerClearanceMetres + r.widthMetres[0]) continue;
      const u: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
      for (const side of [1, -1]) {
        const v: Point = [-u[1] * side, u[0] * side];
        let s = r.cornerClearanceMetres;
        while (true) {
          const w = rng.range(r.widthMetres[0], r.widthMetres[1]);
          const d = rng.range(r.depthMetres[0], r.depthMetres[1]);
          const draw = rng.next();
          const floorDraw = rng.int(3);
          if (s + w > length - r.cornerClearanceMetres) break;
          const front: Point = [a[0] + u[0] * s + v[0] * setback, a[1] + u[1] * s + v[1] * setback];
          s += w;
          const ring = rectangle(front, u, v, w - r.gapMetres, d);
          const centreClass = mask.at(
            front[0] + v[0] * d * 0.5 + u[0] * w * 0.5,
            front[1] + v[1] * d * 0.5 + u[1] * w * 0.5,
          );
          const occupancy = centreClass === SITE_UNMAPPED ? r.occupancyUnmapped : r.occupancyMapped;
          if (draw >= occupancy) continue;
          const commercial = main || centreClass === siteCode('commercial');
          const floors = (commercial ? 4 : 3) + floorDraw;
          const use = commercial ? 'mixed' : 'residential';
          if (place(ring, built, 0.5, use, floors, floors * STOREY_HEIGHT_METRES)) counts.rowHouses++;
        }
      }
    }
  }
  return { buildings: out, counts };
}

/** The rectangle with one corner at `origin`, `width` along u and `depth` along v. */
function rectangle(origin: Point, u: Point, v: Point, width: number, depth: number): Ring {
  const [x, y] = origin;
  return [
    [x, y],
    [x + u[0] * width, y + u[1] * width],
    [x + u[0] * width + v[0] * depth, y + u[1] * width + v[1] * depth],
    [x + v[0] * depth, y + v[1] * depth],
  ];
}

/** Class and carriageway half-width (m) of each road geometry (lanes of both directions × lane width / 2). */
function geometryClasses(
  roads: RoadGraph,
): Array<{ roadClass: RoadClass; halfWidthMetres: number } | undefined> {
  const out: Array<{ roadClass: RoadClass; halfWidthMetres: number } | undefined> = [];
  const l = roads.links;
  for (let i = 0; i < l.ids.length; i++) {
    const g = l.geometry[i]!;
    const roadClass = ROAD_CLASSES[l.roadClass[i]!]!;
    const lane = ROAD_CLASS_DEFAULTS[roadClass].laneWidthMetres;
    const previous = out[g]?.halfWidthMetres ?? 0;
    out[g] = { roadClass, halfWidthMetres: previous + (l.lanes[i]! * lane) / 2 };
  }
  for (const entry of out) if (entry) entry.halfWidthMetres = Math.max(2, entry.halfWidthMetres);
  return out;
}

function roadEdges(roads: RoadGraph): RoadEdge[] {
  const classes = geometryClasses(roads);
  const edges: RoadEdge[] = [];
  const { offsets, coordinates } = roads.geometries;
  for (let g = 0; g + 1 < offsets.length; g++) {
    const halfWidthMetres = classes[g]?.halfWidthMetres ?? 2;
    for (let k = offsets[g]!; k + 1 < offsets[g + 1]!; k++) {
      edges.push({
        a: [coordinates[2 * k]!, coordinates[2 * k + 1]!],
        b: [coordinates[2 * k + 2]!, coordinates[2 * k + 3]!],
        halfWidthMetres,
      });
    }
  }
  return edges;
}
