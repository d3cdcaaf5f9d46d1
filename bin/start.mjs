#!/usr/bin/env node
// `npm start`: the app (vite) and, beside it, the live-data service `twin sensors serve` with
// the replay on and a synthetic storm in it (--storm-now; SensorThings API at http://127.0.0.1:8787/v1.1/, MQTT on 1883 and
// ws://127.0.0.1:8787/mqtt). Ports: TWIN_SENSORS_HTTP_PORT, TWIN_SENSORS_MQTT_PORT. The app
// keeps running if the service cannot start (e.g. a port in use); Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const httpPort = process.env.TWIN_SENSORS_HTTP_PORT ?? '8787';
const mqttPort = process.env.TWIN_SENSORS_MQTT_PORT ?? '1883';

const sensors = spawn(
  process.execPath,
  [
    join(root, 'bin/twin.mjs'),
    'sensors',
    'serve',
    '--replay',
    // a synthetic storm early in the replayed window, so a new user sees the nowcast it triggers
    '--storm-now',
    '--http-port',
    httpPort,
    '--mqtt-port',
    mqttPort,
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
sensors.on('exit', (code, signal) => {
  if (!stopping)
    console.error(`sensors service stopped (${signal ?? `exit ${code}`}); the app goes on without live data`);
});

const vite = spawn(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), '--open=false', ...process.argv.slice(2)],
  // the workbench shows the live sensors layer without a click when the service runs beside it
  { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_TWIN_LIVE_SENSORS: '1' } },
);

let stopping = false;
function stop(signal) {
  stopping = true;
  for (const child of [sensors, vite]) if (child.exitCode === null) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
vite.on('exit', (code) => {
  stop('SIGTERM');
  process.exitCode = code ?? 0;
});
