import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { dataTiles } from '../../src/cli/commands/dataTiles.ts';

/** The URL of the built app served by `vite preview` (same COOP/COEP headers as production). */
declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/**
 * Builds the app once into a private temporary folder (so a concurrent build of dist/ cannot
 * pull files from under a running test) and serves it for the end-to-end tests.
 */
export default async function setup(project: TestProject) {
  await dataTiles.run(['--if-stale']); // the 3D Tiles are derived, not committed (as `npm run build` does)
  const outDir = mkdtempSync(join(tmpdir(), 'twin-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    build: { outDir },
    preview: { port: 4179, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('appUrl', url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
