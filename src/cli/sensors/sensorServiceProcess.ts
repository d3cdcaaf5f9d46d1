import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * `twin sensors serve` (`--no-replay` unless asked) as a child process on free ports with its own data folder,
 * for tests that need the real service.
 */
export interface SensorServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` (the SensorThings root is `${http}/v1.1`, MQTT over WebSocket `ws://…/mqtt`). */
  http: string;
  httpPort: number;
  mqttPort: number;
  exited: Promise<void>;
}

const TWIN = join(import.meta.dirname, '../../../bin/twin.mjs');

/** Every service started here, so a test file can kill them all at the end (even after a timed-out hook). */
const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every service started by this process that is still running. */
export function killStartedServices(): void {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
}

/** A TCP port free on 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` every 100 ms until it returns a value (errors count as "not yet"). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the service (on `ports` = [http, mqtt] or free ones) and waits until `/health` answers;
 * with `--no-replay` unless `extra` asks for `--replay`.
 */
export async function startSensorService(
  dataDir: string,
  extra: string[] = [],
  ports?: [number, number],
): Promise<SensorServiceProcess> {
  const [httpPort, mqttPort] = ports ?? [await freePort(), await freePort()];
  const args = [
    'sensors',
    'serve',
    ...(extra.includes('--replay') ? [] : ['--no-replay']),
    '--http-port',
    String(httpPort),
    '--mqtt-port',
    String(mqttPort),
  ];
  const child = spawn(process.execPath, [TWIN, ...args, '--data', dataDir, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const http = `http://127.0.0.1:${httpPort}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`service exited: ${stderr}`);
    return (await fetch(`${http}/health`)).ok ? true : undefined;
  }, 'the service').catch((error) => {
    throw new Error(`${error}\n${stderr}`);
  });
  return { child, http, httpPort, mqttPort, exited };
}

/** Stops the service with `signal` and waits for it to exit. */
export async function stopSensorService(
  service: SensorServiceProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (service.child.exitCode === null) service.child.kill(signal);
  await service.exited;
}
