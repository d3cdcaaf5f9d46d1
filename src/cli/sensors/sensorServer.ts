import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { InputError } from '../../core/errors.ts';
import { Aedes, type AedesPublishPacket, type PublishPacket } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { datastreamIdOfTopic, observationsTopic } from '../../sensors/entityModel.ts';
import { type CreatedObservation, SensorThingsService } from '../../sensors/sensorThingsService.ts';
import { SensorStore } from '../../sensors/sensorStore.ts';
import { JsonLinesLog } from './jsonLinesLog.ts';

/** Options of `twin sensors serve` that the server needs. */
export interface SensorServerOptions {
  httpPort: number;
  /** TCP port of the embedded MQTT broker (unused with `broker`). */
  mqttPort: number;
  /** Folder of the durable entity log. */
  dataDir: string;
  /** `mqtt://HOST:PORT` of an external broker, instead of the embedded one. */
  broker?: string;
  host?: string;
}

/** A running service: the SensorThings service, its counters, and how to stop it. */
export interface RunningSensorServer {
  service: SensorThingsService;
  httpPort: number;
  mqttPort: number | undefined;
  /** Entities read back from the log at start, and bytes of a torn last line cut off. */
  loaded: { entities: number; tornBytes: number };
  close(): Promise<void>;
}

/** Largest HTTP body read, bytes (deep inserts can be large; Observations are held to 64 KiB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function payloadText(payload: Buffer | string): { text: string; bytes: number } {
  return typeof payload === 'string'
    ? { text: payload, bytes: Buffer.byteLength(payload, 'utf8') }
    : { text: payload.toString('utf8'), bytes: payload.length };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function listen(
  server: TcpServer | ReturnType<typeof createHttpServer>,
  port: number,
  host: string,
  option: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new InputError(
              `--${option} ${port}: ${error.code === 'EADDRINUSE' ? 'port in use' : 'not allowed'} on ${host}`,
            )
          : error,
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Starts the live-data service: the durable store (log replayed into memory), the SensorThings
 * HTTP API with `/health`, and MQTT — the embedded aedes broker on TCP and on WebSocket at
 * `/mqtt` of the HTTP port, or a client of an external broker. Resolves once everything listens.
 */
