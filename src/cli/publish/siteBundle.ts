import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where built viewer bundles are kept between publishes, one folder per source hash. */
const CACHE_DIR = resolve('node_modules/.cache/twin-publish/viewer');
/** Sources the site bundle is built from: a change to any of them rebuilds it. */
const BUNDLE_SOURCES = [
  'src/viewer',
  'src/i18n',
  'src/render/city/cityColours.ts',
  'src/render/legend.ts',
  'src/scenario/publishedSite.ts',
  'vite.publish.config.ts',
  'package-lock.json',
];

/** SHA-256 (hex, 16 digits) of the names and contents of `paths` (files or folders, recursively, sorted; tests left out). */
export function hashSources(paths: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      hash.update(path);
      hash.update(readFileSync(path));
    }
  };
  for (const path of paths) if (existsSync(path)) add(path);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The folder of a built public viewer (index.html, assets/, cesium/): built once per version of
 * its sources with `vite build -c vite.publish.config.ts` and reused by later publishes.
 */
export async function siteBundle(log: (message: string) => void): Promise<string> {
  const dir = join(CACHE_DIR, hashSources(BUNDLE_SOURCES));
  if (existsSync(join(dir, 'index.html'))) return dir;
  log('building the public viewer (vite build -c vite.publish.config.ts)…');
  const { build } = await import('vite');
  await build({
    configFile: resolve('vite.publish.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  return dir;
}
