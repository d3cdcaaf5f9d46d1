/**
 * OSM areas: closed ways and `type=multipolygon` relations turned into polygons (lon/lat degrees).
 * Relation rings are assembled by joining member ways end to end (the OSM multipolygon
 * algorithm, https://wiki.openstreetmap.org/wiki/Relation:multipolygon/Algorithm); each inner
 * ring is attached to the outer ring that contains it.
 */
import { pointInRing, type Ring } from './geometry.ts';
import type { OsmData, OsmTags } from '../osm/osmTypes.ts';

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
export function osmAreas(osm: OsmData, wanted: (tags: OsmTags) => boolean): { areas: OsmArea[]; broken: number } {
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
    const outer: number[][] = [];
    const inner: number[][] = [];
    for (const m of relation.members) {
      if (m.type !== 'way') continue;
      const way = wayById.get(m.ref);
      if (!way) continue;
      (m.role === 'inner' ? inner : outer).push(way.refs);
    }
    const outerRings = joinRings(outer)
      .map((refs) => coordinates(osm, refs))
      .filter((r) => r !== undefined);
    const innerRings = joinRings(inner)
      .map((refs) => coordinates(osm, refs))
      .filter((r) => r !== undefined);
    if (outerRings.length === 0) {
      broken++;
      continue;
    }
    const polygons: Ring[][] = outerRings.map((r) => [r]);
    for (const hole of innerRings) {
      const owner = polygons.find((p) => pointInRing(hole[0]![0], hole[0]![1], p[0]!));
      owner?.push(hole);
    }
    areas.push({ osmId: `r${relation.id}`, tags: relation.tags, polygons });
  }
  return { areas, broken };
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
