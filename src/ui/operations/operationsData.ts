import type {
  NumericObservation,
  SensorThingsClient,
  SensorThingsEntity,
} from '../../sensors/sensorThingsClient.ts';
import { expandOption } from '../../sensors/sensorThingsClient.ts';
import { readAlarmLevelsMetres, readTideModel } from '../../sensors/operationsStatus.ts';
import type { TideModel } from '../../sim/hydrology/tideHarmonics.ts';
import type { AqiPollutant } from '../../sensors/vnAqi.ts';

/** A Datastream the operations view follows, with what it measures and where. */
export interface FollowedStream {
  id: number;
  /** The Thing's Vietnamese name (`properties.nameVi`) when it has one, else its name. */
  thingName: string;
  /** `observed`, `replay` or `synthetic` (the Thing's `properties.source`). */
  source: string;
  kind: 'air' | 'river' | 'rain';
  /** For air: the VN_AQI pollutant. */
  pollutant?: AqiPollutant;
  /** Expected time between Observations, ms (stale after twice that). */
  expectedIntervalMs: number;
  /** For the river: alarm levels, m, by name, and the tide model when the Datastream has one. */
  alarmLevelsMetres?: Record<string, number>;
  tideModel?: TideModel;
  history: NumericObservation[];
}

const POLLUTANTS: readonly string[] = ['PM2.5', 'PM10', 'O3', 'NO2', 'SO2', 'CO'];
const HOUR_MS = 3_600_000;

function classify(
  thing: SensorThingsEntity,
  datastream: Record<string, unknown>,
): Omit<FollowedStream, 'history'> | undefined {
  const id = datastream['@iot.id'] as number;
  const properties = (datastream.properties ?? {}) as Record<string, unknown>;
  const observedProperty = String(
    (datastream.ObservedProperty as { name?: unknown } | undefined)?.name ?? '',
  );
  const unit = String((datastream.unitOfMeasurement as { symbol?: unknown } | undefined)?.symbol ?? '');
  const base = {
    id,
    thingName: String((thing.properties as { nameVi?: unknown } | undefined)?.nameVi ?? thing.name),
    source: String((thing.properties as { source?: unknown } | undefined)?.source ?? 'observed'),
  };
  if (POLLUTANTS.includes(observedProperty)) {
    return { ...base, kind: 'air', pollutant: observedProperty as AqiPollutant, expectedIntervalMs: HOUR_MS };
  }
  if (properties.alarmLevelsMetres !== undefined) {
    const where = `Datastreams(${id})`;
    return {
      ...base,
      kind: 'river',
      expectedIntervalMs: 10 * 60_000,
      alarmLevelsMetres: readAlarmLevelsMetres(properties, where),
      ...(properties.tideModel === undefined ? {} : { tideModel: readTideModel(properties, where) }),
    };
  }
  if (unit === 'mm') return { ...base, kind: 'rain', expectedIntervalMs: 10 * 60_000 };
  return undefined;
}

/** Reads the Things with their Datastreams and the last 24 h of each followed Datastream. */
export async function loadOperationsStreams(
  client: SensorThingsClient,
  nowMs: number,
): Promise<FollowedStream[]> {
  const things = await client.collection('Things', {
    expand: expandOption('Datastreams', { expand: 'ObservedProperty' }),
  });
  const streams: Omit<FollowedStream, 'history'>[] = [];
  for (const thing of things) {
    for (const datastream of (thing.Datastreams ?? []) as Record<string, unknown>[]) {
      const stream = classify(thing, datastream);
      if (stream !== undefined) streams.push(stream);
    }
  }
  const fromIso = new Date(nowMs - 24 * HOUR_MS).toISOString();
  return Promise.all(streams.map(async (s) => ({ ...s, history: await client.observations(s.id, fromIso) })));
}
