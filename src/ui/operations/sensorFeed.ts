/**
 * One live feed of a SensorThings service for the views (the operations view, the workbench's
 * sensors layer): the followed Datastreams with their last 24 h over HTTP, then live over MQTT
 * on WebSocket (`ws://HOST:PORT/mqtt` beside the HTTP root, held by a worker: workerMqtt.ts), the gap filled from the HTTP history
 * after each reconnection.
 */
import { LiveObservations } from '../../sensors/liveObservations.ts';
import { SensorThingsClient } from '../../sensors/sensorThingsClient.ts';
import { connectMqttInWorker } from '../sensors/workerMqtt.ts';
import { type FollowedStream, loadOperationsStreams } from './operationsData.ts';

const DAY_MS = 24 * 3_600_000;

/** What the feed tells its view. */
export interface SensorFeedCallbacks {
  /** The Datastreams were read (with their history) and the live connection is starting. */
  loaded(streams: FollowedStream[], live: LiveObservations): void;
  /** A connection state or a value changed. */
  changed(): void;
  /** The service could not be read (`detail`: the error's message). */
  failed(detail: string): void;
}

/** Starts following the service at `staRoot`; returns a function that stops it. */
export function openSensorFeed(staRoot: string, callbacks: SensorFeedCallbacks): () => void {
  let feed: LiveObservations | undefined;
  let cancelled = false;
  const fail = (e: unknown) => !cancelled && callbacks.failed(e instanceof Error ? e.message : String(e));
  let client: SensorThingsClient;
  try {
    client = new SensorThingsClient(staRoot, (url) => fetch(url));
    new URL(staRoot);
  } catch (e) {
    fail(e);
    return () => {};
  }
  loadOperationsStreams(client, Date.now()).then((loaded) => {
    if (cancelled) return;
    const wsUrl = `${new URL(staRoot).origin.replace(/^http/, 'ws')}/mqtt`;
    feed = new LiveObservations({
      url: wsUrl,
      connect: connectMqttInWorker,
      datastreams: loaded.map((s) => ({ id: s.id, expectedIntervalMs: s.expectedIntervalMs })),
      onChange: () => !cancelled && callbacks.changed(),
      onReconnect: () => {
        // Fill what was missed while offline from the HTTP history (ids already held are skipped).
        for (const stream of loaded) {
          const since = feed?.observations(stream.id).at(-1)?.phenomenonTimeMs ?? Date.now() - DAY_MS;
          client
            .observations(stream.id, new Date(since).toISOString())
            .then((missed) => feed?.addHistory(stream.id, missed), fail);
        }
      },
    });
    for (const stream of loaded) feed.addHistory(stream.id, stream.history);
    feed.start();
    callbacks.loaded(loaded, feed);
  }, fail);
  return () => {
    cancelled = true;
    feed?.stop();
  };
}
