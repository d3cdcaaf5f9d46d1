/**
 * The station markers of the workbench's sensors layer, from a SensorSnapshot: one per station
 * with a Location, coloured by what it measures (VN_AQI class; river level against the alarm
 * levels; rain in the last hour by the WMO intensity classes), grey when stale or offline.
 */
import { type MessageKey, translate } from '../../i18n/index.ts';
import type { DatastreamHealth } from '../../sensors/liveObservations.ts';
import { alarmReached } from '../../sensors/operationsStatus.ts';
import { AQI_ALERT_INDEX } from '../../sensors/operationsStatus.ts';
import { AQI_LEVELS, ONE_HOUR_TABLE } from '../../sensors/vnAqi.ts';
import type { FollowedStream, SensorSnapshot } from '../operations/operationsData.ts';

/** Colour of a station with no live value (stale or offline), `#rrggbb`. */
export const NOT_LIVE_COLOUR = '#8a8a8a';

/** River level classes: below alarm I, then alarms I, II and III (levels from the Datastream's properties). */
export const RIVER_COLOURS: Readonly<Record<string, string>> = {
  normal: '#2e86de',
  I: '#f1c40f',
  II: '#e67e22',
  III: '#c0392b',
};

/**
 * Rain intensity classes over the last hour, mm/h, as WMO-No. 8 (Guide to Instruments and
 * Methods of Observation, §6.1.2): light < 2.5, moderate 2.5–10, heavy 10–50, violent ≥ 50;
 * `none` for 0.
 */
export const RAIN_CLASSES: ReadonlyArray<{ name: string; fromMmPerHour: number; colourHex: string }> = [
  { name: 'none', fromMmPerHour: 0, colourHex: '#c6dbef' },
  { name: 'light', fromMmPerHour: Number.MIN_VALUE, colourHex: '#6baed6' },
  { name: 'moderate', fromMmPerHour: 2.5, colourHex: '#3182bd' },
  { name: 'heavy', fromMmPerHour: 10, colourHex: '#08519c' },
  { name: 'violent', fromMmPerHour: 50, colourHex: '#7b2cbf' },
];

/** The rain class of a depth over the last hour, mm. */
export function rainClass(lastHourMm: number): (typeof RAIN_CLASSES)[number] {
  let found = RAIN_CLASSES[0] as (typeof RAIN_CLASSES)[number];
  for (const c of RAIN_CLASSES) if (lastHourMm >= c.fromMmPerHour) found = c;
  return found;
}

/** One station marker. */
export interface SensorMarker {
  /** The Datastream it stands for (the first pollutant of an air station). */
  streamId: number;
  place: string;
  kind: FollowedStream['kind'];
  lonLat: readonly [number, number];
  /** Class of its value: `aqi-1`…`aqi-6`, `river-normal`, `river-I`…`river-III`, `rain-<class>`, or `none`. */
  level: string;
  /** Fill colour, `#rrggbb` (grey when not live). */
  colourHex: string;
  /** What the label shows (AQI, level in m, rain over the last hour in mm) and its unit. */
  value: number | undefined;
  unit: string;
  /** Phenomenon time of the newest value, ms. */
  atMs: number | undefined;
  health: DatastreamHealth;
  /** `observed`, `replay` or `synthetic`. */
  source: string;
  /** Thresholds drawn on the popup's sparkline, in the Datastream's unit, by name. */
  thresholds: Record<string, number>;
}

/** The markers of the stations with a Location; `health(id)` gives each Datastream's state. */
export function sensorMarkers(
  snapshot: SensorSnapshot,
  health: (datastreamId: number) => DatastreamHealth,
): SensorMarker[] {
  const markers: SensorMarker[] = [];
  const add = (
    stream: FollowedStream,
    fields: Pick<SensorMarker, 'level' | 'colourHex' | 'value' | 'unit' | 'atMs' | 'thresholds'>,
  ) => {
    if (!stream.lonLat) return;
    const state = health(stream.id);
    markers.push({
      streamId: stream.id,
      place: stream.thingName,
      kind: stream.kind,
      lonLat: stream.lonLat,
      health: state,
      source: stream.source,
      ...fields,
      colourHex: state === 'live' ? fields.colourHex : NOT_LIVE_COLOUR,
    });
  };
  for (const { stream, aqi, atMs } of snapshot.air) {
    const table = stream.pollutant ? ONE_HOUR_TABLE[stream.pollutant] : undefined;
    // The concentration at the top of class 3 (AQI 150): above it the index is ≥ 151, an alert.
    const alertConcentration = table?.[AQI_LEVELS.indexOf(AQI_ALERT_INDEX - 1)];
    add(stream, {
      level: aqi.aqiClass ? `aqi-${aqi.aqiClass.rank}` : 'none',
      colourHex: aqi.aqiClass?.colourHex ?? NOT_LIVE_COLOUR,
      value: aqi.index,
      unit: 'AQI',
      atMs,
      thresholds: alertConcentration === undefined ? {} : { [String(AQI_ALERT_INDEX)]: alertConcentration },
    });
  }
  for (const { stream, latest } of snapshot.rivers) {
    const alarms = stream.alarmLevelsMetres ?? {};
    const reached = latest ? (alarmReached(latest.result, alarms) ?? 'normal') : undefined;
    add(stream, {
      level: reached ? `river-${reached}` : 'none',
      colourHex: reached ? (RIVER_COLOURS[reached] ?? RIVER_COLOURS.III!) : NOT_LIVE_COLOUR,
      value: latest?.result,
      unit: 'm',
      atMs: latest?.phenomenonTimeMs,
      thresholds: alarms,
    });
  }
  for (const { stream, latest, lastHourMm } of snapshot.rain) {
    const rain = latest ? rainClass(lastHourMm) : undefined;
    add(stream, {
      level: rain ? `rain-${rain.name}` : 'none',
      colourHex: rain?.colourHex ?? NOT_LIVE_COLOUR,
      value: latest ? lastHourMm : undefined,
      unit: 'mm/h',
      atMs: latest?.phenomenonTimeMs,
      thresholds: {},
    });
  }
  return markers;
}

/** Minutes since `atMs` at `nowMs`, rounded, never negative. */
export function ageMinutes(atMs: number, nowMs: number): number {
  return Math.max(0, Math.round((nowMs - atMs) / 60_000));
}

/** The value with its unit (`1.62 m`, `AQI 125`, `3.2 mm/h`), or `–` without one. */
export function markerValueText(marker: SensorMarker): string {
  if (marker.value === undefined) return '–';
  if (marker.unit === 'AQI') return `AQI ${marker.value}`;
  return `${marker.value.toFixed(marker.unit === 'm' ? 2 : 1)} ${marker.unit}`;
}

/**
 * A marker's label, Vietnamese / English: place, value with unit, age (`12 phút trước / 12 min
 * ago`), health when not live, source.
 */
export function markerLabel(marker: SensorMarker, nowMs: number): string {
  const both = (key: MessageKey, params?: Record<string, string | number>) =>
    `${translate('vi', key, params)} / ${translate('en', key, params)}`;
  const parts = [`${marker.place}: ${markerValueText(marker)}`];
  parts.push(
    marker.atMs === undefined
      ? both('ops.noValue')
      : both('ops.age', { minutes: ageMinutes(marker.atMs, nowMs) }),
  );
  if (marker.health !== 'live') parts.push(both(`ops.${marker.health}`));
  parts.push(both(`ops.source.${marker.source}` as MessageKey));
  return parts.join(' · ');
}
