import { seededRandom } from '../../core/random.ts';
import { alternatingBlockHyetograph } from '../../sim/hydrology/designStorm.ts';
import { measurementDatastream, pointLocation, type ReplayFeed } from './replayFeed.ts';

/** Synthetic rain gauges in Thủ Đức (no gauge record is in ../shared/data). */
export const SYNTHETIC_RAIN_GAUGES = [
  { key: 'rain-linh-trung', name: 'Linh Trung', lon: 106.7781, lat: 10.8702 },
  { key: 'rain-thao-dien', name: 'Thảo Điền', lon: 106.7355, lat: 10.8046 },
  { key: 'rain-long-truong', name: 'Long Trường', lon: 106.8203, lat: 10.8065 },
] as const;

const DAY_SECONDS = 86400;
const LOCAL_OFFSET_SECONDS = 7 * 3600;
const BLOCK_SECONDS = 600;

type Storm = { startSeconds: number; blockDepthsMm: number[] } | undefined;

/** The last day asked for and its storm: the replay asks for the same day many times in a row. */
let lastStorm: { day: number; storm: Storm } | undefined;

function stormOfDay(day: number): Storm {
  if (lastStorm?.day !== day) lastStorm = { day, storm: drawStorm(day) };
  return lastStorm.storm;
}

/** 10-minute depths (mm, gauge factor 1) of an alternating-block design storm of the HCMC IDF curve. */
function blockDepthsMm(returnPeriodYears: number, durationMinutes: number): number[] {
  const hyetograph = alternatingBlockHyetograph(returnPeriodYears, durationMinutes, 10);
  const depths: number[] = [];
  for (let i = 0; i + 1 < hyetograph.length; i += 2) depths.push(hyetograph[i]![1] / 6); // mm/h over 10 min
  return depths;
}

/** The storm of a local day, if any: start (s after local midnight) and 10-minute depths (mm) at a gauge factor of 1. */
function drawStorm(day: number): Storm {
  const random = seededRandom(day * 7919 + 17);
  const month = new Date(day * DAY_SECONDS * 1000).getUTCMonth(); // 0 = January
  const wetSeason = month >= 4 && month <= 10;
  if (random.next() >= (wetSeason ? 0.35 : 0.05)) return undefined;
  const startSeconds = Math.round(13 + random.next() * 5) * 3600;
  const durationMinutes = 60 + 10 * random.int(13); // 1–3 h
  const returnPeriodYears = 0.1 + 5 * random.next() ** 3;
  return { startSeconds, blockDepthsMm: blockDepthsMm(returnPeriodYears, durationMinutes) };
}

/**
 * The storm `npm start` puts into the replay (`twin sensors serve --storm-now`) so that a new
 * user sees the nowcast at once: a 5-year, 2-hour design storm (99.7 mm at a gauge factor of 1,
 * ≥ 59.8 mm at the smallest factor 0.6: over the 50 mm in 3 h trigger at every gauge).
 */
export const REPLAY_STORM = { returnPeriodYears: 5, durationMinutes: 120 } as const;

let replayStormDepthsMm: number[] | undefined;

/**
 * Rain depth (mm) in the 10 minutes starting at `epochSeconds` at gauge `gaugeIndex`: afternoon
 * convective storms on about a third of wet-season days (May–November), few in the dry season,
 * each an alternating-block hyetograph of the HCMC IDF curve (return period 0.1–5 years, 1–3 h),
 * scaled by a per-gauge, per-day factor 0.6–1.2. Deterministic in time: the same at every run.
 * With `stormStartSeconds` (Unix s), the {@link REPLAY_STORM} falls from then instead, scaled alike.
 */
export function syntheticRainMm(
  gaugeIndex: number,
  epochSeconds: number,
  stormStartSeconds?: number,
): number {
  const local = epochSeconds + LOCAL_OFFSET_SECONDS;
  const day = Math.floor(local / DAY_SECONDS);
  let depth: number | undefined;
  if (stormStartSeconds !== undefined && epochSeconds >= stormStartSeconds) {
    replayStormDepthsMm ??= blockDepthsMm(REPLAY_STORM.returnPeriodYears, REPLAY_STORM.durationMinutes);
    depth = replayStormDepthsMm[Math.floor((epochSeconds - stormStartSeconds) / BLOCK_SECONDS)];
  }
  if (depth === undefined) {
    const storm = stormOfDay(day);
    if (storm === undefined) return 0;
    depth = storm.blockDepthsMm[Math.floor((local - day * DAY_SECONDS - storm.startSeconds) / BLOCK_SECONDS)];
    if (depth === undefined) return 0;
  }
  const factor = seededRandom(day * 7919 + 101 * (gaugeIndex + 1)).range(0.6, 1.2);
  return Math.round(depth * factor * 10) / 10;
}

/**
 * The replay feeds of the synthetic rain gauges (10-minute depths, mm); with `stormStartSeconds`
 * (Unix s) the {@link REPLAY_STORM} falls from then (see syntheticRainMm).
 */
export function rainGaugeFeeds(stormStartSeconds?: number): ReplayFeed[] {
  return SYNTHETIC_RAIN_GAUGES.map((gauge, index) => ({
    key: gauge.key,
    thing: {
      name: `Rain gauge ${gauge.name}`,
      description: `synthetic rain gauge at ${gauge.name}: storms drawn from the HCMC IDF curve (no observed record)`,
      properties: { source: 'synthetic', replayKey: gauge.key, nameVi: `Trạm đo mưa ${gauge.name}` },
      Locations: [pointLocation(gauge.name, gauge.lon, gauge.lat)],
      Datastreams: [
        measurementDatastream({
          key: 'rain',
          name: `${gauge.name} rain`,
          description: 'rain depth in the 10 minutes starting at phenomenonTime, mm',
          unit: { name: 'millimetre', symbol: 'mm', definition: 'http://unitsofmeasure.org/ucum.html#mm' },
          observedProperty: {
            name: 'rainfall',
            definition: 'http://vocab.nerc.ac.uk/collection/P07/current/CFSN0474/',
          },
          sensor: {
            name: 'synthetic tipping bucket',
            description: 'synthetic rain (twin, src/sensors/replay/syntheticRain.ts)',
          },
          plausibleRange: { min: 0, max: 100 },
        }),
      ],
    },
    streams: [
      {
        key: 'rain',
        stepSeconds: BLOCK_SECONDS,
        valueAt: (t) => syntheticRainMm(index, t, stormStartSeconds),
      },
    ],
  }));
}
