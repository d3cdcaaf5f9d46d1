/**
 * Load benchmark of the live-data service (issue 14, item 7); prints one JSON line, asserts
 * nothing. Run: npx tsx bench/sensorsLoad.ts [--datastreams 1000] [--seconds 60] [--publishers 10]
 *
 * Starts `twin sensors serve --no-replay` on free ports with a temporary --data, creates N
 * Datastreams by deep insert (Things of 100 Datastreams), then publishes one Observation a second
 * per Datastream over MQTT (QoS 1, spread evenly over each second, from `--publishers` TCP
 * connections like field gateways) for S seconds. A subscriber on `v1.1/+/Observations` (QoS 1)
 * counts what it receives (the stored entities the service forwards): lost = published − received
 * (target 0), latency = receive − publish call, p50/p99 (target p99 ≤ 200 ms). The service's
 * resident memory (VmRSS of /proc, Linux) is sampled every second.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectAsync, type MqttClient } from 'mqtt';
import { startSensorService, stopSensorService } from '../src/cli/sensors/sensorServiceProcess.ts';
import { OM_MEASUREMENT } from '../src/sensors/observationMessage.ts';
import { createThings, publishEverySecond, quantile } from './sensorsSynthetic.ts';

const { values } = parseArgs({
  options: {
    datastreams: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '60' },
    publishers: { type: 'string', default: '10' },
  },
});
const datastreamCount = Number(values.datastreams);
const seconds = Number(values.seconds);
const publisherCount = Number(values.publishers);
const THING_SIZE = 100;

/** Resident set size of a process, MiB (Linux /proc), or NaN elsewhere. */
function rssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'twin-sensors-load-'));
const service = await startSensorService(dataDir);
const root = `${service.http}/v1.1`;
const clients: MqttClient[] = [];
try {
  const setupStarted = performance.now();
  const ids = await createThings(root, Math.ceil(datastreamCount / THING_SIZE), (thing) => {
    const first = thing * THING_SIZE;
    return {
      name: `load gateway ${thing + 1}`,
      properties: { source: 'synthetic' },
      Datastreams: Array.from({ length: Math.min(THING_SIZE, datastreamCount - first) }, (_, i) => ({
        name: `load sensor ${first + i + 1}`,
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
        observationType: OM_MEASUREMENT,
        Sensor: { name: 'load sensor', encodingType: 'text/plain', metadata: 'bench' },
        ObservedProperty: { name: 'level', definition: 'https://example.org/level' },
      })),
    };
  });
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const url = `mqtt://127.0.0.1:${service.mqttPort}`;
  const subscriber = await connectAsync(url, { clean: true });
  clients.push(subscriber);
  const sentAt = new Map<string, number>();
  const latenciesMs: number[] = [];
  let duplicates = 0;
  let unknown = 0;
  subscriber.on('message', (topic, payload) => {
    const now = performance.now();
    const entity = JSON.parse(payload.toString()) as { result?: number };
    const key = `${topic}#${entity.result}`;
    const sent = sentAt.get(key);
    if (sent === undefined) unknown++;
    else if (sent < 0) duplicates++;
    else {
      latenciesMs.push(now - sent);
      sentAt.set(key, -1);
    }
  });
  await subscriber.subscribeAsync('v1.1/+/Observations', { qos: 1 });

  const rss: number[] = [rssMiB(service.child.pid)];
  const rssTimer = setInterval(() => rss.push(rssMiB(service.child.pid)), 1000);
  const total = ids.length * seconds;
  const run = await publishEverySecond({
    mqttUrl: url,
    ids,
    seconds,
    publishers: publisherCount,
    result: (second) => second,
    sent: (topic, second, atMs) => sentAt.set(`${topic}#${second}`, atMs),
  });
  // drain: wait until everything arrived or 15 s passed
  const drainUntil = performance.now() + 15_000;
  while (latenciesMs.length < total && performance.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 100));
  clearInterval(rssTimer);
  rss.push(rssMiB(service.child.pid));
  const health = (await (await fetch(`${service.http}/health`)).json()) as {
    observations: number;
    rejected: Record<string, number>;
  };
  latenciesMs.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      datastreams: ids.length,
      seconds,
      publishers: publisherCount,
      setupSeconds: round(setupSeconds),
      publishSeconds: round(run.seconds),
      published: run.published,
      acknowledged: run.acknowledged,
      stored: health.observations,
      rejected: health.rejected,
      received: latenciesMs.length,
      lost: run.published - latenciesMs.length,
      duplicates,
      unknown,
      latencyMs: {
        p50: round(quantile(latenciesMs, 0.5)),
        p99: round(quantile(latenciesMs, 0.99)),
        max: round(latenciesMs.at(-1) ?? Number.NaN),
      },
      serviceRssMiB: {
        start: round(rss[0] as number),
        max: round(Math.max(...rss)),
        end: round(rss.at(-1) as number),
      },
    }),
  );
} finally {
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  await stopSensorService(service);
  rmSync(dataDir, { recursive: true, force: true });
}
