/**
 * The messages between the page (ui/sensors/workerMqtt.ts) and the MQTT relay worker
 * (workers/sensorMqtt.worker.ts): the worker holds the mqtt.js connection, so parsing the MQTT
 * protocol for a city of 1,000 stations reporting every second stays off the main thread; the
 * page gets the messages in batches.
 */

/** Page → worker. */
export type RelayCommand =
  | { type: 'connect'; url: string }
  | { type: 'subscribe'; topics: string[]; qos: 0 | 1 }
  | { type: 'end' };

/** Worker → page, in the order the connection produced them. */
export type RelayEvent =
  | { type: 'connect' }
  | { type: 'close' }
  | { type: 'error'; message: string }
  /** Messages received since the last batch: topics and payloads, index for index. */
  | { type: 'messages'; topics: string[]; payloads: Uint8Array[] };

/** Messages wait at most this long in the worker before a batch goes to the page, ms. */
export const RELAY_BATCH_MS = 50;
