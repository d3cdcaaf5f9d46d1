/**
 * The assignment network of one scenario: the prepared model's links minus closed ones, the
 * zone connectors and the scenario's new roads, numbered in TNTP conventions (zones 1..Z, road
 * nodes after them). Units: km, minutes, PCU/h.
 */
import { toSceneMetres } from '../../../core/geo.ts';
import { InputError } from '../../../core/errors.ts';
import { ROAD_CLASS_DEFAULTS } from '../../../data/pipeline/roadClasses.ts';
import type { RoadClass } from '../../../core/vocabulary.ts';
import type { TrafficLink, TrafficNetwork } from '../network.ts';
import type { CityTrafficModel } from './cityTrafficModel.ts';

/** Capacity of a centroid connector, PCU/h (large: connectors stand for many local streets). */
export const CONNECTOR_CAPACITY_PCU_PER_HOUR = 100_000;
/** A new road's intermediate vertex within this distance of a network node joins that node, m. */
export const NEW_ROAD_SNAP_METRES = 30;
/** A new road's end must lie within this distance of a network node, m. */
export const NEW_ROAD_END_MAX_METRES = 500;

/** Link type codes carried on network links. */
export const LINK_TYPE = { road: 1, connector: 0, newRoad: 2 } as const;

/** A planned road (a scenario's newRoad edit has this shape): a WGS84 [longitude, latitude] polyline. */
export interface PlannedRoad {
  /** Names the road's links in `CityNetwork.newRoadLinks`. */
  id: string;
  coordinates: ReadonlyArray<readonly [number, number]>;
  roadClass: RoadClass;
  lanes: number;
  maxSpeedKmh: number;
  oneWay: boolean;
}

/** What a plan changes in the network. */
export interface NetworkEdits {
  /** roads.json link ids to remove (road closures and flooded roads). */
  closedLinkIds: ReadonlySet<string>;
  newRoads: readonly PlannedRoad[];
}

/** A scenario's network with the maps back to roads.json. */
export interface CityNetwork {
  network: TrafficNetwork;
  zoneCount: number;
  /** Position of each network node (0-based index = TNTP node − 1), scene metres. */
  nodeEastMetres: Float64Array;
  nodeNorthMetres: Float64Array;
  /** roads.json link index of each network link; -1 connectors, -2 new-road links. */
  roadLinkOfLink: Int32Array;
  /** Network link index (0-based) of each roads.json link; -1 when not in the network. */
  linkOfRoadLink: Int32Array;
  /** New-road links: edit id of each (same order as their network links). */
  newRoadLinks: Array<{ editId: string; link: number }>;
  /** Length of closed roads.json links (all of them, in the network or not), km. */
  closedLengthKm: number;
  /** Closure ids that are not roads.json links. */
  unknownClosureIds: string[];
}

