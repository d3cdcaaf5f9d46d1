/**
 * The in-memory OpenStreetMap model produced by the PBF reader: plain arrays and maps, no
 * library types, so the pipeline transforms stay pure and testable.
 */

/** OSM tags (`key → value`). */
export type OsmTags = Record<string, string>;

/** A node that carries tags (untagged nodes only live in the coordinate table). */
export interface OsmTaggedNode {
  id: number;
  longitudeDegrees: number;
  latitudeDegrees: number;
  tags: OsmTags;
}

/** A way: an ordered list of node ids. */
export interface OsmWay {
  id: number;
  refs: number[];
  tags: OsmTags;
}

/** The kind of a relation member. */
export type OsmMemberType = 'node' | 'way' | 'relation';

/** One relation member. */
export interface OsmMember {
  type: OsmMemberType;
  ref: number;
  role: string;
}

/** A relation, e.g. `type=multipolygon` or `boundary=administrative`. */
export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: OsmTags;
}

/** Bounding box from the PBF header, degrees. */
export interface OsmBounds {
  westDegrees: number;
  eastDegrees: number;
  southDegrees: number;
  northDegrees: number;
}

/** A whole decoded extract. Node coordinates are looked up with `nodeLocation`. */
export interface OsmData {
  bounds: OsmBounds | undefined;
  requiredFeatures: string[];
  /** Number of nodes (tagged or not). */
  nodeCount: number;
  /** node id → index into `longitudes` / `latitudes`. */
  nodeIndex: Map<number, number>;
  /** Longitudes in degrees, by node index. */
  longitudes: Float64Array;
  /** Latitudes in degrees, by node index. */
  latitudes: Float64Array;
  taggedNodes: OsmTaggedNode[];
  ways: OsmWay[];
  relations: OsmRelation[];
}

/** [longitude, latitude] of a node in degrees, or undefined when the extract lacks it. */
export function nodeLocation(osm: OsmData, nodeId: number): [number, number] | undefined {
  const i = osm.nodeIndex.get(nodeId);
  if (i === undefined) return undefined;
  return [osm.longitudes[i]!, osm.latitudes[i]!];
}
