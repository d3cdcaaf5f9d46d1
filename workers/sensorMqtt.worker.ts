/**
 * Web Worker entry of the MQTT relay (src/sensors/mqttRelay.ts): one mqtt.js connection over
 * WebSocket, no reconnection of its own (LiveObservations on the page reconnects with backoff);
 * messages go to the page in batches every RELAY_BATCH_MS, flushed before any connection event so
 * the order is kept.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { RELAY_BATCH_MS, type RelayCommand, type RelayEvent } from '../src/sensors/mqttRelay.ts';

let client: MqttClient | undefined;
let topics: string[] = [];
let payloads: Uint8Array[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;

const post = (event: RelayEvent) => postMessage(event);

function flush(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (topics.length === 0) return;
  post({ type: 'messages', topics, payloads });
  topics = [];
  payloads = [];
}

addEventListener('message', (event: MessageEvent<RelayCommand>) => {
  const command = event.data;
  if (command.type === 'connect') {
    const connection = mqtt.connect(command.url, { reconnectPeriod: 0, connectTimeout: 5000 });
    client = connection;
    connection.on('connect', () => {
      flush();
      post({ type: 'connect' });
    });
    connection.on('close', () => {
      flush();
      post({ type: 'close' });
    });
    connection.on('error', (error) => post({ type: 'error', message: error.message }));
    connection.on('message', (topic, payload) => {
      topics.push(topic);
      payloads.push(payload);
      flushTimer ??= setTimeout(flush, RELAY_BATCH_MS);
    });
  } else if (command.type === 'subscribe') {
    client?.subscribe(command.topics, { qos: command.qos });
  } else {
    flush();
    client?.end(true);
    client = undefined;
  }
});
