import { cpSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { SITE_CSP } from './src/scenario/publishedSite.ts';

/**
 * Build of the public site's viewer (`twin publish`, docs/publish.md): src/viewer/site/index.html
 * with relative paths (any static host, any folder), no SharedArrayBuffer and so no COOP/COEP,
 * the strict CSP as a <meta> tag, and only the CesiumJS static files the viewer loads.
 * The caller sets build.outDir.
 */
const CESIUM_BUILD = resolve('node_modules/cesium/Build/Cesium');

/**
 * Cesium files the site needs: geometry workers (not the KTX2 transcoder, which evaluates
 * strings), credit images, ground heights, and the Earth orientation (ICRF) tables.
 */
const CESIUM_FILES = [
  ...readdirSync(join(CESIUM_BUILD, 'Workers'))
    .filter((name) => name.endsWith('.js') && name !== 'transcodeKTX2.js')
    .map((name) => `Workers/${name}`),
  'Assets/Images',
  'Assets/IAU2006_XYS',
  'Assets/approximateTerrainHeights.json',
];

/** Writes the CSP into index.html and copies {@link CESIUM_FILES} into cesium/. */
function publicSite(): Plugin {
  return {
    name: 'twin-public-site',
    transformIndexHtml: (html) => html.replace('%TWIN_SITE_CSP%', SITE_CSP),
    writeBundle(options) {
      const out = options.dir ?? resolve('dist-site');
      for (const file of CESIUM_FILES)
        cpSync(join(CESIUM_BUILD, file), join(out, 'cesium', file), { recursive: true });
    },
  };
}

export default defineConfig({
  root: resolve('src/viewer/site'),
  base: './',
  publicDir: false,
  define: { CESIUM_BASE_URL: JSON.stringify('./cesium/') },
  plugins: [publicSite()],
  build: {
    outDir: resolve('dist-site'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
