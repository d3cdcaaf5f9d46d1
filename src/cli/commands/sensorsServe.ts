import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type Command, numberOption, parseCommandArgs } from '../command.ts';
import { log } from '../io.ts';
import { SHARED_SENSOR_DATA_DIR, startReplay } from '../sensors/replayRunner.ts';
import { isoTimeMillis } from '../../sensors/filterExpression.ts';
import { startSensorServer } from '../sensors/sensorServer.ts';

/** Default folder of the durable store: `.twin-sensors/` in the project root (git-ignored). */
export const DEFAULT_SENSOR_DATA_DIR = resolve(import.meta.dirname, '../../..', '.twin-sensors');

const usage = `Usage: twin sensors serve [--http-port 8787] [--mqtt-port 1883] [--data DIR]
                         [--replay | --no-replay] [--speed 60] [--clock ISO-TIME] [--storm-now]
                         [--broker mqtt://HOST:PORT]

The live-data service (docs/sensors.md, ../shared/spec/sensors.md):
  HTTP   OGC SensorThings API 1.1 at http://127.0.0.1:HTTP_PORT/v1.1/, GET /health
  MQTT   embedded broker on TCP --mqtt-port and ws://127.0.0.1:HTTP_PORT/mqtt; publish
         {"phenomenonTime", "result"} to v1.1/Datastreams(ID)/Observations to create an
         Observation; subscribers get the created entity. --broker uses an external broker.
  --data DIR   durable store (default .twin-sensors/ in the project root): every accepted entity is on disk first
  --replay     (default) plays ../shared/data/sensors (HealthyAir stations, Phú An river level from
               the fitted tide model, synthetic rain gauges) in accelerated time ending now, at
               --speed data seconds per second (default 60); --no-replay serves only what is posted.
  --clock T    the replay's data time at start (default now): it then runs that far from the
               wall clock, e.g. --clock 2026-11-25T15:00:00+07:00 replays a storm as if live.
  --storm-now  the synthetic rain gauges get a 5-year, 2-hour design storm early in the played
               window, so the nowcast is seen within minutes (npm start uses it).
Runs until interrupted (Ctrl-C).`;

function port(value: string | boolean | undefined, name: string, fallback: number): number {
  const n = numberOption(value, name, fallback);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--${name} expects a port 0..65535, got ${n}`);
  return n;
}

export const sensorsServe: Command = {
  name: 'sensors serve',
  summary: 'live-data service: SensorThings API 1.1 (HTTP) and MQTT, durable store, replay',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        'http-port': { type: 'string' },
        'mqtt-port': { type: 'string' },
        data: { type: 'string' },
        replay: { type: 'boolean' },
        'no-replay': { type: 'boolean' },
        speed: { type: 'string' },
        broker: { type: 'string' },
        clock: { type: 'string' },
        'storm-now': { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    if (values.replay && values['no-replay'])
      throw new UsageError('--replay and --no-replay exclude each other');
    const speed = numberOption(values.speed, 'speed', 60);
    if (!(speed > 0)) throw new UsageError(`--speed expects a positive number, got ${speed}`);
    const clockMs = values.clock === undefined ? Date.now() : isoTimeMillis(values.clock);
    if (clockMs === undefined)
      throw new UsageError(
        `--clock expects an ISO 8601 time with a date, time and offset, got "${values.clock}"`,
      );
    const broker = values.broker;
    if (broker !== undefined && !/^mqtts?:\/\/[^/]+(:\d+)?\/?$/.test(broker))
      throw new UsageError(`--broker expects mqtt://HOST:PORT, got "${broker}"`);
    const server = await startSensorServer({
      httpPort: port(values['http-port'], 'http-port', 8787),
      mqttPort: port(values['mqtt-port'], 'mqtt-port', 1883),
      dataDir: values.data ?? DEFAULT_SENSOR_DATA_DIR,
      ...(broker === undefined ? {} : { broker }),
    });
    log(
      `sensors: ${server.loaded.entities} entities loaded${server.loaded.tornBytes > 0 ? ` (torn last line of ${server.loaded.tornBytes} bytes cut)` : ''}; ` +
        `http://127.0.0.1:${server.httpPort}/v1.1/ ` +
        (broker === undefined
          ? `mqtt://127.0.0.1:${server.mqttPort} ws://127.0.0.1:${server.httpPort}/mqtt`
          : `external broker ${broker}`),
    );
    const replay = values['no-replay']
      ? undefined
      : await startReplay(
          server.service,
          speed,
          log,
          SHARED_SENSOR_DATA_DIR,
          (clockMs - Date.now()) / 1000,
          values['storm-now'] === true,
        );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    replay?.stop();
    await server.close();
    return 0;
  },
};
