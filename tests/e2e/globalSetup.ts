import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';

/** The URL of the built app served by `vite preview` (same COOP/COEP headers as production). */
declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/** Builds the app once and serves dist/ for the end-to-end tests. */
export default async function setup(project: TestProject) {
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
