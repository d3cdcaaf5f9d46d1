import { type Language, translate } from '../../i18n/index.ts';
import type {
  NumericObservation,
  SensorThingsClient,
  SensorThingsEntity,
} from '../../sensors/sensorThingsClient.ts';
import { expandOption } from '../../sensors/sensorThingsClient.ts';
import {
  depthOverWindowMm,
  hourlyMeansNewestFirst,
  type OperationsAlert,
  operationsAlerts,
  RAIN_ALERT_WINDOW_MS,
  readAlarmLevelsMetres,
  readTideModel,
} from '../../sensors/operationsStatus.ts';
import type { TideModel } from '../../sim/hydrology/tideHarmonics.ts';
import {
  type AqiPollutant,
  hourlyVnAqi,
  NOWCAST_HOURS,
  type PollutantHours,
  type VnAqi,
} from '../../sensors/vnAqi.ts';

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
  /** The Thing's first Location as [longitude, latitude] degrees (GeoJSON Point), if it has one. */
  lonLat?: readonly [number, number];
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
  const point = (
    thing.Locations as Array<{ location?: { type?: unknown; coordinates?: unknown } }> | undefined
  )?.[0]?.location?.coordinates;
  const lonLat =
    Array.isArray(point) && typeof point[0] === 'number' && typeof point[1] === 'number'
      ? ([point[0], point[1]] as const)
      : undefined;
  const base = {
    id,
    ...(lonLat ? { lonLat } : {}),
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
    expand: `Locations,${expandOption('Datastreams', { expand: 'ObservedProperty' })}`,
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

/** An air-quality station: its hourly VN_AQI from the NowCast of its pollutants' hourly means. */
export interface AirStation {
  place: string;
  aqi: VnAqi;
  /** Phenomenon time of its newest value, ms (undefined without any). */
  atMs: number | undefined;
  /** Its first Datastream (health, source, location). */
  stream: FollowedStream;
}

/** A river gauge and its newest level. */
export interface RiverGauge {
  stream: FollowedStream;
  latest: NumericObservation | undefined;
}

/** A rain gauge: its newest value and its depths over the last hour and the last 3 h, mm. */
export interface RainGauge {
  stream: FollowedStream;
  latest: NumericObservation | undefined;
  lastHourMm: number;
  last3hMm: number;
}

/** What the sensors say at one moment: stations by kind and the alerts (newest first). */
export interface SensorSnapshot {
  air: AirStation[];
  rivers: RiverGauge[];
  rain: RainGauge[];
  alerts: OperationsAlert[];
}

/**
 * The stations of `streams` at `nowMs` from their buffered Observations (`observations(id)`,
 * oldest first): air stations grouped by Thing, with VN_AQI (Decision 1459/QĐ-TCMT, NowCast of 12
 * hourly means); rain depths ending at each gauge's newest value; the alerts of operationsAlerts.
 */
export function sensorSnapshot(
  streams: readonly FollowedStream[],
  observations: (id: number) => readonly NumericObservation[],
  nowMs: number,
): SensorSnapshot {
  const stations = new Map<string, FollowedStream[]>();
  for (const s of streams.filter((s) => s.kind === 'air'))
    stations.set(s.thingName, [...(stations.get(s.thingName) ?? []), s]);
  const air = [...stations].map(([place, airStreams]): AirStation => {
    const hours: PollutantHours = {};
    for (const s of airStreams)
      if (s.pollutant) hours[s.pollutant] = hourlyMeansNewestFirst(observations(s.id), nowMs, NOWCAST_HOURS);
    const latestAtMs = Math.max(...airStreams.map((s) => observations(s.id).at(-1)?.phenomenonTimeMs ?? 0));
    return {
      place,
      aqi: hourlyVnAqi(hours),
      atMs: latestAtMs || undefined,
      stream: airStreams[0] as FollowedStream,
    };
  });
  const rivers = streams
    .filter((s) => s.kind === 'river')
    .map((stream) => ({ stream, latest: observations(stream.id).at(-1) }));
  const rain = streams
    .filter((s) => s.kind === 'rain')
    .map((stream): RainGauge => {
      const obs = observations(stream.id);
      const latest = obs.at(-1);
      const depth = (windowMs: number) =>
        latest ? depthOverWindowMm(obs, latest.phenomenonTimeMs, windowMs) : 0;
      return { stream, latest, lastHourMm: depth(HOUR_MS), last3hMm: depth(RAIN_ALERT_WINDOW_MS) };
    });
  const alerts = operationsAlerts({
    aqi: air.map((a) => ({ place: a.place, atMs: a.atMs ?? 0, index: a.aqi.index })),
    river: rivers.flatMap(({ stream, latest }) =>
      latest
        ? [
            {
              place: stream.thingName,
              atMs: latest.phenomenonTimeMs,
              levelMetres: latest.result,
              alarmLevelsMetres: stream.alarmLevelsMetres ?? {},
            },
          ]
        : [],
    ),
    rain: rain.flatMap((r) =>
      r.latest
        ? [{ place: r.stream.thingName, atMs: r.latest.phenomenonTimeMs, depthLast3hMm: r.last3hMm }]
        : [],
    ),
  });
  return { air, rivers, rain, alerts };
}

/** An alert's text in `language` (what, how much, where). */
export function alertText(alert: OperationsAlert, language: Language): string {
  if (alert.kind === 'aqi')
    return translate(language, 'ops.alertAqi', { index: alert.index, place: alert.place });
  if (alert.kind === 'river') {
    return translate(language, 'ops.alertRiver', {
      metres: alert.levelMetres.toFixed(2),
      alarm: alert.alarm,
      place: alert.place,
    });
  }
  return translate(language, 'ops.alertRain', { mm: alert.depthMm.toFixed(1), place: alert.place });
}

/** A data time as Vietnamese local clock and date (`08:30 02/12`), for alerts and predictions. */
export const observationClock = (ms: number): string =>
  new Date(ms).toLocaleString('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  });
