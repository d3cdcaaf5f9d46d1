import { InputError, type InputProblem } from '../core/errors.ts';

/**
 * The Vietnamese air quality index VN_AQI, as Decision 1459/QĐ-TCMT (12 November 2019) of the
 * Vietnam Environment Administration (Tổng cục Môi trường) specifies it:
 * "Hướng dẫn kỹ thuật tính toán và công bố chỉ số chất lượng không khí Việt Nam (VN_AQI)".
 *
 * - Table 1 (Bảng 1): six classes of the index, their names and RGB colours.
 * - Table 2 (Bảng 2): the index levels I = 0, 50, 100, 150, 200, 300, 400, 500 and the
 *   concentration breakpoints BP per pollutant, all in µg/m³ (CO too).
 * - Formula 1: linear interpolation between the two breakpoints around the concentration.
 * - §2.2.1 hourly index: O3, NO2, SO2, CO from the current hour's 1-h mean; PM2.5 and PM10 from
 *   the NowCast of the last 12 hourly means (Formula 2), which needs 2 of the 3 latest hours.
 * - §2.2.2 daily index: PM2.5, PM10 from the 24-h mean; NO2, SO2, CO from the day's largest 1-h
 *   mean; O3 the larger of the index of the largest 1-h mean and of the largest 8-h mean, the
 *   8-h part dropped when that mean is over 400 µg/m³ (Table 2 has no 8-h breakpoint above it).
 * - §2.1: the overall index is the largest sub-index and needs PM2.5 or PM10.
 *
 * Sources checked (December 2026): the decision's text at thuvienphapluat.vn
 * (document "Quyết định 1459/QĐ-TCMT 2019"), its announcement with Table 1 at cem.gov.vn
 * ("Tổng cục Môi trường ban hành Hướng dẫn kỹ thuật tính toán và công bố chỉ số chất lượng không
 * khí Việt Nam"), and several independent implementations that agree on every breakpoint below.
 *
 * Choices of the twin where the decision says nothing: sub-indices are rounded half up to an
 * integer (the decision publishes integers); a concentration at or above the top breakpoint gives
 * 500; a mean over hours (24-h, 8-h) or a daily maximum is reported only when at least 75 % of its
 * hours are valid (18 of 24, 6 of 8); the NowCast is normalised by its weights also when w = ½
 * (the decision writes Σ (½)^i·c_i, which with 12 valid hours is the same times 1 − 2⁻¹²).
 */

/** The six pollutants of VN_AQI. */
export type AqiPollutant = 'PM2.5' | 'PM10' | 'O3' | 'NO2' | 'SO2' | 'CO';

/** The pollutants in the order the result lists them (particles first). */
export const AQI_POLLUTANTS: readonly AqiPollutant[] = ['PM2.5', 'PM10', 'O3', 'NO2', 'SO2', 'CO'];

/** Table 2: the index value I_i at each breakpoint level i = 1…8. */
export const AQI_LEVELS: readonly number[] = [0, 50, 100, 150, 200, 300, 400, 500];

/** A breakpoint table of Table 2: concentrations BP_i in µg/m³, one per entry of {@link AQI_LEVELS}. */
export type BreakpointsUgM3 = readonly number[];

/** Table 2 of Decision 1459/QĐ-TCMT: concentration breakpoints, µg/m³ (CO in µg/m³, not mg/m³). */
export const VN_AQI_BREAKPOINTS_UG_M3 = {
  /** O3, 1-h mean. */
  o3OneHour: [0, 160, 200, 300, 400, 800, 1000, 1200],
  /** O3, 8-h mean: defined up to level 6 (I = 300, 400 µg/m³) only. */
  o3EightHour: [0, 100, 120, 170, 210, 400],
  /** CO, 1-h mean. */
  co: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
  /** SO2, 1-h mean. */
  so2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  /** NO2, 1-h mean. */
  no2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  /** PM10: NowCast (hourly index) or 24-h mean (daily index). */
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  /** PM2.5: NowCast (hourly index) or 24-h mean (daily index). */
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
} as const satisfies Record<string, BreakpointsUgM3>;

