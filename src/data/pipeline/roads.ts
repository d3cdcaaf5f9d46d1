/**
 * The routable road graph from OSM highways. Graph nodes are way endpoints and nodes shared by
 * two or more vehicular ways (intersections); each way is split at graph nodes into segments,
 * and each segment gives one directed link per allowed direction. Lengths are haversine sums
 * over the segment's vertices (metres). Links whose geometry leaves the boundary are flagged,
 * not removed, so the graph stays connected across the clip.
 */
import { toSceneMetres } from '../../core/geo.ts';
import { ROAD_CLASSES, type RoadClass } from '../../core/vocabulary.ts';
import { LINK_FLAG, type RoadGraph } from '../formats/roads.ts';
import type { OsmData, OsmTags, OsmWay } from '../osm/osmTypes.ts';
import { geodesicMetres } from './geometry.ts';
import type { Region } from './region.ts';
import { parseMaxSpeedKmh, ROAD_CLASS_DEFAULTS, roadClassOf } from './roadClasses.ts';

/** What happened to every OSM highway way. */
export interface RoadReport {
  highwayWays: number;
  keptWays: number;
  /** Dropped ways by reason, then by highway value. */
  dropped: { nonVehicular: Record<string, number>; area: number; tooShort: number };
  /** Total length of all highway ways, km (kept or not). */
  highwayLengthKm: number;
  /** Length of kept ways, km, and the part of it inside the boundary (by edge midpoint). */
  keptLengthKm: number;
  keptLengthInsideKm: number;
  nodes: number;
  links: number;
  segments: number;
}

