import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE } from '../sensors/jsonLinesLog.ts';
import {
  freePort,
  killStartedServices,
  type SensorServiceProcess,
  startSensorService,
  stopSensorService,
  waitFor,
} from '../sensors/sensorServiceProcess.ts';

const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';
/** Starting the service (tsx compiles the CLI) takes seconds, more on a busy 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

afterAll(killStartedServices);

async function getJson(url: string): Promise<any> {
  const response = await fetch(url);
  return response.json();
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A Thing with one Location and one PM2.5 Datastream (plausible 0..2000 µg/m³), by deep insert. */
function stationThing(name: string, observations: unknown[] = []) {
  return {
    name,
    description: 'test station',
    properties: { source: 'observed' },
    Locations: [
      {
        name: `${name} site`,
        description: '',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: [106.796, 10.8699] },
      },
    ],
    Datastreams: [
      {
        name: `${name} PM2.5`,
        description: 'hourly PM2.5',
        unitOfMeasurement: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'ucum:ug/m3' },
        observationType: OM_MEASUREMENT,
        properties: { plausibleRange: { min: 0, max: 2000 } },
        Sensor: { name: 'PM sensor', description: '', encodingType: 'text/plain', metadata: 'optical' },
        ObservedProperty: { name: 'PM2.5', description: '', definition: 'https://example.org/pm25' },
        Observations: observations,
      },
    ],
  };
}

/** Collects the messages a client receives on `topic`. */
async function subscriber(client: MqttClient, topic: string): Promise<any[]> {
  const received: any[] = [];
  client.on('message', (t, payload) => {
    if (t !== topic) return;
    try {
      received.push(JSON.parse(payload.toString()));
    } catch {
      received.push(payload.toString()); // a raw message another client published
    }
  });
  await client.subscribeAsync(topic, { qos: 1 });
  return received;
}

