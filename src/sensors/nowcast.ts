import { InputError } from '../core/errors.ts';
import { type TideModel, tideLevelAt } from '../sim/hydrology/tideHarmonics.ts';
import { alarmReached, depthOverWindowMm, RAIN_ALERT_MM, RAIN_ALERT_WINDOW_MS } from './operationsStatus.ts';
import type { NumericObservation } from './sensorThingsClient.ts';

/**
 * The flood nowcast's inputs from live observations (issue 14, item 6), pure: when a nowcast
 * runs (the trigger and its 30-min schedule) and the storm event it runs, built from the river
 * level and the rain gauges observed up to a data time. The run itself is the scenario
 * pipeline's flood and traffic stages (`twin nowcast`, src/cli/commands/nowcast.ts).
 */

const HOUR_MS = 3_600_000;

/** Data time between two nowcasts while the trigger holds, ms (30 min). */
export const NOWCAST_INTERVAL_MS = 30 * 60_000;
/** How far a nowcast looks ahead, h. */
export const NOWCAST_HORIZON_HOURS = 6;
/** Spacing of the event's river-level and rain series, s (the replay's 10-min step). */
export const NOWCAST_STEP_SECONDS = 600;
/** Window over which a gauge's recent rain rate is measured, ms (the last hour). */
export const RAIN_RATE_WINDOW_MS = HOUR_MS;
/**
 * e-folding time of the rain rate after `--at`, h. An assumption, not a fit: HCMC's afternoon
 * convective storms last 1–3 h (the replay's gauges and the 3-h design storm of TCVN 7957:2008),
 * so a rate held for 6 h (342 mm at 57 mm/h) would be a storm far beyond the 100-year one; with
 * 1 h the horizon receives ≈ the last hour's depth again (r·τ·(1 − e^−6)).
 */
export const RAIN_DECAY_HOURS = 1;

/** What a nowcast reads: the river level Datastream and the rain gauges (depth per interval, mm). */
export interface NowcastObservations {
  river: {
    /** Water level, m above the Hòn Dấu datum, oldest first. */
    observations: readonly NumericObservation[];
    /** Alarm levels by name, m (Phú An: I 1.40, II 1.50, III 1.60). */
    alarmLevelsMetres: Record<string, number>;
    /** The harmonic tide model stored on the Datastream (`properties.tideModel`). */
    tideModel: TideModel;
  };
  /** Rain depth per reporting interval, mm, oldest first, per gauge. */
  rainGauges: ReadonlyArray<{ name: string; observations: readonly NumericObservation[] }>;
}

/** Whether a nowcast is called for at a data time, and why. */
export interface NowcastTrigger {
  holds: boolean;
  /** Latest river level at or before the time, m (undefined without one). */
  riverLevelMetres: number | undefined;
  /** Highest alarm level that level reaches (`I`, `II`, `III`), or undefined. */
  riverAlarm: string | undefined;
  /** Largest rain depth over the last 3 h among the gauges, mm. */
  rainLast3hMm: number;
  /** The gauge with that depth (undefined without gauges). */
  rainGauge: string | undefined;
  /** Which thresholds hold: river ≥ alarm I, rain ≥ 50 mm in 3 h. */
  reasons: Array<'river' | 'rain'>;
}

/** The latest observation at or before `atMs`, or undefined. */
export function latestAtOrBefore(
  observations: readonly NumericObservation[],
  atMs: number,
): NumericObservation | undefined {
  let latest: NumericObservation | undefined;
  for (const o of observations)
    if (o.phenomenonTimeMs <= atMs && (latest === undefined || o.phenomenonTimeMs >= latest.phenomenonTimeMs))
      latest = o;
  return latest;
}

/**
 * The trigger rule at data time `atMs`: the latest river level reaches alarm I (the lowest
 * alarm level, ≥) or some gauge has ≥ 50 mm in the 3 h ending at `atMs` (the operations view's
 * alert thresholds, operationsStatus.ts).
 */
export function nowcastTrigger(inputs: NowcastObservations, atMs: number): NowcastTrigger {
  const level = latestAtOrBefore(inputs.river.observations, atMs)?.result;
  const riverAlarm = level === undefined ? undefined : alarmReached(level, inputs.river.alarmLevelsMetres);
  let rainLast3hMm = 0;
  let rainGauge: string | undefined;
  for (const gauge of inputs.rainGauges) {
    const depth = depthOverWindowMm(gauge.observations, atMs, RAIN_ALERT_WINDOW_MS);
    if (rainGauge === undefined || depth > rainLast3hMm) {
      rainLast3hMm = depth;
      rainGauge = gauge.name;
    }
  }
  const reasons: Array<'river' | 'rain'> = [];
  if (riverAlarm !== undefined) reasons.push('river');
  if (rainLast3hMm >= RAIN_ALERT_MM) reasons.push('rain');
  return { holds: reasons.length > 0, riverLevelMetres: level, riverAlarm, rainLast3hMm, rainGauge, reasons };
}