/** Breakpoints of each pollutant for the hourly index (PM by NowCast, gases by 1-h mean), µg/m³. */
export const ONE_HOUR_TABLE: Record<AqiPollutant, BreakpointsUgM3> = {
  'PM2.5': VN_AQI_BREAKPOINTS_UG_M3.pm25,
  PM10: VN_AQI_BREAKPOINTS_UG_M3.pm10,
  O3: VN_AQI_BREAKPOINTS_UG_M3.o3OneHour,
  NO2: VN_AQI_BREAKPOINTS_UG_M3.no2,
  SO2: VN_AQI_BREAKPOINTS_UG_M3.so2,
  CO: VN_AQI_BREAKPOINTS_UG_M3.co,
};

/** Hours the NowCast weighs (§2.2.1). */
export const NOWCAST_HOURS = 12;

/** Share of valid hours a mean or a daily maximum needs to be reported (the twin's rule). */
export const MIN_VALID_HOUR_SHARE = 0.75;

/** One class of Table 1, with its bilingual label and colour. */
export interface AqiClass {
  /** 1 (good) … 6 (hazardous). */
  rank: 1 | 2 | 3 | 4 | 5 | 6;
  /** Lowest and highest index of the class, inclusive. */
  minIndex: number;
  maxIndex: number;
  /** The decision's name of the air quality (Vietnamese) and its English equivalent. */
  label: { vi: string; en: string };
  /** The decision's colour name. */
  colourName: { vi: string; en: string };
  /** The decision's colour, `#rrggbb`. */
  colourHex: string;
}

/** Table 1 of Decision 1459/QĐ-TCMT: the six classes, RGB as published. */
export const VN_AQI_CLASSES: readonly AqiClass[] = [
  aqiClassRow(1, 0, 50, ['Tốt', 'Good'], ['Xanh', 'green'], [0, 228, 0]),
  aqiClassRow(2, 51, 100, ['Trung bình', 'Moderate'], ['Vàng', 'yellow'], [255, 255, 0]),
  aqiClassRow(3, 101, 150, ['Kém', 'Unhealthy for sensitive groups'], ['Da cam', 'orange'], [255, 126, 0]),
  aqiClassRow(4, 151, 200, ['Xấu', 'Unhealthy'], ['Đỏ', 'red'], [255, 0, 0]),
  aqiClassRow(5, 201, 300, ['Rất xấu', 'Very unhealthy'], ['Tím', 'purple'], [143, 63, 151]),
  aqiClassRow(6, 301, 500, ['Nguy hại', 'Hazardous'], ['Nâu', 'maroon'], [126, 0, 35]),
];

