/**
 * The OGC SensorThings API 1.1 data model (entity sets and their navigation properties) as the
 * embedded service `twin sensors serve` stores it. Pure: no Node or DOM.
 */

/** The eight entity sets of SensorThings API 1.1 (sensing part), in the order `GET /v1.1/` lists them. */
export const ENTITY_SETS = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
] as const;

export type EntitySetName = (typeof ENTITY_SETS)[number];

/** True when `name` is one of the entity sets. */
export function isEntitySet(name: string): name is EntitySetName {
  return (ENTITY_SETS as readonly string[]).includes(name);
}

/**
 * A stored entity: its own properties (`name`, `phenomenonTime`, `properties`, ...) and its links
 * to other entities by id. `links` keys are navigation property names of this entity that point
 * to one entity (`Datastream: 7`) or, for Things → Locations, to many (`Locations: [1, 2]`).
 */
export interface StoredEntity {
  set: EntitySetName;
  id: number;
  props: Record<string, unknown>;
  links: Record<string, number | number[]>;
}

/**
 * A navigation property: the target set, whether it is a collection, and how the link is held —
 * on this entity (`own`, key in its `links`) or on the targets pointing back (`reverse`, key in
 * their `links`).
 */
export interface Navigation {
  target: EntitySetName;
  many: boolean;
  held: 'own' | 'reverse';
  key: string;
}

/** Navigation properties of each entity set (SensorThings API 1.1, §8.2). */
export const NAVIGATION: Readonly<Record<EntitySetName, Readonly<Record<string, Navigation>>>> = {
  Things: {
    Locations: { target: 'Locations', many: true, held: 'own', key: 'Locations' },
    HistoricalLocations: { target: 'HistoricalLocations', many: true, held: 'reverse', key: 'Thing' },
    Datastreams: { target: 'Datastreams', many: true, held: 'reverse', key: 'Thing' },
  },
  Locations: {
    Things: { target: 'Things', many: true, held: 'reverse', key: 'Locations' },
    HistoricalLocations: { target: 'HistoricalLocations', many: true, held: 'reverse', key: 'Locations' },
  },
  HistoricalLocations: {
    Thing: { target: 'Things', many: false, held: 'own', key: 'Thing' },
    Locations: { target: 'Locations', many: true, held: 'own', key: 'Locations' },
  },
  Datastreams: {
    Thing: { target: 'Things', many: false, held: 'own', key: 'Thing' },
    Sensor: { target: 'Sensors', many: false, held: 'own', key: 'Sensor' },
    ObservedProperty: { target: 'ObservedProperties', many: false, held: 'own', key: 'ObservedProperty' },
    Observations: { target: 'Observations', many: true, held: 'reverse', key: 'Datastream' },
  },
  Sensors: {
    Datastreams: { target: 'Datastreams', many: true, held: 'reverse', key: 'Sensor' },
  },
  ObservedProperties: {
    Datastreams: { target: 'Datastreams', many: true, held: 'reverse', key: 'ObservedProperty' },
  },
  Observations: {
    Datastream: { target: 'Datastreams', many: false, held: 'own', key: 'Datastream' },
    FeatureOfInterest: { target: 'FeaturesOfInterest', many: false, held: 'own', key: 'FeatureOfInterest' },
  },
  FeaturesOfInterest: {
    Observations: { target: 'Observations', many: true, held: 'reverse', key: 'FeatureOfInterest' },
  },
};

/** Properties a POST must carry, per set (the service is lenient on the rest). */
export const REQUIRED_PROPERTIES: Readonly<Record<EntitySetName, readonly string[]>> = {
  Things: ['name'],
  Locations: ['name', 'location'],
  HistoricalLocations: ['time'],
  Datastreams: ['name', 'unitOfMeasurement'],
  Sensors: ['name'],
  ObservedProperties: ['name'],
  Observations: ['phenomenonTime', 'result'],
  FeaturesOfInterest: ['name', 'feature'],
};

/** Own links a stored entity of the set must have (e.g. a Datastream's Thing, Sensor, ObservedProperty). */
export const REQUIRED_LINKS: Readonly<Record<EntitySetName, readonly string[]>> = {
  Things: [],
  Locations: [],
  HistoricalLocations: ['Thing'],
  Datastreams: ['Thing', 'Sensor', 'ObservedProperty'],
  Sensors: [],
  ObservedProperties: [],
  Observations: ['Datastream'],
  FeaturesOfInterest: [],
};

/** MQTT topic (and HTTP path below `v1.1/`) of a Datastream's Observations. */
export function observationsTopic(datastreamId: number): string {
  return `v1.1/Datastreams(${datastreamId})/Observations`;
}

/** The Datastream id of an observations topic `v1.1/Datastreams(ID)/Observations`, or undefined. */
export function datastreamIdOfTopic(topic: string): number | undefined {
  const match = /^v1\.1\/Datastreams\((\d+)\)\/Observations$/.exec(topic);
  return match ? Number(match[1]) : undefined;
}
