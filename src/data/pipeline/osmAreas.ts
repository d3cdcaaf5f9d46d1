/**
 * OSM areas: closed ways and `type=multipolygon` relations turned into polygons (lon/lat degrees).
 * Relation rings are assembled by joining member ways end to end (the OSM multipolygon
 * algorithm, https://wiki.openstreetmap.org/wiki/Relation:multipolygon/Algorithm); each inner
 * ring is attached to the outer ring that contains it.
 */
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import type { Ring } from './geometry.ts';
import type { OsmData, OsmRelation, OsmTags, OsmWay } from '../osm/osmTypes.ts';

/** An area feature: its OSM identity, tags and polygons (outer ring first, then holes). */
export interface OsmArea {
  /** `w<id>` for a way, `r<id>` for a relation. */
  osmId: string;
  tags: OsmTags;
  polygons: Ring[][];
}

/** Coordinates of a node list, or undefined when a node is missing from the extract. */
function coordinates(osm: OsmData, refs: readonly number[]): Ring | undefined {
  const ring: Ring = [];
  for (const ref of refs) {
    const i = osm.nodeIndex.get(ref);
    if (i === undefined) return undefined;
    ring.push([osm.longitudes[i]!, osm.latitudes[i]!]);
  }
  return ring;
}

/**
 * Every area whose tags pass `wanted`: closed ways (≥ 4 refs, first = last) and multipolygon
 * relations. Returns the areas and how many candidates could not be assembled.
 */
export function osmAreas(
  osm: OsmData,
  wanted: (tags: OsmTags) => boolean,
): { areas: OsmArea[]; broken: number } {
  const areas: OsmArea[] = [];
  let broken = 0;
  for (const way of osm.ways) {
    if (!wanted(way.tags) || way.refs.length < 4 || way.refs[0] !== way.refs[way.refs.length - 1]) continue;
    const ring = coordinates(osm, way.refs);
    if (ring) areas.push({ osmId: `w${way.id}`, tags: way.tags, polygons: [[ring]] });
    else broken++;
  }
  const wayById = new Map(osm.ways.map((w) => [w.id, w]));
  for (const relation of osm.relations) {
    if (relation.tags.type !== 'multipolygon' || !wanted(relation.tags)) continue;
    const polygons = relationPolygons(osm, relation, wayById);
    if (polygons.length === 0) broken++;
    else areas.push({ osmId: `r${relation.id}`, tags: relation.tags, polygons });
  }
  return { areas, broken };
}

/**
 * Polygons of a relation whose member ways form rings (multipolygons, administrative boundaries):
 * `inner` members become holes of the outer ring containing them; empty when nothing closes.
 */
export function relationPolygons(
  osm: OsmData,
  relation: OsmRelation,
  wayById: ReadonlyMap<number, OsmWay>,
): Ring[][] {
  const outer: number[][] = [];
  const inner: number[][] = [];
  for (const m of relation.members) {
    if (m.type !== 'way') continue;
    const way = wayById.get(m.ref);
    if (way) (m.role === 'inner' ? inner : outer).push(way.refs);
  }
  const ringsOf = (chains: number[][]) =>
    joinRings(chains)
      .map((refs) => coordinates(osm, refs))
      .filter((r) => r !== undefined);
  const polygons: Ring[][] = ringsOf(outer).map((r) => [r]);
  for (const hole of ringsOf(inner)) {
    const owner = polygons.find((p) => pointInRing(hole[0]![0], hole[0]![1], p[0]!));
    owner?.push(hole);
  }
  return polygons;
}

/** Joins node-id chains end to end into closed rings (first id = last id); open leftovers are dropped. */
export function joinRings(chains: readonly number[][]): number[][] {
  const rings: number[][] = [];
  const open = chains.filter((c) => c.length >= 2).map((c) => c.slice());
  while (open.length > 0) {
    let current = open.shift()!;
    let extended = true;
    while (current[0] !== current[current.length - 1] && extended) {
      extended = false;
      for (let i = 0; i < open.length; i++) {
        const c = open[i]!;
        const head = current[0]!;
        const tail = current[current.length - 1]!;
        if (c[0] === tail) current = current.concat(c.slice(1));
        else if (c[c.length - 1] === tail) current = current.concat(c.slice(0, -1).reverse());
        else if (c[c.length - 1] === head) current = c.concat(current.slice(1));
        else if (c[0] === head) current = c.slice().reverse().concat(current.slice(1));
        else continue;
        open.splice(i, 1);
        extended = true;
        break;
      }
    }
    if (current.length >= 4 && current[0] === current[current.length - 1]) rings.push(current);
  }
  return rings;
}