function aqiClassRow(
  rank: AqiClass['rank'],
  minIndex: number,
  maxIndex: number,
  [vi, en]: [string, string],
  [colourVi, colourEn]: [string, string],
  rgb: [number, number, number],
): AqiClass {
  const colourHex = `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return {
    rank,
    minIndex,
    maxIndex,
    label: { vi, en },
    colourName: { vi: colourVi, en: colourEn },
    colourHex,
  };
}

/** The class of an (integer) index; above 500 is hazardous. */
export function vnAqiClass(index: number): AqiClass {
  if (!Number.isFinite(index) || index < 0) throw new InputError(`an AQI is a number ≥ 0, got ${index}`);
  return VN_AQI_CLASSES.find((c) => index <= c.maxIndex) ?? (VN_AQI_CLASSES[5] as AqiClass);
}

/**
 * Formula 1: the (unrounded) sub-index of a concentration in µg/m³ by linear interpolation in a
 * breakpoint table, `I_i + (I_{i+1} − I_i)/(BP_{i+1} − BP_i) · (C − BP_i)`; 500 at or above
 * the top breakpoint of a full table; undefined above the top of a short table (O3 8-h).
 */
export function subIndexUnrounded(
  breakpointsUgM3: BreakpointsUgM3,
  concentrationUgM3: number,
): number | undefined {
  const top = breakpointsUgM3.length - 1;
  for (let i = 0; i < top; i++) {
    const low = breakpointsUgM3[i] as number;
    const high = breakpointsUgM3[i + 1] as number;
    if (concentrationUgM3 <= high) {
      const indexLow = AQI_LEVELS[i] as number;
      const indexHigh = AQI_LEVELS[i + 1] as number;
      return indexLow + ((indexHigh - indexLow) / (high - low)) * (concentrationUgM3 - low);
    }
  }
  return top === AQI_LEVELS.length - 1 ? (AQI_LEVELS[top] as number) : undefined;
}

/** The published (integer) sub-index: {@link subIndexUnrounded} rounded half up. */
export function subIndex(breakpointsUgM3: BreakpointsUgM3, concentrationUgM3: number): number | undefined {
  const unrounded = subIndexUnrounded(breakpointsUgM3, concentrationUgM3);
  return unrounded === undefined ? undefined : roundHalfUp(unrounded);
}

function roundHalfUp(value: number): number {
  // 1e-9 absorbs binary noise such as 62.4999999999 for an exact 62.5.
  return Math.floor(value + 0.5 + 1e-9);
}

/** Hourly means, µg/m³, newest first (`[c1, c2, …]`, c1 the current hour); `null` = no valid mean that hour. */
export type HourlyMeansUgM3 = readonly (number | null)[];

/**
 * Formula 2, the NowCast of PM2.5 or PM10 from the last 12 hourly means (newest first):
 * w* = c_min/c_max over the valid hours, w = max(w*, ½), NowCast = Σ w^(i−1)·c_i / Σ w^(i−1)
 * over the valid hours. Undefined when fewer than 2 of c1, c2, c3 are valid.
 */
export function nowcastUgM3(hourlyMeansUgM3: HourlyMeansUgM3): number | undefined {
  const lastHours = hourlyMeansUgM3.slice(0, NOWCAST_HOURS);
  const latestValid = lastHours.slice(0, 3).filter((c) => c !== null).length;
  if (latestValid < 2) return undefined;
  const valid = lastHours.filter((c): c is number => c !== null);
  const cMax = Math.max(...valid);
  if (cMax === 0) return 0;
  const weight = Math.max(Math.min(...valid) / cMax, 0.5);
  let weighted = 0;
  let weights = 0;
  lastHours.forEach((c, i) => {
    if (c === null) return;
    weighted += weight ** i * c;
    weights += weight ** i;
  });
  return weighted / weights;
}

/** VN_AQI, hourly or daily: the overall index, its class and the sub-index of each pollutant that had one. */
export interface VnAqi {
  /** The largest sub-index; undefined when neither PM2.5 nor PM10 has one (§2.1). */
  index: number | undefined;
  aqiClass: AqiClass | undefined;
  /** The pollutant giving the index (the first in {@link AQI_POLLUTANTS} on a tie). */
  dominant: AqiPollutant | undefined;
  subIndices: Partial<Record<AqiPollutant, number>>;
  /** The concentration each sub-index came from, µg/m³ (NowCast, 1-h, 24-h mean, daily maximum). */
  concentrationsUgM3: Partial<Record<AqiPollutant, number>>;
}

/** Hourly means per pollutant; a pollutant not measured is absent. */
export type PollutantHours = Partial<Record<AqiPollutant, HourlyMeansUgM3>>;

/**
 * The hourly VN_AQI (§2.2.1) at the hour of c1. `hours[p]` are the hourly means of p, newest
 * first: at least the current hour, and the last 12 for PM2.5 and PM10 (NowCast).
 */
export function hourlyVnAqi(hours: PollutantHours): VnAqi {
  checkHours(hours);
  const concentrations: Partial<Record<AqiPollutant, number>> = {};
  const subIndices: Partial<Record<AqiPollutant, number>> = {};
  for (const pollutant of AQI_POLLUTANTS) {
    const series = hours[pollutant];
    if (series === undefined) continue;
    const particles = pollutant === 'PM2.5' || pollutant === 'PM10';
    const concentration = particles ? nowcastUgM3(series) : (series[0] ?? undefined);
    if (concentration === undefined) continue;
    concentrations[pollutant] = concentration;
    subIndices[pollutant] = subIndex(ONE_HOUR_TABLE[pollutant], concentration) as number;
  }
  return overall(subIndices, concentrations);
}

/**
 * The daily VN_AQI (§2.2.2) of one day. `hours[p]` are the day's 24 hourly means of p in time
 * order (either direction; `null` = no valid mean that hour). PM: 24-h mean; NO2, SO2, CO: the
 * largest 1-h mean; O3: the larger index of the largest 1-h and the largest 8-h mean. Each needs
 * 75 % valid hours (18 of the day's 24; 6 of an 8-h window).
 */
export function dailyVnAqi(hours: PollutantHours): VnAqi {
  checkHours(hours);
  const concentrations: Partial<Record<AqiPollutant, number>> = {};
  const subIndices: Partial<Record<AqiPollutant, number>> = {};
  for (const pollutant of AQI_POLLUTANTS) {
    const series = hours[pollutant];
    if (series === undefined || validHours(series).length < MIN_VALID_HOUR_SHARE * 24) continue;
    const valid = validHours(series);
    if (pollutant === 'PM2.5' || pollutant === 'PM10') {
      const meanUgM3 = valid.reduce((sum, c) => sum + c, 0) / valid.length;
      concentrations[pollutant] = meanUgM3;
      subIndices[pollutant] = subIndex(ONE_HOUR_TABLE[pollutant], meanUgM3) as number;
    } else if (pollutant === 'O3') {
      const oneHourMax = Math.max(...valid);
      const eightHourMax = largestMeanUgM3(series, 8);
      const eightHourIndex =
        eightHourMax === undefined ? undefined : subIndex(VN_AQI_BREAKPOINTS_UG_M3.o3EightHour, eightHourMax);
      const oneHourIndex = subIndex(VN_AQI_BREAKPOINTS_UG_M3.o3OneHour, oneHourMax) as number;
      const eightHourWins = eightHourIndex !== undefined && eightHourIndex > oneHourIndex;
      concentrations.O3 = eightHourWins ? (eightHourMax as number) : oneHourMax;
      subIndices.O3 = eightHourWins ? eightHourIndex : oneHourIndex;
    } else {
      const maxUgM3 = Math.max(...valid);
      concentrations[pollutant] = maxUgM3;
      subIndices[pollutant] = subIndex(ONE_HOUR_TABLE[pollutant], maxUgM3) as number;
    }
  }
  return overall(subIndices, concentrations);
}

function validHours(series: HourlyMeansUgM3): number[] {
  return series.filter((c): c is number => c !== null);
}

/** The largest mean over `windowHours` consecutive hours with at least 75 % of them valid. */
function largestMeanUgM3(series: HourlyMeansUgM3, windowHours: number): number | undefined {
  let largest: number | undefined;
  for (let start = 0; start + windowHours <= series.length; start++) {
    const valid = validHours(series.slice(start, start + windowHours));
    if (valid.length < MIN_VALID_HOUR_SHARE * windowHours) continue;
    const mean = valid.reduce((sum, c) => sum + c, 0) / valid.length;
    if (largest === undefined || mean > largest) largest = mean;
  }
  return largest;
}

function overall(
  subIndices: Partial<Record<AqiPollutant, number>>,
  concentrationsUgM3: Partial<Record<AqiPollutant, number>>,
): VnAqi {
  const hasParticles = subIndices['PM2.5'] !== undefined || subIndices.PM10 !== undefined;
  let dominant: AqiPollutant | undefined;
  for (const pollutant of AQI_POLLUTANTS) {
    const value = subIndices[pollutant];
    if (value !== undefined && (dominant === undefined || value > (subIndices[dominant] as number)))
      dominant = pollutant;
  }
  if (!hasParticles || dominant === undefined) {
    return { index: undefined, aqiClass: undefined, dominant: undefined, subIndices, concentrationsUgM3 };
  }
  const index = subIndices[dominant] as number;
  return { index, aqiClass: vnAqiClass(index), dominant, subIndices, concentrationsUgM3 };
}

/** Concentrations must be finite and ≥ 0 (or `null` for a missing hour). */
function checkHours(hours: PollutantHours): void {
  const problems: InputProblem[] = [];
  for (const [pollutant, series] of Object.entries(hours)) {
    if (!AQI_POLLUTANTS.includes(pollutant as AqiPollutant)) {
      problems.push({ path: pollutant, message: `not a VN_AQI pollutant (${AQI_POLLUTANTS.join(', ')})` });
      continue;
    }
    series?.forEach((c, i) => {
      if (c !== null && !(Number.isFinite(c) && c >= 0)) {
        problems.push({
          path: `${pollutant}[${i}]`,
          message: `a concentration is a number ≥ 0 µg/m³ or null, got ${c}`,
        });
      }
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}
