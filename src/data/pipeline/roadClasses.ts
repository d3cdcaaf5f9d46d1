/**
 * Road classes of the routable graph and their defaults where OSM has no tag.
 *
 * Sources and assumptions (documented in docs/data.md):
 * - Lane capacity, PCU/h/lane: TCVN 4054:2005 §4.2.2 gives 1,800 PCU/h/lane with a median,
 *   1,500 with separated slow traffic and 1,000 with mixed traffic and no median; motorways use
 *   the HCM 2010 basic-freeway value of ~2,000. Lower classes are scaled down for HCMC mixed
 *   motorcycle traffic, side friction and frequent junctions (assumption: 800 tertiary,
 *   600 residential, 400 service).
 * - Speeds, km/h: Circular 31/2019/TT-BGTVT urban limits (60 on divided roads, 50 undivided);
 *   expressways 100; residential alleys 30 and service roads 20 are assumptions (effective speeds).
 * - Lanes per direction: assumptions for HCMC 2018 (2 on motorway/trunk/primary, else 1).
 */
import type { RoadClass } from '../../core/vocabulary.ts';

/** Defaults for one road class. */
export interface RoadClassDefaults {
  lanesPerDirection: number;
  speedKmh: number;
  capacityPcuPerHourPerLane: number;
  /** One carriageway lane width, metres (TCXDVN 104:2007 urban lanes 3.0–3.75 m). */
  laneWidthMetres: number;
}

/** Defaults by class. */
export const ROAD_CLASS_DEFAULTS: Readonly<Record<RoadClass, RoadClassDefaults>> = {
  motorway: { lanesPerDirection: 2, speedKmh: 100, capacityPcuPerHourPerLane: 2000, laneWidthMetres: 3.75 },
  trunk: { lanesPerDirection: 2, speedKmh: 60, capacityPcuPerHourPerLane: 1800, laneWidthMetres: 3.5 },
  primary: { lanesPerDirection: 2, speedKmh: 60, capacityPcuPerHourPerLane: 1500, laneWidthMetres: 3.5 },
  secondary: { lanesPerDirection: 1, speedKmh: 50, capacityPcuPerHourPerLane: 1200, laneWidthMetres: 3.5 },
  tertiary: { lanesPerDirection: 1, speedKmh: 50, capacityPcuPerHourPerLane: 800, laneWidthMetres: 3.25 },
  residential: { lanesPerDirection: 1, speedKmh: 30, capacityPcuPerHourPerLane: 600, laneWidthMetres: 3.0 },
  service: { lanesPerDirection: 1, speedKmh: 20, capacityPcuPerHourPerLane: 400, laneWidthMetres: 3.0 },
};

const CLASS_OF_HIGHWAY: Readonly<Record<string, RoadClass>> = {
  motorway: 'motorway',
  motorway_link: 'motorway',
  trunk: 'trunk',
  trunk_link: 'trunk',
  primary: 'primary',
  primary_link: 'primary',
  secondary: 'secondary',
  secondary_link: 'secondary',
  tertiary: 'tertiary',
  tertiary_link: 'tertiary',
  unclassified: 'residential',
  residential: 'residential',
  living_street: 'residential',
  road: 'residential',
  service: 'service',
  track: 'service',
};

/**
 * The graph class of an OSM `highway` value (`*_link` maps to its parent; unclassified,
 * living_street and road to residential; track to service), or undefined when the way is not
 * for motor vehicles (footway, path, steps, pedestrian, cycleway, construction, proposed...).
 */
export function roadClassOf(highway: string): RoadClass | undefined {
  return CLASS_OF_HIGHWAY[highway];
}

/** Parses an OSM `maxspeed` value to km/h (`"60"`, `"50 km/h"`, `"30 mph"`); undefined if unknown. */
export function parseMaxSpeedKmh(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(value);
  if (!match) return undefined;
  const speed = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? 1.609344 : 1);
  return speed > 0 ? speed : undefined;
}
