import { InputError } from '../core/errors.ts';
import { type TideModel, tideExtremes } from '../sim/hydrology/tideHarmonics.ts';
import type { NumericObservation } from './sensorThingsClient.ts';
import type { HourlyMeansUgM3 } from './vnAqi.ts';

/**
 * What the operations view shows, computed from Observations: hourly means for VN_AQI, the river
 * alarm level reached, rain over the last hours, the next predicted high tide and the alerts
 * (AQI ≥ 151, river ≥ alarm I/II/III, rain ≥ 50 mm in 3 h). Pure.
 */

const HOUR_MS = 3_600_000;

/** AQI from which an alert is raised: class 4, "Xấu / Unhealthy". */
export const AQI_ALERT_INDEX = 151;
/** Rain over {@link RAIN_ALERT_WINDOW_MS} from which an alert is raised, mm. */
export const RAIN_ALERT_MM = 50;
export const RAIN_ALERT_WINDOW_MS = 3 * HOUR_MS;

/**
 * Hourly means of Observations, newest first, for the `hours` whole hours ending at the hour
 * that contains `nowMs` (c1 = that hour); `null` for an hour without any Observation.
 */
export function hourlyMeansNewestFirst(
  observations: readonly NumericObservation[],
  nowMs: number,
  hours: number,
): HourlyMeansUgM3 {
  const currentHourStartMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const sums = new Array<number>(hours).fill(0);
  const counts = new Array<number>(hours).fill(0);
  for (const { phenomenonTimeMs, result } of observations) {
    const age = Math.floor((currentHourStartMs - Math.floor(phenomenonTimeMs / HOUR_MS) * HOUR_MS) / HOUR_MS);
    if (age < 0 || age >= hours) continue;
    sums[age] = (sums[age] as number) + result;
    counts[age] = (counts[age] as number) + 1;
  }
  return sums.map((sum, i) => ((counts[i] as number) > 0 ? sum / (counts[i] as number) : null));
}

/** Total of the results (rain depths, mm) with phenomenonTime in (nowMs − windowMs, nowMs]. */
export function depthOverWindowMm(
  observations: readonly NumericObservation[],
  nowMs: number,
  windowMs: number,
): number {
  return observations
    .filter((o) => o.phenomenonTimeMs > nowMs - windowMs && o.phenomenonTimeMs <= nowMs)
    .reduce((sum, o) => sum + o.result, 0);
}

/** Alarm levels, m, by name (`{I: 1.4, II: 1.5, III: 1.6}`), from a Datastream's `properties.alarmLevelsMetres`. */
export function readAlarmLevelsMetres(properties: unknown, source: string): Record<string, number> {
  const levels = (properties as { alarmLevelsMetres?: unknown } | undefined)?.alarmLevelsMetres;
  if (
    typeof levels !== 'object' ||
    levels === null ||
    Object.values(levels).some((m) => typeof m !== 'number')
  ) {
    throw new InputError(
      [{ path: 'properties.alarmLevelsMetres', message: 'an object of levels in metres' }],
      source,
    );
  }
  return levels as Record<string, number>;
}

/** The highest alarm level that `levelMetres` reaches (≥), or undefined below all of them. */
export function alarmReached(
  levelMetres: number,
  alarmLevelsMetres: Record<string, number>,
): string | undefined {
  let reached: string | undefined;
  for (const [name, metres] of Object.entries(alarmLevelsMetres)) {
    if (levelMetres >= metres && (reached === undefined || metres > (alarmLevelsMetres[reached] as number)))
      reached = name;
  }
  return reached;
}

/** The tide model a Datastream carries in `properties.tideModel`. */
export function readTideModel(properties: unknown, source: string): TideModel {
  const model = (properties as { tideModel?: Partial<TideModel> } | undefined)?.tideModel;
  const ok =
    model !== undefined &&
    typeof model.meanLevelMetres === 'number' &&
    Array.isArray(model.constituents) &&
    model.constituents.every(
      (c) =>
        typeof c.speedDegPerHour === 'number' &&
        typeof c.amplitudeMetres === 'number' &&
        typeof c.phaseDegrees === 'number',
    );
  if (!ok)
    throw new InputError(
      [{ path: 'properties.tideModel', message: 'a tide model {meanLevelMetres, constituents}' }],
      source,
    );
  return model as TideModel;
}

/** The first predicted high tide after `nowMs` (searched over the next 26 h), or undefined. */
export function nextHighTide(
  model: TideModel,
  nowMs: number,
): { atMs: number; levelMetres: number } | undefined {
  const fromSeconds = nowMs / 1000;
  const peak = tideExtremes(model, fromSeconds, fromSeconds + 26 * 3600).find(
    (e) => e.kind === 'peak' && e.epochSeconds > fromSeconds,
  );
  return peak === undefined ? undefined : { atMs: peak.epochSeconds * 1000, levelMetres: peak.levelMetres };
}

/** One alert of the operations view. */
export type OperationsAlert =
  | { kind: 'aqi'; place: string; atMs: number; index: number }
  | { kind: 'river'; place: string; atMs: number; levelMetres: number; alarm: string }
  | { kind: 'rain'; place: string; atMs: number; depthMm: number };

/** The alerts, newest first: each input that crosses its threshold gives one. */
export function operationsAlerts(input: {
  aqi: ReadonlyArray<{ place: string; atMs: number; index: number | undefined }>;
  river: ReadonlyArray<{
    place: string;
    atMs: number;
    levelMetres: number;
    alarmLevelsMetres: Record<string, number>;
  }>;
  rain: ReadonlyArray<{ place: string; atMs: number; depthLast3hMm: number }>;
}): OperationsAlert[] {
  const alerts: OperationsAlert[] = [];
  for (const { place, atMs, index } of input.aqi) {
    if (index !== undefined && index >= AQI_ALERT_INDEX) alerts.push({ kind: 'aqi', place, atMs, index });
  }
  for (const { place, atMs, levelMetres, alarmLevelsMetres } of input.river) {
    const alarm = alarmReached(levelMetres, alarmLevelsMetres);
    if (alarm !== undefined) alerts.push({ kind: 'river', place, atMs, levelMetres, alarm });
  }
  for (const { place, atMs, depthLast3hMm } of input.rain) {
    if (depthLast3hMm >= RAIN_ALERT_MM) alerts.push({ kind: 'rain', place, atMs, depthMm: depthLast3hMm });
  }
  return alerts.sort((a, b) => b.atMs - a.atMs);
}