describe('twin sensors serve (embedded broker)', () => {
  let dataDir: string;
  let service: SensorServiceProcess;
  const hourlyCount = 1205;
  // 1205 hourly observations from 2026-01-01T00:00+07:00, result = hour index
  const hourly = Array.from({ length: hourlyCount }, (_, i) => ({
    phenomenonTime: new Date(Date.UTC(2025, 11, 31, 17 + i)).toISOString(),
    result: i,
  }));
  let datastream: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'twin-sensors-'));
    service = await startSensorService(dataDir);
    const response = await postJson(`${service.http}/v1.1/Things`, stationThing('A', hourly));
    expect(response.status).toBe(201);
    const thing = await getJson(response.headers.get('location')!);
    const streams = await getJson(`${thing['@iot.selfLink']}/Datastreams`);
    datastream = streams.value[0]['@iot.id'];
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    if (service) await stopSensorService(service);
    rmSync(dataDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT_MS);

  it('deep insert creates the Thing, its Location, Datastream, Sensor and ObservedProperty, linked', async () => {
    const root = await getJson(`${service.http}/v1.1/`);
    expect(root.value.map((s: { name: string }) => s.name)).toContain('FeaturesOfInterest');
    const things = await getJson(
      `${service.http}/v1.1/Things?$expand=Locations,Datastreams($expand=Sensor,ObservedProperty)`,
    );
    expect(things.value).toHaveLength(1);
    const [thing] = things.value;
    expect(thing.Locations[0].location.coordinates).toEqual([106.796, 10.8699]);
    expect(thing.Datastreams[0].Sensor.name).toBe('PM sensor');
    expect(thing.Datastreams[0].ObservedProperty.name).toBe('PM2.5');
    const byNavigation = await getJson(`${service.http}/v1.1/Datastreams(${datastream})/Thing`);
    expect(byNavigation['@iot.id']).toBe(thing['@iot.id']);
    const name = await fetch(`${service.http}/v1.1/Things(${thing['@iot.id']})/name/$value`);
    expect(await name.text()).toBe('A');
  });

  it('pages at 1000 with @iot.nextLink and counts with $count', async () => {
    const first = await getJson(`${service.http}/v1.1/Datastreams(${datastream})/Observations?$count=true`);
    expect(first['@iot.count']).toBe(hourlyCount);
    expect(first.value).toHaveLength(1000);
    const second = await getJson(first['@iot.nextLink']);
    expect(second.value).toHaveLength(hourlyCount - 1000);
    expect(second['@iot.nextLink']).toBeUndefined();
    const ids = new Set([...first.value, ...second.value].map((o: { '@iot.id': number }) => o['@iot.id']));
    expect(ids.size).toBe(hourlyCount);
    const small = await getJson(`${service.http}/v1.1/Observations?$top=2&$skip=3&$orderby=result desc`);
    expect(small.value.map((o: { result: number }) => o.result)).toEqual([hourlyCount - 4, hourlyCount - 5]);
    expect(small['@iot.nextLink']).toContain('$skip=5');
  });

  it('filters on times as instants whatever the offset, with and/or/not and parentheses', async () => {
    // hour 10 is 2026-01-01T10:00+07:00 = 03:00Z; hours 10..12 inclusive
    const q = encodeURIComponent(
      'phenomenonTime ge 2026-01-01T10:00:00+07:00 and phenomenonTime le 2026-01-01T05:00:00Z',
    );
    const window = await getJson(
      `${service.http}/v1.1/Observations?$filter=${q}&$orderby=phenomenonTime asc`,
    );
    expect(window.value.map((o: { result: number }) => o.result)).toEqual([10, 11, 12]);
    const q2 = encodeURIComponent('(result lt 2 or result gt 1202) and not (result eq 1204)');
    const either = await getJson(`${service.http}/v1.1/Observations?$filter=${q2}`);
    expect(either.value.map((o: { result: number }) => o.result)).toEqual([0, 1, 1203]);
    const bad = await fetch(`${service.http}/v1.1/Observations?$filter=${encodeURIComponent('result gt')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('$filter');
    const missing = await fetch(`${service.http}/v1.1/Things(999)`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toContain('Things(999)');
  });

  it('nested $expand with its own $top and $orderby gives the latest Observation per Datastream', async () => {
    const expand = encodeURIComponent(
      'Datastreams($expand=Observations($top=1;$orderby=phenomenonTime desc))',
    );
    const things = await getJson(`${service.http}/v1.1/Things?$expand=${expand}&$select=name`);
    const latest = things.value[0].Datastreams[0].Observations;
    expect(latest).toHaveLength(1);
    expect(latest[0].result).toBe(hourlyCount - 1);
    expect(things.value[0]['@iot.selfLink']).toBeUndefined(); // $select=name
  });

  it('MQTT over TCP and WebSocket: a publish is stored, then pushed to subscribers as the entity with @iot.id', async () => {
    const topic = `v1.1/Datastreams(${datastream})/Observations`;
    const tcp = await connectAsync(`mqtt://127.0.0.1:${service.mqttPort}`);
    const ws = await connectAsync(`ws://127.0.0.1:${service.httpPort}/mqtt`);
    try {
      const onTcp = await subscriber(tcp, topic);
      const onWs = await subscriber(ws, topic);
      await tcp.publishAsync(
        topic,
        JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00+07:00', result: 23.5 }),
        { qos: 1 },
      );
      await ws.publishAsync(
        topic,
        JSON.stringify({ phenomenonTime: '2026-12-01T09:00:00+07:00', result: 24.5 }),
        { qos: 1 },
      );
      const http = await postJson(`${service.http}/v1.1/Datastreams(${datastream})/Observations`, {
        phenomenonTime: '2026-12-01T10:00:00+07:00',
        result: 25.5,
      });
      expect(http.status).toBe(201);
      await waitFor(
        async () => (onTcp.length >= 3 && onWs.length >= 3 ? true : undefined),
        'pushed observations',
        5000,
      );
      for (const received of [onTcp, onWs]) {
        // three publishers (TCP, WebSocket, HTTP): each entity once; their order is not promised
        expect(received.map((o) => o.result).sort()).toEqual([23.5, 24.5, 25.5]);
        for (const o of received) {
          const stored = await getJson(o['@iot.selfLink']);
          expect(stored['@iot.id']).toBe(o['@iot.id']);
          expect(stored.result).toBe(o.result);
        }
      }
      const health = await getJson(`${service.http}/health`);
      expect(health.mqttClients).toBe(2);
      expect(health.observations).toBe(hourlyCount + 3);
    } finally {
      await tcp.endAsync();
      await ws.endAsync();
    }
  });

  it('rejects every kind of bad message: never stored, never pushed, counted by reason at /health', async () => {
    const topic = `v1.1/Datastreams(${datastream})/Observations`;
    const before = await getJson(`${service.http}/health`);
    const client = await connectAsync(`mqtt://127.0.0.1:${service.mqttPort}`);
    try {
      const received = await subscriber(client, topic);
      const bad: Array<[string, string]> = [
        [topic, 'not json at all'],
        [topic, '[1, 2]'],
        [topic, JSON.stringify({ result: 1 })],
        [topic, JSON.stringify({ phenomenonTime: 'yesterday', result: 1 })],
        [topic, JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00Z', resultTime: 'soon', result: 1 })],
        [topic, JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00Z', result: 'high' })],
        [topic, JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00Z', result: 2000.5 })],
        [topic, JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00Z', result: -1 })],
        [
          'v1.1/Datastreams(9999)/Observations',
          JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00Z', result: 1 }),
        ],
        [
          topic,
          JSON.stringify({
            phenomenonTime: '2026-12-01T08:00:00Z',
            result: 1,
            parameters: { pad: 'x'.repeat(70_000) },
          }),
        ],
      ];
      for (const [t, payload] of bad) await client.publishAsync(t, payload, { qos: 1 });
      // a good message after the bad ones on the same connection still goes through
      await client.publishAsync(
        topic,
        JSON.stringify({ phenomenonTime: '2026-12-01T11:00:00+07:00', result: 1 }),
        { qos: 1 },
      );
      await waitFor(async () => (received.length >= 1 ? true : undefined), 'the good message', 5000);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((o) => o.result)).toEqual([1]);
      const health = await getJson(`${service.http}/health`);
      const delta = (reason: string) => (health.rejected[reason] ?? 0) - (before.rejected[reason] ?? 0);
      expect({
        notJson: delta('notJson'),
        notAnObject: delta('notAnObject'),
        invalidPhenomenonTime: delta('invalidPhenomenonTime'),
        invalidResultTime: delta('invalidResultTime'),
        wrongResultType: delta('wrongResultType'),
        outOfRange: delta('outOfRange'),
        unknownDatastream: delta('unknownDatastream'),
        tooLarge: delta('tooLarge'),
      }).toEqual({
        notJson: 1,
        notAnObject: 1,
        invalidPhenomenonTime: 2,
        invalidResultTime: 1,
        wrongResultType: 1,
        outOfRange: 2,
        unknownDatastream: 1,
        tooLarge: 1,
      });
      expect(health.observations).toBe(before.observations + 1);
      // the same checks on HTTP: 400 with a JSON message, counted
      const response = await postJson(`${service.http}/v1.1/Datastreams(${datastream})/Observations`, {
        phenomenonTime: '2026-12-01T08:00:00Z',
        result: 'high',
      });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toContain('result');
      expect((await getJson(`${service.http}/health`)).rejected.wrongResultType).toBe(
        (before.rejected.wrongResultType ?? 0) + 2,
      );
    } finally {
      await client.endAsync();
    }
  });

  it('an Observation acknowledged over MQTT (QoS 1) survives kill -9, and a torn last line is tolerated', async () => {
    const topic = `v1.1/Datastreams(${datastream})/Observations`;
    const client = await connectAsync(`mqtt://127.0.0.1:${service.mqttPort}`);
    await client.publishAsync(
      topic,
      JSON.stringify({ phenomenonTime: '2026-12-01T12:34:56+07:00', result: 1777.5 }),
      {
        qos: 1,
      },
    ); // resolves on PUBACK
    const count = (await getJson(`${service.http}/health`)).observations;
    client.end(true);
    await stopSensorService(service, 'SIGKILL');
    appendFileSync(join(dataDir, LOG_FILE), '{"set":"Observations","id":99999,"pro'); // a write cut by the crash
    service = await startSensorService(dataDir, [], [service.httpPort, service.mqttPort]);
    const found = await getJson(
      `${service.http}/v1.1/Observations?$filter=${encodeURIComponent('result eq 1777.5')}`,
    );
    expect(found.value).toHaveLength(1);
    expect(found.value[0].phenomenonTime).toBe('2026-12-01T12:34:56+07:00');
    expect((await getJson(`${service.http}/health`)).observations).toBe(count);
    // new ids continue after the stored ones; the log accepts appends after the cut line
    const after = await postJson(`${service.http}/v1.1/Datastreams(${datastream})/Observations`, {
      phenomenonTime: '2026-12-02T00:00:00+07:00',
      result: 5,
    });
    expect((await after.json())['@iot.id']).toBe(count + 1);
  });
});

function hasMosquitto(): boolean {
  try {
    execFileSync('which', ['mosquitto'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasMosquitto())(
  'twin sensors serve --broker (Debian mosquitto; skipped when it is not installed)',
  () => {
    let mosquitto: ChildProcess;
    let service: SensorServiceProcess;
    let brokerPort: number;
    let dataDir: string;

    beforeAll(async () => {
      brokerPort = await freePort();
      mosquitto = spawn('mosquitto', ['-p', String(brokerPort)], { stdio: 'ignore' });
      await waitFor(async () => {
        const probe = await connectAsync(`mqtt://127.0.0.1:${brokerPort}`, {
          reconnectPeriod: 0,
          connectTimeout: 500,
        });
        await probe.endAsync();
        return true;
      }, 'mosquitto');
      dataDir = mkdtempSync(join(tmpdir(), 'twin-sensors-broker-'));
      service = await startSensorService(dataDir, ['--broker', `mqtt://127.0.0.1:${brokerPort}`]);
    }, HOOK_TIMEOUT_MS);

    afterAll(async () => {
      if (service) await stopSensorService(service);
      mosquitto?.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }, HOOK_TIMEOUT_MS);

    it('ingests from the external broker, publishes the entity back once, and does not loop', async () => {
      const created = await postJson(`${service.http}/v1.1/Things`, stationThing('B'));
      const thing = await getJson(`${created.headers.get('location')}?$expand=Datastreams`);
      const id = thing.Datastreams[0]['@iot.id'];
      const topic = `v1.1/Datastreams(${id})/Observations`;
      const client = await connectAsync(`mqtt://127.0.0.1:${brokerPort}`);
      try {
        const received = await subscriber(client, topic);
        await client.publishAsync(
          topic,
          JSON.stringify({ phenomenonTime: '2026-12-01T08:00:00+07:00', result: 42 }),
          {
            qos: 1,
          },
        );
        await client.publishAsync(topic, 'garbage', { qos: 1 });
        const entities = () => received.filter((m) => typeof m === 'object' && m['@iot.id'] !== undefined);
        await waitFor(
          async () => (entities().length >= 1 ? true : undefined),
          'the entity from the service',
          5000,
        );
        await new Promise((r) => setTimeout(r, 500));
        expect(entities()).toHaveLength(1);
        expect(entities()[0].result).toBe(42);
        const health = await getJson(`${service.http}/health`);
        expect(health.observations).toBe(1);
        expect(health.rejected.notJson).toBe(1);
        const stored = await getJson(`${service.http}/v1.1/Datastreams(${id})/Observations`);
        expect(stored.value.map((o: { result: number }) => o.result)).toEqual([42]);
      } finally {
        await client.endAsync();
      }
    });
  },
);
