/**
 * The Thủ Đức traffic model's fixed part, prepared once from the dataset: which roads.json
 * links form the assignment network, the zones, the gateways and the existing floor space.
 *
 * Network: links of every class except `service` (driveways and parking aisles: they add nodes
 * but almost no through capacity), restricted to the largest strongly connected component (so
 * every zone reaches every other). It includes the dataset's margin of roads outside the city
 * boundary (trips may route through neighbouring districts, e.g. between the Thủ Thiêm tunnel
 * and the Saigon bridge); zones cover only nodes inside, and gateway zones (gateways.ts) sit at
 * the outer ends of main roads crossing the boundary.
 */
import { toSceneMetres } from '../../../core/geo.ts';
import { InputError } from '../../../core/errors.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import type { RoadsDocument } from '../../../data/formats/roads.ts';
import type { FloorSpace } from '../../floorSpace.ts';
import { pointInPolygon } from '../../../core/geometry/pointInPolygon.ts';
import type { Polygon } from '../../../core/geometry/ring.ts';
import { buildingFloorSpace } from './baseFloorSpace.ts';
import { findGateways, type Gateway } from './gateways.ts';
import { largestStronglyConnected } from './stronglyConnected.ts';
import { type GridZones, gridZones } from './zones.ts';

/** Zoning and network-building parameters (defaults in DEFAULT_CITY_NETWORK_OPTIONS). */
export interface CityNetworkOptions {
  /** Side of a grid zone, m. */
  zoneCellMetres: number;
  /** Connectors per internal zone (each both ways). */
  connectorsPerZone: number;
  /** Speed on centroid connectors, km/h (local streets and alleys). */
  connectorSpeedKmh: number;
  /** Leave `service` roads out of the network. */
  dropServiceRoads: boolean;
  /** Crossing links whose outside ends are this close form one gateway, m. */
  gatewayClusterMetres: number;
  /** BPR coefficient and exponent (Bureau of Public Roads 1964: 0.15 and 4). */
  bprB: number;
  bprPower: number;
}

/** Defaults: 1.5 km zones, 3 connectors at 20 km/h, no service roads, BPR 0.15/4 (assumptions, docs/traffic-city.md). */
export const DEFAULT_CITY_NETWORK_OPTIONS: CityNetworkOptions = {
  zoneCellMetres: 1500,
  connectorsPerZone: 3,
  connectorSpeedKmh: 20,
  dropServiceRoads: true,
  gatewayClusterMetres: 1500,
  bprB: 0.15,
  bprPower: 4,
};

/** The prepared model (read-only after preparation). */
export interface CityTrafficModel {
  roads: RoadsDocument;
  options: CityNetworkOptions;
  /** 1 per roads.json node inside the city boundary. */
  nodeInside: Uint8Array;
  /** 1 per roads.json node on the kept network (inside or in the dataset's margin outside). */
  nodeKept: Uint8Array;
  /** 1 per roads.json link in the network. */
  linkKept: Uint8Array;
  zones: GridZones;
  gateways: Gateway[];
  /** Floor space of the existing buildings. */
  baseFloorSpace: FloorSpace;
}

/** Boundary rings of `admin.geojson` (feature kind "boundary", else every district), scene metres. */
function boundaryRings(files: CityFiles): Polygon[] {
  const features = files.admin?.features ?? [];
  const boundary = features.filter((f) => f.properties?.kind === 'boundary');
  const chosen = boundary.length > 0 ? boundary : features.filter((f) => f.properties?.kind === 'district');
  const polygons: Polygon[] = [];
  for (const f of chosen) {
    const g = f.geometry as { type: string; coordinates: unknown };
    const list =
      g.type === 'Polygon'
        ? [g.coordinates as number[][][]]
        : g.type === 'MultiPolygon'
          ? (g.coordinates as number[][][][])
          : [];
    for (const rings of list) {
      polygons.push(rings.map((ring) => ring.map(([lon, lat]) => toSceneMetres(lon!, lat!))));
    }
  }
  if (polygons.length === 0)
    throw new InputError('no city boundary polygon (kind "boundary")', 'admin.geojson');
  return polygons;
}

/** Prepares the model from the dataset (roads, admin boundary, buildings). */
export function prepareCityTraffic(
  files: CityFiles,
  options: Partial<CityNetworkOptions> = {},
): CityTrafficModel {
  const o = { ...DEFAULT_CITY_NETWORK_OPTIONS, ...options };
  const roads = files.roads;
  if (!roads) throw new InputError('the dataset has no road graph', 'roads.json');
  if (!files.buildings) throw new InputError('the dataset has no buildings', 'buildings.json');
  const polygons = boundaryRings(files);
  const nodeCount = roads.nodeCount;
  const nodeInside = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    const x = roads.nodePositions[2 * n]!;
    const y = roads.nodePositions[2 * n + 1]!;
    nodeInside[n] = polygons.some((rings) => pointInPolygon(x, y, rings)) ? 1 : 0;
  }
  const { from, to, roadClass } = roads.links;
  const service = roads.classes.indexOf('service');
  const candidate = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) candidate[i] = o.dropServiceRoads && roadClass[i] === service ? 0 : 1;
  const nodeKept = largestStronglyConnected(nodeCount, from, to, candidate);
  const linkKept = new Uint8Array(from.length);
  const major = new Uint8Array(nodeCount);
  const eligible = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) eligible[n] = nodeKept[n]! & nodeInside[n]!;
  const tertiary = roads.classes.indexOf('tertiary');
  for (let i = 0; i < from.length; i++) {
    if (!candidate[i] || !nodeKept[from[i]!] || !nodeKept[to[i]!]) continue;
    linkKept[i] = 1;
    if (roadClass[i]! <= tertiary) {
      major[from[i]!] = 1;
      major[to[i]!] = 1;
    }
  }
  const gateways = findGateways(roads, nodeInside, nodeKept, o.gatewayClusterMetres);
  const zones = gridZones(
    { positions: roads.nodePositions, eligible, major },
    o.zoneCellMetres,
    o.connectorsPerZone,
  );
  return {
    roads,
    options: o,
    nodeInside,
    nodeKept,
    linkKept,
    zones,
    gateways,
    baseFloorSpace: buildingFloorSpace(files.buildings),
  };
}
