/**
 * `roads.json` (format `twin-roads/1`): the road graph in compact columns. Positions and
 * polylines are flat [east, north, ...] scene metres rounded to 0.1 m (frame of core/geo).
 * `links.roadClass[i]` indexes `classes` (the scenario's ROAD_CLASSES); `links.flags[i]` is a bit
 * set (1 bridge, 2 tunnel, 4 partly outside the boundary); `links.name[i]` indexes `names`;
 * `links.geometry[i]` indexes the polylines (vertices offsets[k]..offsets[k+1]-1), drawn in
 * reverse when `links.reversed[i]` is 1.
 */
import { ROAD_CLASSES } from '../../core/vocabulary.ts';
import { LINK_FLAG, type RoadGraph } from './roads.ts';

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
