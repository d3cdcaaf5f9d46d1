import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveObservations } from '../../sensors/liveObservations.ts';
import { expandOption, SensorThingsClient } from '../../sensors/sensorThingsClient.ts';
import {
  killStartedServices,
  type SensorServiceProcess,
  startSensorService,
  stopSensorService,
  waitFor,
} from './sensorServiceProcess.ts';

const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';
const HOOK_TIMEOUT_MS = 60_000;
/** 1,005 hourly Observations from 2026-11-01T00:00Z: one full page of 1000 and 5 through @iot.nextLink. */
const OBSERVATION_COUNT = 1005;
const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2026-11-01T00:00:00Z');

afterAll(killStartedServices);

/** A station Thing with one river-level Datastream (m) holding `count` hourly Observations, result = hour index. */
function stationWithHistory(count: number) {
  return {
    name: 'Phú An test',
    properties: { source: 'synthetic' },
    Locations: [
      {
        name: 'site',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: [106.7, 10.8] },
      },
    ],
    Datastreams: [
      {
        name: 'level',
        unitOfMeasurement: { name: 'metre', symbol: 'm', definition: 'ucum:m' },
        observationType: OM_MEASUREMENT,
        Sensor: { name: 'gauge', encodingType: 'text/plain', metadata: '' },
        ObservedProperty: { name: 'water level', definition: 'https://example.org/level' },
        Observations: Array.from({ length: count }, (_, i) => ({
          phenomenonTime: new Date(START_MS + i * HOUR_MS).toISOString(),
          result: i,
        })),
      },
    ],
  };
}

describe('SensorThings client and live Observations against `twin sensors serve`', () => {
  let dataDir: string;
  let service: SensorServiceProcess;
  let client: SensorThingsClient;
  let datastreamId: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'twin-sta-client-'));
    service = await startSensorService(dataDir);
    const created = await fetch(`${service.http}/v1.1/Things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stationWithHistory(OBSERVATION_COUNT)),
    });
    expect(created.status).toBe(201);
    client = new SensorThingsClient(`${service.http}/v1.1`, (url) => fetch(url));
    const [datastream] = await client.collection('Datastreams');
    datastreamId = datastream?.['@iot.id'] as number;
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    if (service) await stopSensorService(service);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows @iot.nextLink to read all 1,005 Observations in order', async () => {
    const observations = await client.observations(datastreamId);
    expect(observations).toHaveLength(OBSERVATION_COUNT);
    // result = hour index, so in phenomenonTime order the results are 0, 1, …, 1004.
    expect(
      observations.every((o, i) => o.result === i && o.phenomenonTimeMs === START_MS + i * HOUR_MS),
    ).toBe(true);
  });

  it('filters by time and expands the latest Observation per Datastream', async () => {
    // From hour 1000 on (given with a +07:00 offset): 5 Observations, results 1000…1004.
    const from = new Date(START_MS + 1000 * HOUR_MS + 7 * HOUR_MS).toISOString().replace('Z', '+07:00');
    const recent = await client.observations(datastreamId, from);
    expect(recent.map((o) => o.result)).toEqual([1000, 1001, 1002, 1003, 1004]);
    const [thing] = await client.collection('Things', {
      expand: expandOption('Datastreams', {
        expand: expandOption('Observations', { top: 1, orderby: 'phenomenonTime desc' }),
      }),
    });
    const [datastream] = (thing?.Datastreams ?? []) as { Observations: { result: number }[] }[];
    expect(datastream?.Observations.map((o) => o.result)).toEqual([1004]);
  });

  it('an Observation created over HTTP arrives live over MQTT/WebSocket; a restart shows offline, then live again', async () => {
    const live = new LiveObservations({
      url: `ws://127.0.0.1:${service.httpPort}/mqtt`,
      connect: (url) => connect(url, { reconnectPeriod: 0, connectTimeout: 2000 }),
      datastreams: [{ id: datastreamId, expectedIntervalMs: 60_000 }],
      bufferSize: 10,
      backoff: { initialDelayMs: 200, maxDelayMs: 1000, factor: 2 },
    });
    live.start();
    try {
      await waitFor(async () => (live.connected ? true : undefined), 'the MQTT connection', 10_000);
      const post = (result: number) =>
        fetch(`${service.http}/v1.1/Datastreams(${datastreamId})/Observations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phenomenonTime: new Date().toISOString(), result }),
        });
      // The subscription is set up just after the connection; post until the first value arrives.
      await waitFor(
        async () => {
          await post(1.42);
          return live.observations(datastreamId).length > 0 ? true : undefined;
        },
        'a live Observation',
        10_000,
      );
      expect(live.observations(datastreamId).at(-1)?.result).toBe(1.42);
      expect(live.health(datastreamId)).toBe('live');

      const ports: [number, number] = [service.httpPort, service.mqttPort];
      await stopSensorService(service);
      await waitFor(
        async () => (live.health(datastreamId) === 'offline' ? true : undefined),
        'offline',
        10_000,
      );
      service = await startSensorService(dataDir, [], ports);
      await waitFor(async () => (live.connected ? true : undefined), 'the reconnection', 20_000);
      await waitFor(
        async () => {
          await post(1.55);
          return live.observations(datastreamId).at(-1)?.result === 1.55 ? true : undefined;
        },
        'a live Observation after the restart',
        10_000,
      );
      expect(live.health(datastreamId)).toBe('live');
    } finally {
      live.stop();
    }
  }, 90_000);
});
