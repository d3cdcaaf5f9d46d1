import { describe, expect, it } from 'vitest';
import {
  BoundedBuffer,
  datastreamHealth,
  LiveObservations,
  type MqttClientLike,
  observationsTopic,
} from './liveObservations.ts';
import { expandOption, queryString, SensorThingsClient } from './sensorThingsClient.ts';

describe('datastreamHealth', () => {
  it('is live up to twice the expected interval, stale after, offline when disconnected', () => {
    const minute = 60_000;
    expect(datastreamHealth(true, 0, minute, 2 * minute)).toBe('live');
    expect(datastreamHealth(true, 0, minute, 2 * minute + 1)).toBe('stale');
    expect(datastreamHealth(true, undefined, minute, 0)).toBe('stale');
    expect(datastreamHealth(false, 0, minute, 1)).toBe('offline');
  });
});

describe('BoundedBuffer', () => {
  it('keeps the newest `capacity` items, oldest first', () => {
    const buffer = new BoundedBuffer<number>(3);
    for (let i = 1; i <= 5; i++) buffer.push(i);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.latest).toBe(5);
    expect(() => new BoundedBuffer(0)).toThrow(RangeError);
  });
});

describe('query building', () => {
  it('nests $expand options with ; and encodes the query string', () => {
    const expand = expandOption('Observations', { top: 1, orderby: 'phenomenonTime desc' });
    expect(expand).toBe('Observations($orderby=phenomenonTime desc;$top=1)');
    expect(queryString({ expand, filter: "name eq 'A&B'" })).toBe(
      `?$filter=${encodeURIComponent("name eq 'A&B'")}&$expand=${encodeURIComponent(expand)}`,
    );
    expect(queryString({})).toBe('');
  });
});

describe('SensorThingsClient response checks (stub fetch)', () => {
  const stub = (pages: Record<string, unknown>) => async (url: string) => ({
    ok: url in pages,
    status: url in pages ? 200 : 404,
    json: async () => pages[url] ?? { message: 'no such thing' },
  });

  it('names the page and the path of a malformed entity', async () => {
    const client = new SensorThingsClient(
      'http://sta/v1.1/',
      stub({ 'http://sta/v1.1/Things': { value: [{ '@iot.id': 1 }, { name: 'x' }] } }),
    );
    await expect(client.collection('Things')).rejects.toThrow(/value\[1\]\["@iot.id"\]/);
  });

  it('refuses a next link to another host and reports HTTP errors with the server message', async () => {
    const client = new SensorThingsClient(
      'http://sta/v1.1',
      stub({ 'http://sta/v1.1/Things': { value: [], '@iot.nextLink': 'http://evil/v1.1/Things?$skip=1' } }),
    );
    await expect(client.collection('Things')).rejects.toThrow(/@iot.nextLink/);
    await expect(client.entity('Things(9)')).rejects.toThrow(/HTTP 404: no such thing/);
  });
});

/** An in-memory stand-in for an mqtt.js client. */
class FakeMqtt implements MqttClientLike {
  readonly listeners = new Map<string, ((...args: any[]) => void)[]>();
  subscribed: string[] = [];
  ended = false;
  on(event: string, listener: (...args: any[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  subscribe(topics: string[]): void {
    this.subscribed = topics;
  }
  end(): void {
    this.ended = true;
  }
}

describe('LiveObservations (fake MQTT client and timers)', () => {
  it('buffers stored Observations, goes stale, offline, and reconnects with growing jittered delays', () => {
    // The clock at the phenomenon time of the messages below (08:00+07:00).
    let now = Date.parse('2026-12-01T01:00:00Z');
    const clients: FakeMqtt[] = [];
    const timers: { callback: () => void; delayMs: number }[] = [];
    const delaysMs: number[] = [];
    let reconnections = 0;
    const live = new LiveObservations({
      url: 'ws://x/mqtt',
      connect: () => {
        const client = new FakeMqtt();
        clients.push(client);
        return client;
      },
      datastreams: [{ id: 7, expectedIntervalMs: 1000 }],
      bufferSize: 2,
      nowMs: () => now,
      random: () => 0.5,
      setTimer: (callback, delayMs) => {
        delaysMs.push(delayMs);
        timers.push({ callback, delayMs });
      },
      clearTimer: () => {},
      onReconnect: () => {
        reconnections += 1;
      },
    });
    live.start();
    expect(live.health(7)).toBe('offline');
    clients[0]?.emit('connect');
    expect(clients[0]?.subscribed).toEqual([observationsTopic(7)]);
    expect(live.health(7)).toBe('stale');

    const send = (id: number, result: unknown) =>
      clients
        .at(-1)
        ?.emit(
          'message',
          observationsTopic(7),
          new TextEncoder().encode(
            JSON.stringify({ '@iot.id': id, phenomenonTime: '2026-12-01T08:00:00+07:00', result }),
          ),
        );
    send(1, 10);
    send(2, 'high'); // not numeric: counted, not buffered
    send(3, 30);
    send(4, 40);
    expect(live.observations(7).map((o) => o.result)).toEqual([30, 40]);
    expect(live.rejectedMessages).toBe(1);
    expect(live.health(7)).toBe('live');
    now += 2001; // 2× the 1 s interval has passed since the phenomenon time
    expect(live.health(7)).toBe('stale');
    send(5, 50); // a late value (phenomenon time 2 s ago) does not make it live again
    expect(live.health(7)).toBe('stale');

    // Two failed connections: delays 0.5·500 and 0.5·1000 ms; a success resets the attempt count.
    clients[0]?.emit('close');
    expect(live.health(7)).toBe('offline');
    timers.shift()?.callback();
    clients[1]?.emit('close');
    timers.shift()?.callback();
    expect(reconnections).toBe(0);
    clients[2]?.emit('connect'); // back after a loss: the gap is to be filled
    expect(reconnections).toBe(1);
    // The gap read over HTTP: id 4 is held already; 6 is older than 5 and goes before it; capacity 2 keeps the newest.
    const t = (minute: number) => ({
      phenomenonTimeMs: Date.parse('2026-12-01T01:00:00Z') + minute * 60_000,
    });
    live.addHistory(7, [
      { id: 4, result: 40, ...t(0) },
      { id: 6, result: 60, ...t(-1) },
      { id: 7, result: 70, ...t(1) },
    ]);
    expect(live.observations(7).map((o) => o.id)).toEqual([5, 7]);
    clients[2]?.emit('close');
    // After the success the attempt count restarts: 250 ms again.
    expect(delaysMs).toEqual([250, 500, 250]);
    expect(clients).toHaveLength(3);
  });
});
