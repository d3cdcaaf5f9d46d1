import { type NumericObservation, readNumericObservation } from './sensorThingsClient.ts';
import { DEFAULT_BACKOFF, type BackoffPolicy, reconnectDelayMs } from './reconnectBackoff.ts';

/**
 * Live Observations over the SensorThings MQTT extension (MQTT over WebSocket,
 * `ws://HOST:PORT/mqtt`), for the browser and Node. The MQTT client is injected (mqtt.js
 * `connect`), so this module stays pure; it reconnects itself with exponential backoff and
 * jitter, keeps a bounded buffer per Datastream and says whether each is live, stale or offline.
 */

/** The part of an mqtt.js client used here. */
export interface MqttClientLike {
  on(event: 'connect' | 'close', listener: () => void): unknown;
  on(event: 'message', listener: (topic: string, payload: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  subscribe(topics: string[], options: { qos: 0 | 1 }): unknown;
  end(force?: boolean): unknown;
}

/** Opens one connection (mqtt.js `connect(url, {reconnectPeriod: 0})`: no reconnect of its own). */
export type ConnectMqtt = (url: string) => MqttClientLike;

/** A Datastream followed live: its id and how often it is expected to report. */
export interface FollowedDatastream {
  id: number;
  /** Expected time between Observations, ms (stale after twice that without a value). */
  expectedIntervalMs: number;
}

/**
 * `live`: connected and a value whose phenomenon time is within 2× the expected interval;
 * `stale`: connected but none; `offline`: not connected.
 */
export type DatastreamHealth = 'live' | 'stale' | 'offline';

/** The health of a Datastream at `nowMs` from the connection state and when it last had a value. */
export function datastreamHealth(
  connected: boolean,
  lastValueAtMs: number | undefined,
  expectedIntervalMs: number,
  nowMs: number,
): DatastreamHealth {
  if (!connected) return 'offline';
  return lastValueAtMs !== undefined && nowMs - lastValueAtMs <= 2 * expectedIntervalMs ? 'live' : 'stale';
}

/** A first-in first-out buffer of at most `capacity` items; pushing to a full one drops the oldest. */
export class BoundedBuffer<T> {
  private readonly items: T[] = [];
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity is an integer ≥ 1, got ${capacity}`);
    this.capacity = capacity;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** Oldest first. */
  toArray(): readonly T[] {
    return this.items;
  }

  get latest(): T | undefined {
    return this.items[this.items.length - 1];
  }
}

/** The topic of a Datastream's Observations. */
export function observationsTopic(datastreamId: number): string {
  return `v1.1/Datastreams(${datastreamId})/Observations`;
}

const TOPIC = /^v1\.1\/Datastreams\((\d+)\)\/Observations$/;

/** Options of {@link LiveObservations}. */
export interface LiveObservationsOptions {
  /** `ws://HOST:PORT/mqtt`. */
  url: string;
  connect: ConnectMqtt;
  datastreams: readonly FollowedDatastream[];
  /** Observations kept per Datastream (default 1440: a day of minutes). */
  bufferSize?: number;
  backoff?: BackoffPolicy;
  /** Clock and timers (the real ones by default; fake ones in tests). */
  nowMs?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, delayMs: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Called after every change of connection or data. */
  onChange?: () => void;
  /** Called when a lost connection is back, to fill the gap from the HTTP history ({@link LiveObservations.addHistory}). */
  onReconnect?: () => void;
}

/** Follows Datastreams over MQTT: latest values, bounded history, health, reconnection. */
export class LiveObservations {
  private readonly options: Required<Omit<LiveObservationsOptions, 'onChange' | 'onReconnect'>> &
    Pick<LiveObservationsOptions, 'onChange' | 'onReconnect'>;
  private readonly buffers = new Map<number, BoundedBuffer<NumericObservation>>();
  private readonly lastValueAtMs = new Map<number, number>();
  /** Expected interval between values of each followed Datastream, ms. */
  private readonly expectedIntervalMs = new Map<number, number>();
  private client: MqttClientLike | undefined;
  private timer: unknown;
  private stopped = false;
  /** Failed attempts since the last successful connection. */
  private attempt = 0;
  connected = false;
  /** Whether a connection was ever made (a later one is a reconnection). */
  private wasConnected = false;
  /** Messages on followed topics that were not a stored Observation with a numeric result. */
  rejectedMessages = 0;

  constructor(options: LiveObservationsOptions) {
    this.options = {
      bufferSize: 1440,
      backoff: DEFAULT_BACKOFF,
      nowMs: Date.now,
      random: Math.random,
      setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
    for (const { id, expectedIntervalMs } of options.datastreams) {
      this.buffers.set(id, new BoundedBuffer(this.options.bufferSize));
      this.expectedIntervalMs.set(id, expectedIntervalMs);
    }
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
    this.client?.end(true);
    this.client = undefined;
    this.connected = false;
  }

  /**
   * Adds Observations read over HTTP (history, or the gap after a reconnection), skipping ids
   * already held; the buffer stays in phenomenon-time order and keeps the newest.
   */
  addHistory(datastreamId: number, observations: readonly NumericObservation[]): void {
    const held = this.buffers.get(datastreamId);
    if (held === undefined) return;
    const ids = new Set(held.toArray().map((o) => o.id));
    const merged = [...held.toArray(), ...observations.filter((o) => !ids.has(o.id))];
    merged.sort((a, b) => a.phenomenonTimeMs - b.phenomenonTimeMs);
    const buffer = new BoundedBuffer<NumericObservation>(this.options.bufferSize);
    for (const observation of merged) buffer.push(observation);
    this.buffers.set(datastreamId, buffer);
    const latest = buffer.latest;
    if (latest !== undefined)
      this.lastValueAtMs.set(
        datastreamId,
        Math.max(this.lastValueAtMs.get(datastreamId) ?? 0, latest.phenomenonTimeMs),
      );
    this.options.onChange?.();
  }

  /** The buffered Observations of a Datastream, oldest first. */
  observations(datastreamId: number): readonly NumericObservation[] {
    return this.buffers.get(datastreamId)?.toArray() ?? [];
  }

  health(datastreamId: number): DatastreamHealth {
    const interval = this.expectedIntervalMs.get(datastreamId) ?? 0;
    return datastreamHealth(
      this.connected,
      this.lastValueAtMs.get(datastreamId),
      interval,
      this.options.nowMs(),
    );
  }

  private open(): void {
    const client = this.options.connect(this.options.url);
    this.client = client;
    client.on('connect', () => {
      const reconnected = this.wasConnected;
      this.wasConnected = true;
      this.connected = true;
      this.attempt = 0;
      client.subscribe(
        this.options.datastreams.map((d) => observationsTopic(d.id)),
        { qos: 1 },
      );
      this.options.onChange?.();
      if (reconnected) this.options.onReconnect?.();
    });
    client.on('message', (topic, payload) => this.receive(topic, payload));
    client.on('error', () => {
      // 'close' follows and schedules the reconnection.
    });
    client.on('close', () => {
      if (this.client !== client) return;
      this.connected = false;
      this.options.onChange?.();
      if (this.stopped) return;
      client.end(true);
      this.client = undefined;
      const delayMs = reconnectDelayMs(this.attempt, this.options.random, this.options.backoff);
      this.attempt += 1;
      this.timer = this.options.setTimer(() => {
        this.timer = undefined;
        if (!this.stopped) this.open();
      }, delayMs);
    });
  }

  private receive(topic: string, payload: Uint8Array): void {
    const id = Number(TOPIC.exec(topic)?.[1]);
    const buffer = this.buffers.get(id);
    if (buffer === undefined) return;
    let observation: NumericObservation;
    try {
      const entity = JSON.parse(new TextDecoder().decode(payload));
      observation = readNumericObservation(entity, '', topic);
      if (!Number.isInteger(entity['@iot.id'])) throw new Error('not a stored entity');
    } catch {
      this.rejectedMessages += 1;
      return;
    }
    buffer.push(observation);
    // The age of a value is that of its phenomenon (a replayed or late one is not fresh), never in the future.
    const valueAtMs = Math.min(observation.phenomenonTimeMs, this.options.nowMs());
    this.lastValueAtMs.set(id, Math.max(this.lastValueAtMs.get(id) ?? valueAtMs, valueAtMs));
    this.options.onChange?.();
  }
}