/**
 * The data times at which nowcasts run, from the trigger evaluated at increasing `samples`
 * times: one at the first sample where the trigger holds after one where it did not (or at the
 * first sample), then one at the first sample at or after each further 30 min
 * ({@link NOWCAST_INTERVAL_MS}) on that grid while it holds; the schedule restarts at the next
 * crossing after it stops holding.
 */
export function nowcastRunTimes(
  samples: ReadonlyArray<{ atMs: number; holds: boolean }>,
  intervalMs: number = NOWCAST_INTERVAL_MS,
): number[] {
  const runs: number[] = [];
  let dueMs: number | undefined;
  for (const { atMs, holds } of samples) {
    if (!holds) {
      dueMs = undefined;
      continue;
    }
    if (dueMs === undefined) {
      runs.push(atMs);
      dueMs = atMs + intervalMs;
    } else if (atMs >= dueMs) {
      runs.push(atMs);
      while (dueMs <= atMs) dueMs += intervalMs;
    }
  }
  return runs;
}

/** The storm event of a nowcast, on its own clock: t = 0 s is the nowcast's data time `--at`. */
export interface NowcastEvent {
  /** The latest phenomenon time of the observations used (≤ the nowcast time), ms. */
  dataTimeMs: number;
  /** Latest observed river level, m, and its time, ms. */
  observedLevelMetres: number;
  observedLevelTimeMs: number;
  /** Observed minus predicted tide at that time, m: held over the horizon (surge persistence). */
  tideOffsetMetres: number;
  /** Areal rain rate at `--at` (mean over the gauges reporting in the last hour), mm/h. */
  rainRateMmPerHour: number;
  /** Gauges that reported in the last hour (those averaged). */
  rainGaugesReporting: number;
  /** Spacing of the series, s. */
  stepSeconds: number;
  /** River level at t = k·stepSeconds, k = 0 … horizon/step, m (to the mm). */
  riverLevelMetres: number[];
  /** Rain intensity at the same times, mm/h (to 0.01 mm/h), decaying from the observed rate. */
  rainMillimetresPerHour: number[];
}

/**
 * Builds the nowcast's event from the observations up to `atMs`:
 * - **River level**: the tide model's prediction offset by the latest residual,
 *   h(t) = tide(at + t) + (h_obs − tide(t_obs)), so it equals the observed level at the
 *   observation's time and keeps the non-tidal part (surge, river discharge) constant for
 *   the horizon: the simplest correction of a harmonic prediction by a gauge (persistence of
 *   the residual; a decaying residual would need a fitted decay time we do not have).
 * - **Rain**: each gauge's depth over the last hour as a rate, mm/h, averaged over the gauges
 *   that reported in that hour (0 when none did), decaying exponentially with
 *   {@link RAIN_DECAY_HOURS}: r(t) = r0·exp(−t/τ) (no rain-cell motion or growth is modelled).
 * Throws an InputError when no river level is observed at or before `atMs`.
 */
export function nowcastEvent(
  inputs: NowcastObservations,
  atMs: number,
  horizonHours: number = NOWCAST_HORIZON_HOURS,
  stepSeconds: number = NOWCAST_STEP_SECONDS,
): NowcastEvent {
  const observed = latestAtOrBefore(inputs.river.observations, atMs);
  if (observed === undefined)
    throw new InputError(`no river level observed at or before ${new Date(atMs).toISOString()}`);
  const model = inputs.river.tideModel;
  const offset = observed.result - tideLevelAt(model, observed.phenomenonTimeMs / 1000);
  let dataTimeMs = observed.phenomenonTimeMs;
  let sum = 0;
  let reporting = 0;
  for (const gauge of inputs.rainGauges) {
    const recent = gauge.observations.filter(
      (o) => o.phenomenonTimeMs > atMs - RAIN_RATE_WINDOW_MS && o.phenomenonTimeMs <= atMs,
    );
    if (recent.length === 0) continue;
    reporting++;
    sum += depthOverWindowMm(recent, atMs, RAIN_RATE_WINDOW_MS) / (RAIN_RATE_WINDOW_MS / HOUR_MS);
    for (const o of recent) dataTimeMs = Math.max(dataTimeMs, o.phenomenonTimeMs);
  }
  const rate = reporting > 0 ? Math.round((sum / reporting) * 100) / 100 : 0;
  const steps = Math.round((horizonHours * 3600) / stepSeconds);
  const riverLevelMetres: number[] = [];
  for (let k = 0; k <= steps; k++) {
    const level = tideLevelAt(model, atMs / 1000 + k * stepSeconds) + offset;
    riverLevelMetres.push(Math.round(level * 1000) / 1000);
  }
  return {
    dataTimeMs,
    observedLevelMetres: observed.result,
    observedLevelTimeMs: observed.phenomenonTimeMs,
    tideOffsetMetres: offset,
    rainRateMmPerHour: rate,
    rainGaugesReporting: reporting,
    stepSeconds,
    riverLevelMetres,
    rainMillimetresPerHour: riverLevelMetres.map(
      (_, k) => Math.round(rate * Math.exp(-(k * stepSeconds) / (RAIN_DECAY_HOURS * 3600)) * 100) / 100,
    ),
  };
}

