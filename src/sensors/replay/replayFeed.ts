/**
 * A replay feed: one Thing to create (a SensorThings deep-insert body) and the series of its
 * Datastreams, as functions of data time. The replay runner plays every feed the same way.
 */
export interface ReplayFeed {
  /** Stable key, stored in the Thing's `properties.replayKey` so a restart finds it again. */
  key: string;
  /** Deep-insert body of the Thing; each Datastream carries `properties.replayKey`. */
  thing: Record<string, unknown>;
  streams: ReplayStream[];
}

/** One Datastream of a feed. */
export interface ReplayStream {
  /** Matches the Datastream's `properties.replayKey`. */
  key: string;
  /** Time between samples, s (samples fall on multiples of it since the Unix epoch). */
  stepSeconds: number;
  /** The value at a data time (Unix seconds), or undefined where the source has none. */
  valueAt(epochSeconds: number): number | undefined;
}

/** Where a Thing's data comes from (`properties.source`). */
export type DataSource = 'observed' | 'replay' | 'synthetic';

const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

/** A measurement Datastream for a deep insert, with its plausible range and replay key. */
export function measurementDatastream(input: {
  key: string;
  name: string;
  description: string;
  unit: { name: string; symbol: string; definition: string };
  observedProperty: { name: string; definition: string };
  sensor: { name: string; description: string };
  plausibleRange: { min: number; max: number };
  properties?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    name: input.name,
    description: input.description,
    unitOfMeasurement: input.unit,
    observationType: OM_MEASUREMENT,
    properties: { replayKey: input.key, plausibleRange: input.plausibleRange, ...input.properties },
    Sensor: { ...input.sensor, encodingType: 'text/plain', metadata: input.sensor.description },
    ObservedProperty: { ...input.observedProperty, description: input.observedProperty.name },
  };
}

/** A point Location for a deep insert (GeoJSON, WGS84). */
export function pointLocation(name: string, lon: number, lat: number): Record<string, unknown> {
  return {
    name,
    description: name,
    encodingType: 'application/geo+json',
    location: { type: 'Point', coordinates: [lon, lat] },
  };
}
