import { spawnSync } from 'node:child_process';

/** Runs the real `twin` entry point (bin/twin.mjs) as a user would; returns exit code and output. */
export function twin(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/twin.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
