/**
 * The planning vocabulary shared by every layer: the land-use categories and the road classes,
 * in the planners' terms (Vietnamese and English names in src/i18n). The order is part of the
 * dataset formats: `buildings.json` and the land-cover grid store a land use as its index in
 * LAND_USES, `roads.json` a road class as its index in ROAD_CLASSES.
 */

/** Land-use categories in the planners' terms (Vietnamese names in i18n). */
export const LAND_USES = [
  'residential',
  'commercial',
  'industrial',
  'mixed',
  'green',
  'education',
  'health',
  'transport',
  'water',
  'agriculture',
  'public',
] as const;
export type LandUse = (typeof LAND_USES)[number];

/** Road classes of the routable graph, from the largest (motorway) to the smallest (service). */
export const ROAD_CLASSES = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'residential',
  'service',
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];