/** A Datastream as the nowcast needs it: id, name, unit symbol and its `properties`. */
export interface NowcastDatastream {
  id: number;
  name: string;
  unitSymbol: string | undefined;
  properties: unknown;
}

/**
 * Picks the nowcast's Datastreams: the river level is the one whose `properties` carry
 * `alarmLevelsMetres` and `tideModel` (the first by id if several); rain gauges are those in
 * millimetres (`unitOfMeasurement.symbol` `mm`). InputError naming `source` without a river level.
 */
export function nowcastDatastreams(
  datastreams: readonly NowcastDatastream[],
  source: string,
): { river: NowcastDatastream; rain: NowcastDatastream[] } {
  const sorted = [...datastreams].sort((a, b) => a.id - b.id);
  const river = sorted.find((d) => {
    const p = d.properties as { alarmLevelsMetres?: unknown; tideModel?: unknown } | undefined;
    return p?.alarmLevelsMetres !== undefined && p.tideModel !== undefined;
  });
  if (river === undefined)
    throw new InputError(
      'no river level Datastream (properties.alarmLevelsMetres and properties.tideModel) in the store',
      source,
    );
  return { river, rain: sorted.filter((d) => d.unitSymbol === 'mm') };
}

/** Data looked back over for a nowcast's observations and its trigger's schedule, ms (24 h). */
export const NOWCAST_LOOK_BACK_MS = 24 * HOUR_MS;

/** The trigger at a data time with the episode it belongs to (times as ISO strings, UTC). */
export interface NowcastTriggerReport {
  holds: boolean;
  reasons: Array<'river' | 'rain'>;
  /** Latest river level at or before the time, m (null without one). */
  riverLevelMetres: number | null;
  /** Highest alarm level reached (`I`, `II`, `III`), or null. */
  riverAlarm: string | null;
  alarmLevelsMetres: Record<string, number>;
  /** Largest rain depth over the last 3 h among the gauges, mm (to 0.01 mm). */
  rainLast3hMm: number;
  rainGauge: string | null;
  /** When the current episode (the trigger holding without a break) began, or null. */
  since: string | null;
  /** The episode's latest scheduled run time ({@link nowcastRunTimes}), or null. */
  latestScheduledRun: string | null;
}

/**
 * The trigger at `atMs` with its episode: the trigger evaluated at every observation time of
 * the 24 h up to `atMs` ({@link NOWCAST_LOOK_BACK_MS}) and at `atMs`, when the current episode
 * began and its latest scheduled run. What `twin nowcast` reports and what the operations view
 * runs at.
 */
export function nowcastTriggerReport(observations: NowcastObservations, atMs: number): NowcastTriggerReport {
  const times = new Set<number>([atMs]);
  for (const o of observations.river.observations) times.add(o.phenomenonTimeMs);
  for (const g of observations.rainGauges) for (const o of g.observations) times.add(o.phenomenonTimeMs);
  const samples = [...times]
    .filter((t) => t <= atMs && t > atMs - NOWCAST_LOOK_BACK_MS)
    .sort((a, b) => a - b)
    .map((t) => ({ atMs: t, holds: nowcastTrigger(observations, t).holds }));
  let episodeStart: number | undefined;
  for (const s of samples) {
    if (!s.holds) episodeStart = undefined;
    else episodeStart ??= s.atMs;
  }
  const runs = nowcastRunTimes(samples).filter((t) => episodeStart !== undefined && t >= episodeStart);
  const now = nowcastTrigger(observations, atMs);
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    holds: now.holds,
    reasons: now.reasons,
    riverLevelMetres: now.riverLevelMetres ?? null,
    riverAlarm: now.riverAlarm ?? null,
    alarmLevelsMetres: observations.river.alarmLevelsMetres,
    rainLast3hMm: Math.round(now.rainLast3hMm * 100) / 100,
    rainGauge: now.rainGauge ?? null,
    since: iso(episodeStart),
    latestScheduledRun: iso(runs.at(-1)),
  };
}