/** Builds the scenario network (see the module comment). InputError for a new road far from the network. */
export function buildCityNetwork(model: CityTrafficModel, edits: NetworkEdits): CityNetwork {
  const { roads, zones, gateways, options } = model;
  const zoneCount = zones.count + gateways.length;
  const roadNodeNumber = new Int32Array(roads.nodeCount).fill(-1);
  let nodeCount = zoneCount;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let z = 0; z < zones.count; z++) {
    xs.push(zones.eastMetres[z]!);
    ys.push(zones.northMetres[z]!);
  }
  for (const g of gateways) {
    xs.push(g.eastMetres);
    ys.push(g.northMetres);
  }
  const { from, to, ids } = roads.links;
  const numberOf = (roadNode: number) => {
    if (roadNodeNumber[roadNode] === -1) {
      roadNodeNumber[roadNode] = ++nodeCount;
      xs.push(roads.nodePositions[2 * roadNode]!);
      ys.push(roads.nodePositions[2 * roadNode + 1]!);
    }
    return roadNodeNumber[roadNode]!;
  };
  const links: TrafficLink[] = [];
  const roadLinkOfLink: number[] = [];
  const linkOfRoadLink = new Int32Array(ids.length).fill(-1);
  let closedLengthKm = 0;
  const known = new Set<string>();
  ids.forEach((id, i) => {
    const closed = edits.closedLinkIds.has(id);
    if (closed) {
      closedLengthKm += roads.links.lengthMetres[i]! / 1000;
      known.add(id);
    }
    if (!model.linkKept[i] || closed) return;
    const lengthKm = roads.links.lengthMetres[i]! / 1000;
    linkOfRoadLink[i] = links.length;
    roadLinkOfLink.push(i);
    links.push({
      from: numberOf(from[i]!),
      to: numberOf(to[i]!),
      capacity: roads.links.capacityPcuPerHour[i]!,
      length: lengthKm,
      freeFlowTime: (lengthKm / roads.links.speedKmh[i]!) * 60,
      b: options.bprB,
      power: options.bprPower,
      toll: 0,
      linkType: LINK_TYPE.road,
    });
  });
  const connector = (a: number, b: number) => {
    const lengthKm = Math.hypot(xs[a - 1]! - xs[b - 1]!, ys[a - 1]! - ys[b - 1]!) / 1000;
    roadLinkOfLink.push(-1);
    links.push({
      from: a,
      to: b,
      capacity: CONNECTOR_CAPACITY_PCU_PER_HOUR,
      length: lengthKm,
      freeFlowTime: (lengthKm / options.connectorSpeedKmh) * 60,
      b: 0,
      power: 1,
      toll: 0,
      linkType: LINK_TYPE.connector,
    });
  };
  zones.connectorNodes.forEach((nodes, z) => {
    for (const node of nodes) {
      connector(z + 1, numberOf(node));
      connector(numberOf(node), z + 1);
    }
  });
  gateways.forEach((g, k) => {
    const zone = zones.count + k + 1;
    for (const node of new Set(g.entryNodes)) connector(zone, numberOf(node));
    for (const node of new Set(g.exitNodes)) connector(numberOf(node), zone);
  });
  const newRoadLinks: CityNetwork['newRoadLinks'] = [];
  const networkNodes = () => {
    const list: number[] = [];
    for (let n = zoneCount + 1; n <= nodeCount; n++) list.push(n);
    return list;
  };
  const candidates = edits.newRoads.length > 0 ? networkNodes() : [];
  for (const edit of edits.newRoads) {
    const points = edit.coordinates.map(([lon, lat]) => toSceneMetres(lon, lat));
    const nodes = points.map(([x, y], k) => {
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const n of candidates) {
        const d = Math.hypot(xs[n - 1]! - x, ys[n - 1]! - y);
        if (d < bestDistance) {
          bestDistance = d;
          best = n;
        }
      }
      const end = k === 0 || k === points.length - 1;
      if (end && bestDistance > NEW_ROAD_END_MAX_METRES) {
        throw new InputError([
          {
            path: `edits[${edit.id}].coordinates[${k}]`,
            message: `new road end is ${Math.round(bestDistance)} m from the network (at most ${NEW_ROAD_END_MAX_METRES} m)`,
          },
        ]);
      }
      if (end || bestDistance <= NEW_ROAD_SNAP_METRES) return best;
      xs.push(x);
      ys.push(y);
      return ++nodeCount;
    });
    const defaults = ROAD_CLASS_DEFAULTS[edit.roadClass];
    for (let k = 1; k < nodes.length; k++) {
      const a = nodes[k - 1]!;
      const b = nodes[k]!;
      if (a === b) continue;
      const lengthKm = Math.hypot(xs[a - 1]! - xs[b - 1]!, ys[a - 1]! - ys[b - 1]!) / 1000;
      const add = (p: number, q: number) => {
        newRoadLinks.push({ editId: edit.id, link: links.length });
        roadLinkOfLink.push(-2);
        links.push({
          from: p,
          to: q,
          capacity: edit.lanes * defaults.capacityPcuPerHourPerLane,
          length: lengthKm,
          freeFlowTime: (lengthKm / edit.maxSpeedKmh) * 60,
          b: options.bprB,
          power: options.bprPower,
          toll: 0,
          linkType: LINK_TYPE.newRoad,
        });
      };
      add(a, b);
      if (!edit.oneWay) add(b, a);
    }
  }
  return {
    network: {
      nodeCount,
      zoneCount,
      firstThruNode: zoneCount + 1,
      tollFactor: 0,
      distanceFactor: 0,
      links,
    },
    zoneCount,
    nodeEastMetres: Float64Array.from(xs),
    nodeNorthMetres: Float64Array.from(ys),
    roadLinkOfLink: Int32Array.from(roadLinkOfLink),
    linkOfRoadLink,
    newRoadLinks,
    closedLengthKm,
    unknownClosureIds: [...edits.closedLinkIds].filter((id) => !known.has(id)),
  };
}
