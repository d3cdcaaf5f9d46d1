import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { dataTiles } from '../../src/cli/commands/dataTiles.ts';

/** The URL of the built app served by `vite preview` (same COOP/COEP headers as production). */
declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/** Builds the app once and serves dist/ for the end-to-end tests. */
export default async function setup(project: TestProject) {
  await dataTiles.run(['--if-stale']); // the 3D Tiles are derived, not committed (as `npm run build` does)
  await build({ logLevel: 'warn' });
  const server = await preview({
    preview: { port: 4179, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('appUrl', url);
  return async () => {
    await server.close();
  };
}
