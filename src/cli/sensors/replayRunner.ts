import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoredEntity } from '../../sensors/entityModel.ts';
import { isoTimeMillis } from '../../sensors/filterExpression.ts';
import {
  type HealthyAirStation,
  healthyAirFeeds,
  parseHealthyAirCsv,
} from '../../sensors/replay/healthyAir.ts';
import {
  REPLAY_ACCELERATED_SECONDS,
  REPLAY_HISTORY_SECONDS,
  replayDataTime,
  sampleTimes,
} from '../../sensors/replay/replayClock.ts';
import type { ReplayFeed, ReplayStream } from '../../sensors/replay/replayFeed.ts';
import { riverLevelFeed } from '../../sensors/replay/riverLevel.ts';
import { rainGaugeFeeds, REPLAY_STORM } from '../../sensors/replay/syntheticRain.ts';
import type { SensorThingsService } from '../../sensors/sensorThingsService.ts';
import { fitTideToExtremes } from '../../sim/hydrology/tideHarmonics.ts';
import { parseTideExtremesCsv } from '../../sim/hydrology/tideObserved.ts';

/** The shared sensor data, beside the repository (../shared/data/sensors). */
export const SHARED_SENSOR_DATA_DIR = resolve(import.meta.dirname, '../../../../shared/data/sensors');

const TICK_MILLISECONDS = 1000;
const CHUNK = 5000;

interface PlayedStream {
  datastreamId: number;
  stream: ReplayStream;
  /** Data time of the last sample stored, Unix s. */
  lastSeconds: number;
}

/**
 * Start (Unix s, on a 10-minute step) of `--storm-now`'s storm for a replay started at data time
 * `startSeconds`: 15 minutes into the window played in accelerated time, so at ×60 it rains from
 * the first quarter minute and the 50 mm in 3 h trigger is crossed within about two minutes. Data
 * times already stored by an earlier run are not played again, so the storm shows on a first start
 * or one more than the window after the last.
 */
export function replayStormStart(startSeconds: number): number {
  return Math.ceil((startSeconds - REPLAY_ACCELERATED_SECONDS + 900) / 600) * 600;
}

/**
 * Reads the shared data and builds the feeds (HealthyAir replay, Phú An tide model, synthetic
 * rain, with the replay storm from `stormStartSeconds` when given).
 */
function readFeeds(dir: string, log: (message: string) => void, stormStartSeconds?: number): ReplayFeed[] {
  const stations = (
    JSON.parse(readFileSync(join(dir, 'stations.json'), 'utf8')) as { stations: HealthyAirStation[] }
  ).stations;
  const records = parseHealthyAirCsv(readFileSync(join(dir, 'healthyair-hcmc-hourly.csv'), 'utf8'));
  const tideFile = join(dir, 'phuan-tide-observed.csv');
  const fit = fitTideToExtremes(parseTideExtremesCsv(readFileSync(tideFile, 'utf8')));
  log(
    `replay: Phú An tide model, ${fit.model.constituents.length} constituents fitted to ${fit.count} observed highs and lows: ` +
      `error RMS ${fit.rmsErrorMetres.toFixed(3)} m, max ${fit.maxErrorMetres.toFixed(3)} m`,
  );
  return [
    ...healthyAirFeeds(stations, records),
    riverLevelFeed(fit, 'data/sensors/phuan-tide-observed.csv'),
    ...rainGaugeFeeds(stormStartSeconds),
  ];
}

function replayKeyOf(entity: StoredEntity): unknown {
  return (entity.props.properties as Record<string, unknown> | undefined)?.replayKey;
}

