import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/**
 * Serves the WebGPU flood harness (tests/gpu/index.html) with Vite's dev server on 127.0.0.1
 * (a secure context, so `navigator.gpu` exists); returns its URL and how to stop it. Used by
 * tests/e2e/floodGpu.e2e.ts and bench/floodGpuBench.ts, never by the app's build.
 */
export async function startFloodGpuHarness(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await createServer({
    configFile: false,
    root: dirname(fileURLToPath(import.meta.url)),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 4190, strictPort: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the WebGPU harness server did not report a URL');
  return { url, close: () => server.close() };
}
