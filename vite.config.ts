import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Cross-origin isolation (COOP/COEP) so SharedArrayBuffer works in the simulation workers.
 * Set on the dev server, on `vite preview`, and documented for any static host of dist/.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CESIUM_BUILD = resolve('node_modules/cesium/Build/Cesium');
const CESIUM_FOLDERS = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
const MIME: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.ktx2': 'image/ktx2',
};

/** Serves Cesium's static Workers/Assets/Widgets/ThirdParty under /cesium/ in dev and copies them into dist/cesium/ on build. */
function cesiumStatic(): Plugin {
  return {
    name: 'twin-cesium-static',
    configureServer(server) {
      server.middlewares.use('/cesium', (req, res, next) => {
        const file = join(CESIUM_BUILD, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
        if (!file.startsWith(CESIUM_BUILD) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        for (const [k, v] of Object.entries(isolationHeaders)) res.setHeader(k, v);
        createReadStream(file).pipe(res);
      });
    },
    writeBundle(options) {
      const out = options.dir ?? resolve('dist');
      for (const folder of CESIUM_FOLDERS) {
        cpSync(join(CESIUM_BUILD, folder), join(out, 'cesium', folder), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  base: './',
  define: { CESIUM_BASE_URL: JSON.stringify('./cesium/') },
  plugins: [cesiumStatic()],
  server: { headers: isolationHeaders, host: '127.0.0.1', port: 5173 },
  preview: { headers: isolationHeaders, host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000, sourcemap: false },
});
