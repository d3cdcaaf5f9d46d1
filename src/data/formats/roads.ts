/**
 * `roads.json` (format `twin-roads/1`): the road graph in compact columns, one schema for the
 * writer (data/pipeline/roads.ts builds the RoadGraph, buildDataset encodes it) and the readers
 * (data/dataset/cityFiles.ts, the traffic and land-use models, render). Positions and
 * polylines are flat [east, north, ...] scene metres rounded to 0.1 m (frame of core/geo).
 * `links.roadClass[i]` indexes `classes` (core/vocabulary's ROAD_CLASSES); `links.flags[i]` is a
 * bit set (1 bridge, 2 tunnel, 4 partly outside the boundary); `links.name[i]` indexes `names`;
 * `links.geometry[i]` indexes the polylines (vertices offsets[k]..offsets[k+1]-1), drawn in
 * reverse when `links.reversed[i]` is 1.
 */
import { ROAD_CLASSES } from '../../core/vocabulary.ts';

/** Link flag bits. */
export const LINK_FLAG = { bridge: 1, tunnel: 2, partlyOutside: 4 } as const;

/** The road graph in columnar form (index i of every link array describes link i). */
export interface RoadGraph {
  nodeOsmIds: number[];
  /** Flat [east, north, east, north, ...] scene metres. */
  nodePositions: number[];
  links: {
    /** Stable ids `<wayId>-<segment>f` (along the way) or `...b` (against it). */
    ids: string[];
    from: number[];
    to: number[];
    lengthMetres: number[];
    /** Index into ROAD_CLASSES. */
    roadClass: number[];
    lanes: number[];
    speedKmh: number[];
    capacityPcuPerHour: number[];
    /** 1 when the OSM way is one-way. */
    oneway: number[];
    /** Bit set of LINK_FLAG. */
    flags: number[];
    wayId: number[];
    /** Index into `names` (0 = unnamed). */
    name: number[];
    /** Index into `geometries`. */
    geometry: number[];
    /** 1 when the link runs against its geometry's vertex order. */
    reversed: number[];
  };
  names: string[];
  /** Segment polylines: segment k spans vertices offsets[k]..offsets[k+1]-1 of `coordinates`. */
  geometries: { offsets: number[]; coordinates: number[] };
}

/** The JSON document. */
export interface RoadsDocument extends RoadGraph {
  format: 'twin-roads/1';
  crs: string;
  classes: readonly string[];
  flagBits: typeof LINK_FLAG;
  nodeCount: number;
  linkCount: number;
}

/** Wraps a graph as the `twin-roads/1` document. */
export function encodeRoads(graph: RoadGraph): RoadsDocument {
  return {
    format: 'twin-roads/1',
    crs: 'scene east/north metres, origin 10.82 N 106.77 E (src/core/geo.ts)',
    classes: ROAD_CLASSES,
    flagBits: LINK_FLAG,
    nodeCount: graph.nodeOsmIds.length,
    linkCount: graph.links.ids.length,
    ...graph,
  };
}
