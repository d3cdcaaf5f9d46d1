/**
 * The import rules between the layers of ../shared/ARCHITECTURE.md, as code (issue 12, item 6).
 * Checked by `npm run lint:layers` (tools/layers/checkLayers.ts), part of `npm test`.
 *
 * Layers, top to bottom; a file may import its own layer or any layer below it, never above:
 *
 *   ui/ viewer/ cli/ bench/ main.tsx      6   (bench/: benchmarks, Node; may use tests/ helpers)
 *   render/                               5
 *   state/ workers/                       4
 *   scenario/                             3
 *   sim/ sensors/                         2
 *   data/                                 1
 *   core/ i18n/                           0
 *
 * Pure layers (core, i18n, sim, sensors, scenario, data except data/node and sensors/node)
 * must not reach three/react/cesium/zustand or other browser-only packages, nor Node built-ins,
 * directly or through any chain of local imports (so a pure file cannot reach `node:fs`
 * through `src/data/node/readCityFolder.ts`). DOM and Node globals in pure files are the
 * linter's job (biome.json, noRestrictedGlobals).
 */

export interface Layer {
  /** Short name used in messages. */
  name: string;
  /** Height in the stack: imports may point to the same or a lower level only. */
  level: number;
  /** Path prefixes relative to the repository root (the longest matching prefix wins). */
  prefixes: string[];
  /** Pure: no Node built-ins or browser-only packages, transitively. */
  pure: boolean;
  /** When set, only these layers (by name) may import this one. */
  onlyFrom?: string[];
}

export const LAYERS: Layer[] = [
  { name: 'core', level: 0, prefixes: ['src/core/', 'src/i18n/'], pure: true },
  { name: 'data', level: 1, prefixes: ['src/data/'], pure: true },
  { name: 'data/node', level: 1, prefixes: ['src/data/node/'], pure: false },
  { name: 'sim', level: 2, prefixes: ['src/sim/'], pure: true },
  { name: 'sensors', level: 2, prefixes: ['src/sensors/'], pure: true },
  { name: 'sensors/node', level: 2, prefixes: ['src/sensors/node/'], pure: false },
  { name: 'scenario', level: 3, prefixes: ['src/scenario/'], pure: true },
  { name: 'state', level: 4, prefixes: ['src/state/'], pure: false },
  { name: 'workers', level: 4, prefixes: ['workers/'], pure: false },
  { name: 'render', level: 5, prefixes: ['src/render/'], pure: false },
  { name: 'ui', level: 6, prefixes: ['src/ui/', 'src/main.tsx'], pure: false },
  { name: 'viewer', level: 6, prefixes: ['src/viewer/'], pure: false },
  { name: 'cli', level: 6, prefixes: ['src/cli/'], pure: false },
  { name: 'bench', level: 6, prefixes: ['bench/'], pure: false },
  // not checked itself; the benchmarks may borrow its browser helpers (tests/e2e/browser.ts)
  { name: 'tests', level: 6, prefixes: ['tests/'], pure: false, onlyFrom: ['bench'] },
];

/** Folders whose .ts/.tsx files are checked (test files `*.test.ts` are skipped). */
export const SOURCE_ROOTS = ['src', 'workers', 'bench'];

/**
 * Bare module specifiers a pure layer must not reach: exact names, or prefixes ending in `/`.
 * Node built-ins (`node:*` and the bare names of `module.builtinModules`) are banned too.
 */
export const PURE_BANNED_PACKAGES = [
  'three',
  'three/',
  'react',
  'react/',
  'react-dom',
  'react-dom/',
  '@react-three/',
  'cesium',
  'cesium/',
  'zustand',
  'zustand/',
  '3d-tiles-renderer',
  '3d-tiles-renderer/',
  'idb',
  'uplot',
  'vitest',
];

/**
 * Known upward arrows that other work in progress removes, each with its issue reference.
 * An arrow listed here is reported but does not fail the check; an entry that no longer
 * matches an import is reported as stale (remove it). Keys: `importer -> imported`, paths
 * relative to the repository root. Keep this list short and honest: the target is empty.
 */
export const KNOWN_UPWARD_ARROWS: Record<string, string> = {};

/**
 * Known pure files that reach a banned module, each with its issue reference (same rules as
 * the allow-list above). Key: the pure file.
 */
export const KNOWN_IMPURE_FILES: Record<string, string> = {};
