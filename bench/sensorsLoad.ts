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
import { SensorThingsClient } from '../src/sensors/sensorThingsClient.ts';

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

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status} ${await response.text()}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'twin-sensors-load-'));
const service = await startSensorService(dataDir);
const root = `${service.http}/v1.1`;
const clients: MqttClient[] = [];
try {
  const setupStarted = performance.now();
  for (let first = 0; first < datastreamCount; first += THING_SIZE) {
    const size = Math.min(THING_SIZE, datastreamCount - first);
    await postJson(`${root}/Things`, {
      name: `load gateway ${first / THING_SIZE + 1}`,
      properties: { source: 'synthetic' },
      Datastreams: Array.from({ length: size }, (_, i) => ({
        name: `load sensor ${first + i + 1}`,
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
        observationType: OM_MEASUREMENT,
        Sensor: { name: 'load sensor', encodingType: 'text/plain', metadata: 'bench' },
        ObservedProperty: { name: 'level', definition: 'https://example.org/level' },
      })),
    });
  }
  const sta = new SensorThingsClient(root, (url) => fetch(url));
  const ids = (await sta.collection('Datastreams', { select: 'id' })).map((d) => d['@iot.id']);
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
  const publishers = await Promise.all(
    Array.from({ length: publisherCount }, () => connectAsync(url, { clean: true })),
  );
  clients.push(...publishers);

  const rss: number[] = [rssMiB(service.child.pid)];
  const rssTimer = setInterval(() => rss.push(rssMiB(service.child.pid)), 1000);
  const total = ids.length * seconds;
  const epochStart = Date.now();
  const started = performance.now();
  let published = 0;
  let acked = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * ids.length) / 1000));
      for (; published < due; published++) {
        const second = Math.floor(published / ids.length);
        const index = published % ids.length;
        const id = ids[index] as number;
        const topic = `v1.1/Datastreams(${id})/Observations`;
        const payload = JSON.stringify({
          phenomenonTime: new Date(epochStart + second * 1000).toISOString(),
          result: second,
        });
        sentAt.set(`${topic}#${second}`, performance.now());
        (publishers[index % publishers.length] as MqttClient).publish(topic, payload, { qos: 1 }, (error) => {
          if (!error) acked++;
        });
      }
      if (published >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const publishSeconds = (performance.now() - started) / 1000;
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
      publishSeconds: round(publishSeconds),
      published,
      acknowledged: acked,
      stored: health.observations,
      rejected: health.rejected,
      received: latenciesMs.length,
      lost: published - latenciesMs.length,
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
