import type { TimeSeries } from '../core/timeSeries.ts';
import type { RoadClass } from '../core/vocabulary.ts';
import type { ZoneRules } from '../sim/landuse/zoningRules.ts';

/**
 * The scenario document, format `twin-scenario/1`: a base scenario plus typed edits.
 * Coordinates are WGS84 [longitude, latitude] degrees; heights and depths in metres.
 */
export const SCENARIO_FORMAT = 'twin-scenario/1';

/** A text in both UI languages. */
export interface BilingualText {
  vi: string;
  en: string;
}

/** Zoning rules for one zone (defined with the land-use model, `twin-zoning-rules/1`). */
export type { ZoneRules };

/** Change the zone or the rules of some parcels (by id) or of all parcels inside a polygon. */
export interface ZoningEdit {
  type: 'zoning';
  id: string;
  parcelIds?: string[];
  polygon?: Array<[number, number]>;
  zone: string;
  rules?: ZoneRules;
}

/** Close road links (ids from the dataset's road graph). */
export interface RoadClosureEdit {
  type: 'roadClosure';
  id: string;
  linkIds: string[];
}

/** A planned road along a polyline. */
export interface NewRoadEdit {
  type: 'newRoad';
  id: string;
  name?: BilingualText;
  coordinates: Array<[number, number]>;
  roadClass: RoadClass;
  lanes: number;
  maxSpeedKmh: number;
  oneWay: boolean;
}

/** A dike (đê bao) along a polyline with its crest elevation above mean sea level. */
export interface DikeEdit {
  type: 'dike';
  id: string;
  coordinates: Array<[number, number]>;
  crestHeightMetres: number;
}

/** A retention pond (hồ điều tiết): the polygon is excavated to `depthMetres` below ground. */
export interface PondEdit {
  type: 'pond';
  id: string;
  polygon: Array<[number, number]>;
  depthMetres: number;
}

/** Rain for the storm event: a design storm by return period, or a series. */
export type RainSpec =
  | { kind: 'design'; returnPeriodYears: number; durationHours: number }
  | { kind: 'series'; intensityMmPerHour: TimeSeries };

/** Tide on the rivers: a level series in metres above mean sea level. */
export interface TideSpec {
  levelMetres: TimeSeries;
}

/** The storm and tide event the flood model runs. At most one per scenario. */
export interface StormEventEdit {
  type: 'stormEvent';
  id: string;
  durationHours: number;
  rain?: RainSpec;
  tide?: TideSpec;
}

/** Urban growth to a horizon year (land-use model) and external traffic growth (traffic). At most one. */
export interface GrowthEdit {
  type: 'growth';
  id: string;
  toYear: number;
  seed: number;
  excludeFloodProne: boolean;
  /**
   * Growth of the traffic entering and leaving at the gateways, % per year (external and through
   * traffic). Trips inside the city grow only with new floor space, so growth is counted once.
   */
  demandGrowthPercentPerYear: number;
}

/** Every kind of edit a scenario can hold. */
export type ScenarioEdit =
  | ZoningEdit
  | RoadClosureEdit
  | NewRoadEdit
  | DikeEdit
  | PondEdit
  | StormEventEdit
  | GrowthEdit;
export type EditType = ScenarioEdit['type'];
export const EDIT_TYPES: readonly EditType[] = [
  'zoning',
  'roadClosure',
  'newRoad',
  'dike',
  'pond',
  'stormEvent',
  'growth',
];

/** A scenario document. */
export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  id: string;
  name: BilingualText;
  description?: BilingualText;
  /** Id of the scenario this one edits, or null for the baseline. */
  base: string | null;
  /** The year the scenario describes. */
  year: number;
  edits: ScenarioEdit[];
}
