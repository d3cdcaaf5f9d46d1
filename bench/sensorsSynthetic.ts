/**
 * Synthetic sensors for the live-data benchmarks (bench/sensorsLoad.ts, bench/sensorsBrowserLoad.ts):
 * Things with Datastreams created by deep insert, and one Observation a second per Datastream
 * published over MQTT (QoS 1, spread evenly over each second, from several TCP connections like
 * field gateways).
 */
import { connectAsync, type MqttClient } from 'mqtt';
import { SensorThingsClient } from '../src/sensors/sensorThingsClient.ts';

/** The `q` quantile (0–1) of ascending `sorted`, NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** POSTs `body` as JSON; throws unless the answer is 2xx. */
export async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status} ${await response.text()}`);
}

/**
 * Creates `count` Things by deep insert at the SensorThings `root` (`…/v1.1`), `concurrency` POSTs
 * at a time, each Thing built by `thingAt(index)`; returns the ids of every Datastream, ascending.
 */
export async function createThings(
  root: string,
  count: number,
  thingAt: (index: number) => unknown,
  concurrency = 8,
): Promise<number[]> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await postJson(`${root}/Things`, thingAt(index));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const sta = new SensorThingsClient(root, (url) => fetch(url));
  return (await sta.collection('Datastreams', { select: 'id' })).map((d) => d['@iot.id'] as number);
}

/** One publishing run: what was sent and acknowledged. */
export interface PublishRun {
  published: number;
  acknowledged: number;
  /** Wall time of the run, s. */
  seconds: number;
}

/**
 * Publishes one Observation a second to each of `ids` for `seconds` s over `publishers` MQTT
 * connections to `mqttUrl` (QoS 1, spread evenly over each second). The Observation of second
 * `second` (0-based) for the `index`-th Datastream has `result(second, index)` and a phenomenon
 * time `second` s after the start; `sent(topic, second, atMs)` is told of each publish call.
 */
export async function publishEverySecond(options: {
  mqttUrl: string;
  ids: readonly number[];
  seconds: number;
  publishers: number;
  result(second: number, index: number): number;
  sent?(topic: string, second: number, atMs: number): void;
}): Promise<PublishRun> {
  const { ids, seconds } = options;
  const clients: MqttClient[] = await Promise.all(
    Array.from({ length: options.publishers }, () => connectAsync(options.mqttUrl, { clean: true })),
  );
  const total = ids.length * seconds;
  const epochStart = Date.now();
  const started = performance.now();
  let published = 0;
  let acknowledged = 0;
  let wallSeconds = 0;
  try {
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - started) * ids.length) / 1000));
        for (; published < due; published++) {
          const second = Math.floor(published / ids.length);
          const index = published % ids.length;
          const topic = `v1.1/Datastreams(${ids[index]})/Observations`;
          const payload = JSON.stringify({
            phenomenonTime: new Date(epochStart + second * 1000).toISOString(),
            result: options.result(second, index),
          });
          options.sent?.(topic, second, performance.now());
          (clients[index % clients.length] as MqttClient).publish(topic, payload, { qos: 1 }, (error) => {
            if (!error) acknowledged++;
          });
        }
        if (published >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 5);
    });
    wallSeconds = (performance.now() - started) / 1000;
  } finally {
    // end() waits for the acknowledgements still in flight
    await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  }
  return { published, acknowledged, seconds: wallSeconds };
}