/** Travel directions of a way: +1 along, -1 against, 0 both. */
export function onewayDirection(tags: OsmTags, roadClass: RoadClass): -1 | 0 | 1 {
  const v = tags.oneway;
  if (v === '-1' || v === 'reverse') return -1;
  if (v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === 'no' || v === 'false' || v === '0') return 0;
  if (tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  return roadClass === 'motorway' ? 1 : 0;
}

/** Lanes in one direction: `lanes:forward|backward`, else `lanes` (halved on two-way roads), else the class default. */
export function lanesInDirection(
  tags: OsmTags,
  roadClass: RoadClass,
  oneway: boolean,
  forward: boolean,
): number {
  const positive = (s: string | undefined) => {
    const n = s === undefined ? Number.NaN : Number.parseInt(s, 10);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const directional = positive(forward ? tags['lanes:forward'] : tags['lanes:backward']);
  if (directional !== undefined && !oneway) return directional;
  const total = positive(tags.lanes);
  if (total !== undefined) return oneway ? total : Math.max(1, Math.floor(total / 2));
  return ROAD_CLASS_DEFAULTS[roadClass].lanesPerDirection;
}

const flagTag = (v: string | undefined) => v !== undefined && v !== 'no';

/** Builds the graph and the account of every highway way. */
export function buildRoadGraph(osm: OsmData, region: Region): { graph: RoadGraph; report: RoadReport } {
  const report: RoadReport = {
    highwayWays: 0,
    keptWays: 0,
    dropped: { nonVehicular: {}, area: 0, tooShort: 0 },
    highwayLengthKm: 0,
    keptLengthKm: 0,
    keptLengthInsideKm: 0,
    nodes: 0,
    links: 0,
    segments: 0,
  };
  const kept: Array<{ way: OsmWay; roadClass: RoadClass; refs: number[] }> = [];
  for (const way of osm.ways) {
    const highway = way.tags.highway;
    if (highway === undefined) continue;
    report.highwayWays++;
    const refs = way.refs.filter((r) => osm.nodeIndex.has(r));
    report.highwayLengthKm += polylineMetres(osm, refs) / 1000;
    const roadClass = roadClassOf(highway);
    if (roadClass === undefined) {
      report.dropped.nonVehicular[highway] = (report.dropped.nonVehicular[highway] ?? 0) + 1;
    } else if (way.tags.area === 'yes') report.dropped.area++;
    else if (refs.length < 2) report.dropped.tooShort++;
    else kept.push({ way, roadClass, refs });
  }
  report.keptWays = kept.length;

  const uses = new Map<number, number>();
  for (const { refs } of kept) {
    for (let i = 0; i < refs.length; i++) {
      const endpoint = i === 0 || i === refs.length - 1;
      uses.set(refs[i]!, (uses.get(refs[i]!) ?? 0) + (endpoint ? 2 : 1));
    }
  }

  const graph: RoadGraph = {
    nodeOsmIds: [],
    nodePositions: [],
    links: {
      ids: [],
      from: [],
      to: [],
      lengthMetres: [],
      roadClass: [],
      lanes: [],
      speedKmh: [],
      capacityPcuPerHour: [],
      oneway: [],
      flags: [],
      wayId: [],
      name: [],
      geometry: [],
      reversed: [],
    },
    names: [''],
    geometries: { offsets: [0], coordinates: [] },
  };
  const nodeOf = new Map<number, number>();
  const graphNode = (ref: number): number => {
    let n = nodeOf.get(ref);
    if (n === undefined) {
      n = graph.nodeOsmIds.length;
      nodeOf.set(ref, n);
      graph.nodeOsmIds.push(ref);
      const i = osm.nodeIndex.get(ref)!;
      const [e, north] = toSceneMetres(osm.longitudes[i]!, osm.latitudes[i]!);
      graph.nodePositions.push(round1(e), round1(north));
    }
    return n;
  };
  const nameIndex = new Map<string, number>([['', 0]]);

  for (const { way, roadClass, refs } of kept) {
    const defaults = ROAD_CLASS_DEFAULTS[roadClass];
    const direction = onewayDirection(way.tags, roadClass);
    const speed = parseMaxSpeedKmh(way.tags.maxspeed) ?? defaults.speedKmh;
    const baseFlags =
      (flagTag(way.tags.bridge) ? LINK_FLAG.bridge : 0) | (flagTag(way.tags.tunnel) ? LINK_FLAG.tunnel : 0);
    const name = way.tags.name ?? way.tags.ref ?? '';
    let nameId = nameIndex.get(name);
    if (nameId === undefined) {
      nameId = graph.names.push(name) - 1;
      nameIndex.set(name, nameId);
    }
    let start = 0;
    let segment = 0;
    for (let k = 1; k < refs.length; k++) {
      if (k < refs.length - 1 && (uses.get(refs[k]!) ?? 0) < 2) continue;
      const segRefs = refs.slice(start, k + 1);
      start = k;
      let length = 0;
      let outside = false;
      const geometryId = graph.geometries.offsets.length - 1;
      for (let j = 0; j < segRefs.length; j++) {
        const i = osm.nodeIndex.get(segRefs[j]!)!;
        const lon = osm.longitudes[i]!;
        const lat = osm.latitudes[i]!;
        const [e, n] = toSceneMetres(lon, lat);
        graph.geometries.coordinates.push(round1(e), round1(n));
        if (!region.contains(lon, lat)) outside = true;
        if (j > 0) {
          const p = osm.nodeIndex.get(segRefs[j - 1]!)!;
          const d = geodesicMetres(osm.longitudes[p]!, osm.latitudes[p]!, lon, lat);
          length += d;
          if (region.contains((lon + osm.longitudes[p]!) / 2, (lat + osm.latitudes[p]!) / 2)) {
            report.keptLengthInsideKm += d / 1000;
          }
        }
      }
      graph.geometries.offsets.push(graph.geometries.coordinates.length / 2);
      report.keptLengthKm += length / 1000;
      report.segments++;
      const a = graphNode(segRefs[0]!);
      const b = graphNode(segRefs[segRefs.length - 1]!);
      const flags = baseFlags | (outside ? LINK_FLAG.partlyOutside : 0);
      for (const forward of [true, false]) {
        if ((forward && direction === -1) || (!forward && direction === 1)) continue;
        const lanes = lanesInDirection(way.tags, roadClass, direction !== 0, forward);
        const l = graph.links;
        l.ids.push(`${way.id}-${segment}${forward ? 'f' : 'b'}`);
        l.from.push(forward ? a : b);
        l.to.push(forward ? b : a);
        l.lengthMetres.push(round1(length));
        l.roadClass.push(ROAD_CLASSES.indexOf(roadClass));
        l.lanes.push(lanes);
        l.speedKmh.push(Math.round(speed));
        l.capacityPcuPerHour.push(lanes * defaults.capacityPcuPerHourPerLane);
        l.oneway.push(direction === 0 ? 0 : 1);
        l.flags.push(flags);
        l.wayId.push(way.id);
        l.name.push(nameId);
        l.geometry.push(geometryId);
        l.reversed.push(forward ? 0 : 1);
      }
      segment++;
    }
  }
  report.nodes = graph.nodeOsmIds.length;
  report.links = graph.links.ids.length;
  report.highwayLengthKm = round1(report.highwayLengthKm);
  report.keptLengthKm = round1(report.keptLengthKm);
  report.keptLengthInsideKm = round1(report.keptLengthInsideKm);
  return { graph, report };
}

function polylineMetres(osm: OsmData, refs: readonly number[]): number {
  let length = 0;
  for (let k = 1; k < refs.length; k++) {
    const a = osm.nodeIndex.get(refs[k - 1]!)!;
    const b = osm.nodeIndex.get(refs[k]!)!;
    length += geodesicMetres(osm.longitudes[a]!, osm.latitudes[a]!, osm.longitudes[b]!, osm.latitudes[b]!);
  }
  return length;
}

/** Rounds to 0.1 (metres → decimetre precision). */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
