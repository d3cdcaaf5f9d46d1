/**
 * An MQTT connection held by a Web Worker (workers/sensorMqtt.worker.ts), behind the part of the
 * mqtt.js client that LiveObservations uses: the main thread only decodes the batched messages.
 */
import type { ConnectMqtt, MqttClientLike } from '../../sensors/liveObservations.ts';
import type { RelayCommand, RelayEvent } from '../../sensors/mqttRelay.ts';

type Listeners = {
  connect: Array<() => void>;
  close: Array<() => void>;
  message: Array<(topic: string, payload: Uint8Array) => void>;
  error: Array<(error: Error) => void>;
};

/** Opens one connection to `url` in a new worker; `end()` closes it and stops the worker. */
export const connectMqttInWorker: ConnectMqtt = (url) => {
  const worker = new Worker(new URL('../../../workers/sensorMqtt.worker.ts', import.meta.url), {
    type: 'module',
  });
  const listeners: Listeners = { connect: [], close: [], message: [], error: [] };
  const send = (command: RelayCommand) => worker.postMessage(command);
  let ended = false;
  worker.addEventListener('message', (event: MessageEvent<RelayEvent>) => {
    const relayed = event.data;
    if (relayed.type === 'messages') {
      for (let i = 0; i < relayed.topics.length; i++)
        for (const listener of listeners.message)
          listener(relayed.topics[i] as string, relayed.payloads[i] as Uint8Array);
    } else if (relayed.type === 'error') {
      for (const listener of listeners.error) listener(new Error(relayed.message));
    } else {
      for (const listener of listeners[relayed.type]) listener();
    }
  });
  // A worker that fails to start or crashes is a closed connection (LiveObservations reconnects).
  worker.addEventListener('error', () => {
    if (ended) return;
    for (const listener of listeners.close) listener();
  });
  send({ type: 'connect', url });
  const client: MqttClientLike = {
    on(event: keyof Listeners, listener: never) {
      (listeners[event] as unknown[]).push(listener);
      return client;
    },
    subscribe(topics, options) {
      send({ type: 'subscribe', topics, qos: options.qos });
      return client;
    },
    end() {
      if (ended) return client;
      ended = true;
      send({ type: 'end' });
      // The worker closes the socket, then goes; nothing more reaches the page.
      setTimeout(() => worker.terminate(), 1000);
      return client;
    },
  };
  return client;
};
