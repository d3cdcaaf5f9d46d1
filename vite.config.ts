import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { cesiumStaticPath } from './tools/vite/cesiumStaticPath.ts';

/**
 * Cross-origin isolation (COOP/COEP) so SharedArrayBuffer works in the simulation workers.
 * Set on the dev server, on `vite preview`, and documented for any static host of dist/.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Content-Security-Policy of the app's pages (the workbench and the `#/viewer` public viewer,
 * both index.html): nothing from other origins and no string evaluation. Relaxations, each
 * needed: `'wasm-unsafe-eval'` compiles WebAssembly (Cesium's and loaders.gl's Draco and KTX2
 * decoders; it does not allow `eval`); `blob:` workers (Cesium may start its task workers from a
 * blob); `'unsafe-inline'` styles (React `style` attributes, Cesium's widgets and Vite's CSS
 * injection in dev; styles cannot run code); `data:`/`blob:` images (textures decoded in
 * memory); `ws:`/`http:` to 127.0.0.1 for the dev server's hot reload. The policy holds in
 * `vite preview` (header) and in the built index.html (a <meta> without `frame-ancestors`, which a
 * meta cannot carry; a static host adds the header for that one); dev relaxes it (devHeaders).
 */
const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self' blob:",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self' ws://127.0.0.1:* http://127.0.0.1:*",
  'object-src': "'none'",
  'base-uri': "'self'",
  'frame-ancestors': "'none'",
};

/** The policy as a header value, without the directives in `omit` and with `extra` sources added. */
function cspOf({ omit = [], extra = {} }: { omit?: string[]; extra?: Record<string, string> } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !omit.includes(name))
    .map(([name, value]) => `${name} ${value}${extra[name] ? ` ${extra[name]}` : ''}`)
    .join('; ');
}

/** Headers of `vite preview` (the built app): cross-origin isolation and the strict CSP. */
const previewHeaders = { ...isolationHeaders, 'Content-Security-Policy': cspOf() };

/**
 * Headers of the dev server. Its one relaxation, `'unsafe-eval'`: Vite's dev pre-bundle of
 * `cesium` takes the whole package, with @cesium/widgets' Knockout, which runs `(0, eval)("this")`
 * as soon as it loads, so `#/viewer` fails in dev under the strict policy (the workbench and
 * Vite's client run fine under it). The build tree-shakes Knockout away: dist has no string
 * evaluation and runs under the strict policy (tests/e2e/csp.e2e.ts).
 */
const devHeaders = {
  ...isolationHeaders,
  'Content-Security-Policy': cspOf({ extra: { 'script-src': "'unsafe-eval'" } }),
};

/** Writes the CSP into the built index.html as a <meta> (frame-ancestors is not allowed there). */
function cspMeta(): Plugin {
  return {
    name: 'twin-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspOf({ omit: ['frame-ancestors'] }) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

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
        const path = cesiumStaticPath(CESIUM_BUILD, req.url ?? '/');
        if (path.kind !== 'file') {
          res.statusCode = path.kind === 'bad-request' ? 400 : 404;
          res.end();
          return;
        }
        const { file } = path;
        if (!existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        for (const [k, v] of Object.entries(devHeaders)) res.setHeader(k, v);
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
  plugins: [cesiumStatic(), cspMeta()],
  server: { headers: devHeaders, host: '127.0.0.1', port: 5173 },
  preview: { headers: previewHeaders, host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000, sourcemap: false },
});
