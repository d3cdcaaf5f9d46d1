/**
 * SensorThings documents for the e2e tests that run against `twin sensors serve`: a Thing with
 * its Location and Datastreams (deep insert), hourly Observations, the POST that creates them,
 * and the service itself for a describe block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type SensorServiceProcess,
  startSensorService,
  stopSensorService,
} from '../../src/cli/sensors/sensorServiceProcess.ts';

const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';
const HOUR_MS = 3_600_000;

/** A Datastream with its Sensor, ObservedProperty and Observations, for a deep insert. */
export function datastream(
  name: string,
  observedProperty: string,
  unitSymbol: string,
  observations: unknown[],
  properties = {},
) {
  return {
    name,
    unitOfMeasurement: { name: unitSymbol, symbol: unitSymbol, definition: `ucum:${unitSymbol}` },
    observationType: OM_MEASUREMENT,
    properties,
    Sensor: { name: `${name} sensor`, encodingType: 'text/plain', metadata: '' },
    ObservedProperty: { name: observedProperty, definition: `https://example.org/${observedProperty}` },
    Observations: observations,
  };
}

/** A Thing at `lonLat` (WGS84 degrees; default a point in Thủ Đức) with its Datastreams. */
export function thing(
  name: string,
  source: string,
  datastreams: unknown[],
  lonLat: [number, number] = [106.75, 10.85],
) {
  return {
    name,
    properties: { source },
    Locations: [
      { name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: lonLat } },
    ],
    Datastreams: datastreams,
  };
}

/** `value` at each of the last `hours` whole hours (the current one included). */
export function hourly(value: number, hours: number, nowMs: number) {
  const hourStart = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return Array.from({ length: hours }, (_, i) => ({
    phenomenonTime: new Date(hourStart - i * HOUR_MS).toISOString(),
    result: value,
  }));
}

/**
 * The Phú An river gauge: 24 hourly levels of 1.2 m with `latestMetres` now, alarm levels I/II/III
 * at 1.40/1.50/1.60 m and a one-constituent tide model (S2, 1 m) for the next high water.
 */
export function phuAnGauge(nowMs: number, latestMetres: number) {
  const tideModel = {
    meanLevelMetres: 0.1,
    constituents: [{ name: 'S2', speedDegPerHour: 30, amplitudeMetres: 1, phaseDegrees: 0 }],
  };
  return thing('Phú An', 'synthetic', [
    datastream(
      'Phú An level',
      'water level',
      'm',
      hourly(1.2, 24, nowMs).map((o, i) => (i === 0 ? { ...o, result: latestMetres } : o)),
      { alarmLevelsMetres: { I: 1.4, II: 1.5, III: 1.6 }, tideModel },
    ),
  ]);
}

/** POSTs a Thing (deep insert) to the service at `httpRoot`, expects 201, returns the created entity. */
export async function postThing(httpRoot: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${httpRoot}/v1.1/Things`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return response.json();
}

/**
 * `twin sensors serve` for the enclosing describe block: started in a new temporary folder before
 * the block's own hooks (`extra` arguments as for startSensorService), stopped and the folder
 * removed after its tests. Read `.process` inside hooks and tests.
 */
export function sensorServiceForBlock(
  prefix: string,
  extra: string[] = [],
): { readonly process: SensorServiceProcess } {
  let dataDir: string | undefined;
  let running: SensorServiceProcess | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    running = await startSensorService(dataDir, extra);
  }, 120_000);
  afterAll(async () => {
    if (running) await stopSensorService(running);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get process() {
      if (!running) throw new Error('sensorServiceForBlock: the service is not running');
      return running;
    },
  };
}

/** The `@iot.id` of the Datastream called `name` on the service at `http` (fails the test if none). */
export async function datastreamIdNamed(http: string, name: string): Promise<number> {
  const response = await fetch(`${http}/v1.1/Datastreams?$filter=name eq '${name}'`);
  const id = ((await response.json()) as { value: { '@iot.id': number }[] }).value[0]?.['@iot.id'];
  expect(id, `Datastream ${name}`).toBeTypeOf('number');
  return id as number;
}
