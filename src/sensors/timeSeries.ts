import { RAIN_ALERT_MM, RAIN_ALERT_WINDOW_MS, depthOverWindowMm } from './operationsStatus.ts';
import type { NumericObservation } from './sensorThingsClient.ts';
import { AQI_LEVELS, type AqiPollutant, ONE_HOUR_TABLE } from './vnAqi.ts';

/**
 * What a station's time-series chart draws (issue 14, item 4), pure: the series of a Datastream
 * over 24 h or 7 days and its thresholds in the series' unit — the VN_AQI class bounds as the
 * pollutant's concentrations, the river's alarm levels, 50 mm in 3 h for a rain gauge (whose
 * series is then its running 3-h depth, the quantity the alert compares).
 */

/** The chart's ranges, ms. */
export const TIME_SERIES_RANGES_MS = { day: 24 * 3_600_000, week: 7 * 24 * 3_600_000 } as const;

/** A chart range: the last 24 h or the last 7 days. */
export type TimeSeriesRange = keyof typeof TIME_SERIES_RANGES_MS;

/** The upper bounds of the VN_AQI classes drawn (Tốt … Rất xấu; 300 is the last finite class top shown). */
const CLASS_BOUNDS = [50, 100, 150, 200, 300] as const;

/** A Datastream as the chart needs it. */
export interface TimeSeriesStream {
  kind: 'air' | 'river' | 'rain';
  /** For air: the VN_AQI pollutant. */
  pollutant?: AqiPollutant;
  /** For the river: alarm levels by name, m. */
  alarmLevelsMetres?: Record<string, number>;
}

/** The chart's unit: µg/m³ (air), m (river), mm in 3 h (rain). */
export function timeSeriesUnit(stream: TimeSeriesStream): string {
  return stream.kind === 'air' ? 'µg/m³' : stream.kind === 'river' ? 'm' : 'mm / 3 h';
}

/**
 * Thresholds by label in the chart's unit: for a pollutant the hourly table's concentration at
 * each class bound (`AQI 50` … `AQI 300`, Table 2 of Decision 1459/QĐ-TCMT); the river's alarm
 * levels (`I`, `II`, `III`); `50 mm/3 h` for rain.
 */
export function timeSeriesThresholds(stream: TimeSeriesStream): Record<string, number> {
  if (stream.kind === 'river') return { ...(stream.alarmLevelsMetres ?? {}) };
  if (stream.kind === 'rain') return { [`${RAIN_ALERT_MM} mm/3 h`]: RAIN_ALERT_MM };
  const table = stream.pollutant === undefined ? undefined : ONE_HOUR_TABLE[stream.pollutant];
  if (table === undefined) return {};
  const out: Record<string, number> = {};
  for (const bound of CLASS_BOUNDS) {
    const concentration = table[AQI_LEVELS.indexOf(bound)];
    if (concentration !== undefined) out[`AQI ${bound}`] = concentration;
  }
  return out;
}

/**
 * The values drawn at each observation's time: the result itself, or for rain the depth over
 * the 3 h ending then (the observations before the range count, so read 3 h more).
 */
export function timeSeriesValues(
  stream: TimeSeriesStream,
  observations: readonly NumericObservation[],
): number[] {
  if (stream.kind !== 'rain') return observations.map((o) => o.result);
  return observations.map((o) => depthOverWindowMm(observations, o.phenomenonTimeMs, RAIN_ALERT_WINDOW_MS));
}