export async function startSensorServer(options: SensorServerOptions): Promise<RunningSensorServer> {
  const host = options.host ?? '127.0.0.1';
  const startedMs = Date.now();
  const { log, records, tornBytes } = JsonLinesLog.open(options.dataDir);
  const store = new SensorStore(log);
  store.load(records);

  let push: (created: CreatedObservation) => void = () => {};
  let mqttClients = (): number => 0;
  const http = createHttpServer((request, response) => {
    void answer(request, response);
  });
  const httpPort = await listen(http, options.httpPort, host, 'http-port');
  const service = new SensorThingsService(store, `http://${host}:${httpPort}`, (created) => push(created));

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${host}`);
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-expose-headers': 'location',
      // the app's pages are cross-origin isolated (COEP require-corp)
      'cross-origin-resource-policy': 'cross-origin',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    const send = (status: number, headers: Record<string, string>, body: string) =>
      response.writeHead(status, { ...cors, ...headers }).end(body);
    if (url.pathname === '/health' && request.method === 'GET') {
      send(
        200,
        { 'content-type': 'application/json' },
        JSON.stringify({
          observations: service.observationCount(),
          rejected: service.rejected,
          mqttClients: mqttClients(),
          uptimeSeconds: Math.round((Date.now() - startedMs) / 1000),
          ...(options.broker === undefined ? {} : { broker: options.broker }),
        }),
      );
      return;
    }
    if (url.pathname !== '/v1.1' && !url.pathname.startsWith('/v1.1/')) {
      send(
        404,
        { 'content-type': 'application/json' },
        JSON.stringify({ code: 404, message: 'try /v1.1/ or /health' }),
      );
      return;
    }
    const body = request.method === 'POST' ? await readBody(request) : undefined;
    if (request.method === 'POST' && body === undefined) {
      send(
        400,
        { 'content-type': 'application/json' },
        JSON.stringify({ code: 400, message: 'body too large' }),
      );
      return;
    }
    const result = service.handle({
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: [...url.searchParams.entries()],
      ...(body === undefined ? {} : { body }),
    });
    send(result.status, result.headers, result.body);
  }

  /**
   * Group commit: publishes that arrive together (one socket read holds many) are stored in one
   * log append and fsync, and only then acknowledged and forwarded, in arrival order.
   */
  const waiting: Array<() => () => void> = [];
  const groupCommit = (ingest: () => () => void) => {
    waiting.push(ingest);
    if (waiting.length === 1)
      setImmediate(() => {
        const batch = waiting.splice(0);
        const acknowledge = store.batch(() => batch.map((work) => work()));
        for (const done of acknowledge) done();
      });
  };

  /** Run in reverse order of registration by `close` (and on a failed start). */
  const closers: Array<() => Promise<void>> = [
    () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  ];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
    log.close();
  };
  let mqttPort: number | undefined;
  try {
    if (options.broker === undefined) {
      const broker = await Aedes.createBroker({
        authorizePublish(_client, packet, callback) {
          if (packet.topic.startsWith('$SYS/')) return callback(new Error('$SYS/ topics are reserved'));
          const datastreamId = datastreamIdOfTopic(packet.topic);
          if (datastreamId === undefined) return callback(null);
          groupCommit(() => {
            const { text, bytes } = payloadText(packet.payload);
            const result = service.ingestMessage(datastreamId, text, bytes);
            return () => {
              // what subscribers get is the stored entity; a rejected message is emptied and not forwarded
              packet.payload = result.ok
                ? Buffer.from(JSON.stringify(result.created.entity))
                : Buffer.alloc(0);
              packet.retain = false;
              callback(null);
            };
          });
        },
        authorizeForward(_client, packet) {
          if (datastreamIdOfTopic(packet.topic) !== undefined && payloadText(packet.payload).bytes === 0)
            return null;
          return packet;
        },
      });
      closers.push(() => new Promise<void>((resolve) => broker.close(() => resolve())));
      push = (created) => {
        const packet = {
          cmd: 'publish',
          topic: observationsTopic(created.datastreamId),
          payload: Buffer.from(JSON.stringify(created.entity)),
          qos: 1,
          retain: false,
          dup: false,
        } as PublishPacket;
        broker.publish(packet, () => {});
      };
      mqttClients = () => broker.connectedClients;
      const tcp = createTcpServer(broker.handle);
      mqttPort = await listen(tcp, options.mqttPort, host, 'mqtt-port');
      closers.push(() => new Promise<void>((resolve) => tcp.close(() => resolve())));
      const wss = new WebSocketServer({ server: http, path: '/mqtt' });
      wss.on('connection', (socket, request) => {
        broker.handle(createWebSocketStream(socket), request);
      });
      closers.push(async () => {
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      });
    } else {
      const client = await connectExternalBroker(options.broker, service);
      closers.push(async () => {
        await client.endAsync();
      });
      push = (created) => {
        client.publish(observationsTopic(created.datastreamId), JSON.stringify(created.entity), { qos: 1 });
      };
    }
  } catch (error) {
    await close();
    throw error;
  }

  return { service, httpPort, mqttPort, loaded: { entities: records.length, tornBytes }, close };
}

/**
 * Ingests from an external broker: subscribes to `v1.1/+/Observations` (MQTT 5, No Local, so
 * the entities this service publishes back do not come back to it), keeps the topics of a
 * Datastream, stores each message before the PUBACK and publishes the created entity on the
 * same topic. Messages that are already entities (they carry `@iot.id`, e.g. from another
 * twin service on the same broker) are not ingested again, so two services cannot loop.
 */
async function connectExternalBroker(url: string, service: SensorThingsService): Promise<MqttClient> {
  let client: MqttClient;
  try {
    client = await connectAsync(url, {
      protocolVersion: 5,
      clientId: `twin-sensors-${process.pid}-${Date.now().toString(36)}`,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
  } catch (error) {
    throw new InputError(
      `--broker ${url}: cannot connect (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const handle = (packet: { topic: string; payload: Buffer | string }) => {
    const datastreamId = datastreamIdOfTopic(packet.topic);
    if (datastreamId === undefined) return;
    const { text, bytes } = payloadText(packet.payload);
    if (isEntityEcho(text)) return;
    const result = service.ingestMessage(datastreamId, text, bytes);
    if (result.ok) client.publish(packet.topic, JSON.stringify(result.created.entity), { qos: 1 });
  };
  client.handleMessage = (packet, callback) => {
    handle(packet as unknown as AedesPublishPacket);
    callback();
  };
  await client.subscribeAsync('v1.1/+/Observations', { qos: 1, nl: true });
  return client;
}

function isEntityEcho(text: string): boolean {
  if (!text.includes('@iot.id')) return false;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && '@iot.id' in value;
  } catch {
    return false;
  }
}