/** The feed's Thing (created on first start, found by its replay key afterwards) and its played streams. */
function thingStreams(service: SensorThingsService, feed: ReplayFeed): PlayedStream[] {
  const store = service.store;
  const thing =
    store.all('Things').find((t) => replayKeyOf(t) === feed.key) ??
    service.createEntity('Things', feed.thing);
  const datastreams = store.navigate(thing, 'Datastreams');
  return feed.streams.flatMap((stream) => {
    const datastream = datastreams.find((d) => replayKeyOf(d) === stream.key);
    if (datastream === undefined) return [];
    let lastMs = Number.NEGATIVE_INFINITY;
    for (const o of store.navigate(datastream, 'Observations'))
      lastMs = Math.max(lastMs, isoTimeMillis(o.props.phenomenonTime) ?? lastMs);
    return [{ datastreamId: datastream.id, stream, lastSeconds: lastMs / 1000 }];
  });
}

/** Stores every sample of the streams up to `untilSeconds`; returns how many were stored. */
function playUntil(
  service: SensorThingsService,
  streams: PlayedStream[],
  untilSeconds: number,
  push: boolean,
): number {
  let items: Array<{ datastreamId: number; body: Record<string, unknown> }> = [];
  let stored = 0;
  for (const played of streams) {
    for (const t of sampleTimes(played.stream.stepSeconds, played.lastSeconds, untilSeconds)) {
      const result = played.stream.valueAt(t);
      if (result !== undefined)
        items.push({
          datastreamId: played.datastreamId,
          body: { phenomenonTime: new Date(t * 1000).toISOString(), result },
        });
      if (items.length >= CHUNK) {
        stored += service.createObservations(items, push);
        items = [];
      }
    }
    played.lastSeconds = Math.max(played.lastSeconds, untilSeconds);
  }
  return stored + service.createObservations(items, push);
}

/**
 * Starts the replay of ../shared/data/sensors (see src/sensors/replay/replayClock.ts for the
 * clock). Its "now" is the wall clock shifted by `clockOffsetSeconds` (`--clock`: replay a past
 * day, e.g. a storm, as if it were now). With `stormNow` the synthetic rain gauges get the
 * REPLAY_STORM 15 minutes into the accelerated window ({@link replayStormStart}), so it is played
 * in the first minutes. Without the shared data it logs a warning and plays nothing.
 */
export async function startReplay(
  service: SensorThingsService,
  speed: number,
  log: (message: string) => void,
  dir = SHARED_SENSOR_DATA_DIR,
  clockOffsetSeconds = 0,
  stormNow = false,
): Promise<{ stop(): void }> {
  if (!existsSync(join(dir, 'healthyair-hcmc-hourly.csv'))) {
    log(`replay: warning: no shared sensor data in ${dir}; replay off (only posted data is served)`);
    return { stop() {} };
  }
  const nowSeconds = () => Date.now() / 1000 + clockOffsetSeconds;
  const startWallSeconds = nowSeconds();
  const stormStartSeconds = stormNow ? replayStormStart(startWallSeconds) : undefined;
  if (stormStartSeconds !== undefined)
    log(
      `replay: a ${REPLAY_STORM.returnPeriodYears}-year, ${REPLAY_STORM.durationMinutes}-minute synthetic storm from ${new Date(stormStartSeconds * 1000).toISOString()} (--storm-now)`,
    );
  const streams = readFeeds(dir, log, stormStartSeconds).flatMap((feed) => thingStreams(service, feed));
  for (const played of streams)
    played.lastSeconds = Math.max(played.lastSeconds, startWallSeconds - REPLAY_HISTORY_SECONDS);
  const backfilled = playUntil(service, streams, startWallSeconds - REPLAY_ACCELERATED_SECONDS, false);
  log(
    `replay: ${streams.length} Datastreams, ${backfilled} Observations filled in; playing the last ` +
      `${REPLAY_ACCELERATED_SECONDS / 3600} h at ×${speed}, then live`,
  );
  const timer = setInterval(() => {
    playUntil(service, streams, replayDataTime(nowSeconds(), startWallSeconds, speed), true);
  }, TICK_MILLISECONDS);
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
