import { type TimeSeries, valueAt } from '../../../core/timeSeries.ts';
import { alternatingBlockHyetograph } from '../../hydrology/designStorm.ts';
import { kingTideLevels } from '../../hydrology/tide.ts';

/** A flood event for the city: rain on the whole grid and the tide held on the rivers. */
export interface CityFloodEvent {
  /** Simulated duration, s. */
  durationSeconds: number;
  /** Rain intensity, mm/h, piecewise linear in seconds (empty = no rain). */
  rainMillimetresPerHour: TimeSeries;
  /** River water level, m above MSL, piecewise linear in seconds. */
  tideLevelMetres: TimeSeries;
}

/**
 * A storm and tide event in the planners' terms (a scenario's stormEvent edit has this shape):
 * its duration, rain as a design storm by return period or as a series, and the river level.
 */
export interface CityStorm {
  durationHours: number;
  rain?:
    | { kind: 'design'; returnPeriodYears: number; durationHours: number }
    | { kind: 'series'; intensityMmPerHour: TimeSeries };
  tide?: { levelMetres: TimeSeries };
}

/** A design event: an IDF design storm on a synthetic spring / king tide. */
export interface DesignEventSpec {
  /** Return period of the design storm, years (0 = no rain). */
  returnPeriodYears: number;
  /** Duration of the design storm, hours. */
  rainDurationHours: number;
  /** Highest river level of the tide, m above MSL. */
  tidePeakMetres: number;
  /** Simulated duration, hours. */
  durationHours: number;
}

/**
 * The event used without a storm (a scenario without a stormEvent): a 10-year, 3-hour design storm centred on the
 * high water of a 1.4 m spring tide, simulated for 12 hours.
 */
export const DEFAULT_EVENT: DesignEventSpec = {
  returnPeriodYears: 10,
  rainDurationHours: 3,
  tidePeakMetres: 1.4,
  durationHours: 12,
};

/** Time (s) of the highest point of a series. */
function peakTime(series: TimeSeries): number {
  let best = series[0] ?? [0, 0];
  for (const point of series) if (point[1] > best[1]) best = point;
  return best[0];
}

/**
 * Shifts a rain series starting at t = 0 later by `seconds`, zero before it (series are held
 * constant outside their points, so the leading zero must be explicit; 1 ms ramp as in the
 * hyetograph).
 */
function delayed(series: TimeSeries, seconds: number): TimeSeries {
  if (seconds <= 0) return series;
  const later = series.map(([t, v], i) => [t + seconds + (i === 0 ? 0.001 : 0), v] as [number, number]);
  return [[0, 0], [seconds, 0], ...later];
}

/**
 * The tide of a design event: the `durationHours` window centred on the high water of a 24-hour
 * (or longer) king-tide series of `tide.ts` (`kingTideLevels` scales its window's range to 3.5 m,
 * so it is taken over a full day and cut, not generated for a short window).
 */
export function kingTideWindow(peakMetres: number, durationHours: number): TimeSeries {
  const dayHours = Math.max(24, durationHours);
  const full = kingTideLevels(peakMetres, dayHours);
  const seconds = durationHours * 3600;
  const start = Math.max(0, Math.min(peakTime(full) - seconds / 2, dayHours * 3600 - seconds));
  const inside = full.filter(([t]) => t > start && t < start + seconds);
  return [
    [0, valueAt(full, start)],
    ...inside.map(([t, v]) => [t - start, v] as [number, number]),
    [seconds, valueAt(full, start + seconds)],
  ];
}

/**
 * Builds a design event: a king tide of peak `tidePeakMetres` (kingTideWindow) and the
 * alternating-block hyetograph of the HCMC IDF curve (TCVN 7957:2008, `designStorm.ts`), shifted
 * so the storm's centre falls on the tide's high water (the usual worst case in HCMC).
 */
export function designEvent(spec: DesignEventSpec): CityFloodEvent {
  const tide = kingTideWindow(spec.tidePeakMetres, spec.durationHours);
  return {
    durationSeconds: spec.durationHours * 3600,
    tideLevelMetres: tide,
    rainMillimetresPerHour: spec.returnPeriodYears > 0 ? centredRain(spec, tide) : [],
  };
}

function centredRain(spec: DesignEventSpec, tide: TimeSeries): TimeSeries {
  const rainSeconds = spec.rainDurationHours * 3600;
  const start = Math.max(
    0,
    Math.min(peakTime(tide) - rainSeconds / 2, spec.durationHours * 3600 - rainSeconds),
  );
  return delayed(alternatingBlockHyetograph(spec.returnPeriodYears, spec.rainDurationHours * 60), start);
}

/**
 * The event of a storm (design or series rain, tide series) or, without one,
 * {@link DEFAULT_EVENT}. A storm without a tide gets the default 1.4 m spring tide; one without
 * rain has none. Design rain is centred on the tide's high water.
 */
export function cityStormEvent(storm: CityStorm | undefined): CityFloodEvent {
  if (!storm) return designEvent(DEFAULT_EVENT);
  const tide = storm.tide?.levelMetres ?? kingTideWindow(DEFAULT_EVENT.tidePeakMetres, storm.durationHours);
  let rain: TimeSeries = [];
  if (storm.rain?.kind === 'series') rain = storm.rain.intensityMmPerHour;
  else if (storm.rain?.kind === 'design')
    rain = centredRain(
      {
        returnPeriodYears: storm.rain.returnPeriodYears,
        rainDurationHours: storm.rain.durationHours,
        tidePeakMetres: DEFAULT_EVENT.tidePeakMetres,
        durationHours: storm.durationHours,
      },
      tide,
    );
  return { durationSeconds: storm.durationHours * 3600, tideLevelMetres: tide, rainMillimetresPerHour: rain };
}
