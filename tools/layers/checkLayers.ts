/**
 * Checks the import rules of tools/layers/layerRules.ts over the source tree, following
 * imports transitively: upward arrows between layers, and pure files that reach a Node
 * built-in or a browser-only package through any chain of local imports.
 *
 * TypeScript-free on purpose (the repo's TypeScript 7 has no JS parser API): comments are
 * stripped, then `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')` and
 * `new URL('…', import.meta.url)` specifiers are read with regular expressions, and relative
 * ones resolved to files.
 *
 * Usage: `tsx tools/layers/checkLayers.ts [--list]` (exit 1 on a violation not allow-listed;
 * `--list` prints every upward arrow, allow-listed or not).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  KNOWN_IMPURE_FILES,
  KNOWN_UPWARD_ARROWS,
  LAYERS,
  type Layer,
  PURE_BANNED_PACKAGES,
  SOURCE_ROOTS,
} from './layerRules.ts';

export interface ImportEdge {
  /** Importer, relative to the root, `/`-separated. */
  from: string;
  /** Resolved local file (relative, `/`-separated), or the bare specifier of a package. */
  to: string;
  /** True when `to` is a package or built-in, not a local file. */
  external: boolean;
}

export interface UpwardArrow {
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
  /** Issue reference of the allow-list entry, when the arrow is allow-listed. */
  allowed?: string;
}

export interface ImpureReach {
  /** The pure file. */
  file: string;
  /** The chain of files from `file` to the one importing `banned`. */
  chain: string[];
  /** The banned module reached. */
  banned: string;
  /** Issue reference of the allow-list entry, when the file is allow-listed. */
  allowed?: string;
}

export interface LayerReport {
  files: number;
  edges: number;
  upward: UpwardArrow[];
  impure: ImpureReach[];
  /** Relative imports that resolve to no file. */
  unresolved: { from: string; specifier: string }[];
  /** Local imports outside the layers, or into a layer closed to the importer (e.g. src importing tests/). */
  outside: { from: string; to: string }[];
  /** Allow-list entries that matched no import. */
  stale: string[];
}

export interface CheckOptions {
  layers?: Layer[];
  sourceRoots?: string[];
  bannedPackages?: string[];
  allowList?: Record<string, string>;
  impureAllowList?: Record<string, string>;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts'];
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.jsx'];
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** Removes // and /* comments, keeping string and template literals intact. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      const start = i;
      i++;
      while (i < n && source[i] !== c) {
        if (source[i] === '\\') i++;
        else if (c !== '`' && source[i] === '\n') break;
        i++;
      }
      i++;
      out += source.slice(start, i);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Module specifiers a TypeScript source imports (static, re-exports, side effects, dynamic, worker URLs). */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const patterns = [
    /(?:^|[;\s}])(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
    /(?:^|[;\s])import\s*['"]([^'"\n]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
    /\bnew\s+URL\s*\(\s*['"]([^'"\n]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function listSources(root: string, folder: string, into: string[]): void {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listSources(root, path, into);
    } else if (
      SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) &&
      !entry.name.endsWith('.d.ts') &&
      !/\.test\.tsx?$/.test(entry.name)
    ) {
      into.push(path);
    }
  }
}

/** The layer of a root-relative path: the one with the longest matching prefix. */
export function layerOf(path: string, layers: Layer[] = LAYERS): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of layers) {
    for (const prefix of layer.prefixes) {
      if ((path === prefix || path.startsWith(prefix)) && prefix.length > bestLength) {
        best = layer;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

function isBanned(specifier: string, banned: string[]): boolean {
  if (specifier.startsWith('node:')) return true;
  const bare = specifier.split('/')[0]!;
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(bare)) return true;
  return banned.some((name) => (name.endsWith('/') ? specifier.startsWith(name) : specifier === name));
}

function resolveLocal(root: string, from: string, specifier: string): string | undefined {
  const clean = specifier.replace(/[?#].*$/, '');
  const base = resolve(root, dirname(from), clean);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (existsSync(candidate) && statSync(candidate).isFile()) return toPosix(relative(root, candidate));
  }
  // `./x.js` written for a `./x.ts` source
  const stem = base.replace(/\.(m?js)$/, '');
  for (const ext of SOURCE_EXTENSIONS) {
    if (stem !== base && existsSync(stem + ext)) return toPosix(relative(root, stem + ext));
  }
  return undefined;
}

/** Reads the import graph of the source folders under `root`. */
export function readImportGraph(
  root: string,
  sourceRoots: string[] = SOURCE_ROOTS,
): { files: string[]; edges: ImportEdge[]; unresolved: { from: string; specifier: string }[] } {
  const files: string[] = [];
  for (const folder of sourceRoots) listSources(root, folder, files);
  files.sort();
  const edges: ImportEdge[] = [];
  const unresolved: { from: string; specifier: string }[] = [];
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const to = resolveLocal(root, file, specifier);
        if (to === undefined) unresolved.push({ from: file, specifier });
        else edges.push({ from: file, to, external: false });
      } else {
        edges.push({ from: file, to: specifier, external: true });
      }
    }
  }
  return { files, edges, unresolved };
}

/** Checks the layer rules over the tree at `root`. */
export function checkLayers(root: string, options: CheckOptions = {}): LayerReport {
  const layers = options.layers ?? LAYERS;
  const banned = options.bannedPackages ?? PURE_BANNED_PACKAGES;
  const allowList = options.allowList ?? KNOWN_UPWARD_ARROWS;
  const impureAllowList = options.impureAllowList ?? KNOWN_IMPURE_FILES;
  const { files, edges, unresolved } = readImportGraph(root, options.sourceRoots ?? SOURCE_ROOTS);

  const upward: UpwardArrow[] = [];
  const outside: { from: string; to: string }[] = [];
  const usedAllowances = new Set<string>();
  const seenArrows = new Set<string>();
  const localImports = new Map<string, string[]>();
  const bannedImports = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.external) {
      if (isBanned(edge.to, banned)) {
        const list = bannedImports.get(edge.from) ?? [];
        list.push(edge.to);
        bannedImports.set(edge.from, list);
      }
      continue;
    }
    // data files (JSON documents, styles, images) are not modules of a layer
    if (!CODE_EXTENSIONS.some((ext) => edge.to.endsWith(ext))) continue;
    const list = localImports.get(edge.from) ?? [];
    list.push(edge.to);
    localImports.set(edge.from, list);
    const fromLayer = layerOf(edge.from, layers);
    const toLayer = layerOf(edge.to, layers);
    if (toLayer === undefined || fromLayer === undefined) {
      outside.push({ from: edge.from, to: edge.to });
      continue;
    }
    if (toLayer.onlyFrom !== undefined && !toLayer.onlyFrom.includes(fromLayer.name)) {
      outside.push({ from: edge.from, to: edge.to });
      continue;
    }
    if (toLayer.level > fromLayer.level) {
      const key = `${edge.from} -> ${edge.to}`;
      if (seenArrows.has(key)) continue;
      seenArrows.add(key);
      const arrow: UpwardArrow = {
        from: edge.from,
        to: edge.to,
        fromLayer: fromLayer.name,
        toLayer: toLayer.name,
      };
      const allowed = allowList[key];
      if (allowed !== undefined) {
        arrow.allowed = allowed;
        usedAllowances.add(key);
      }
      upward.push(arrow);
    }
  }

  // Transitive reach of banned modules from pure files: breadth-first, shortest chain first.
  const impure: ImpureReach[] = [];
  for (const file of files) {
    if (!layerOf(file, layers)?.pure) continue;
    const previous = new Map<string, string | null>([[file, null]]);
    const queue = [file];
    let hit: { at: string; banned: string } | undefined;
    while (queue.length > 0 && hit === undefined) {
      const current = queue.shift()!;
      const direct = bannedImports.get(current);
      if (direct !== undefined) {
        hit = { at: current, banned: direct[0]! };
        break;
      }
      for (const next of localImports.get(current) ?? []) {
        if (!previous.has(next)) {
          previous.set(next, current);
          queue.push(next);
        }
      }
    }
    if (hit !== undefined) {
      const chain: string[] = [];
      for (let at: string | null | undefined = hit.at; at != null; at = previous.get(at)) chain.unshift(at);
      const reach: ImpureReach = { file, chain, banned: hit.banned };
      const allowed = impureAllowList[file];
      if (allowed !== undefined) {
        reach.allowed = allowed;
        usedAllowances.add(file);
      }
      impure.push(reach);
    }
  }

  const stale = [...Object.keys(allowList), ...Object.keys(impureAllowList)].filter(
    (key) => !usedAllowances.has(key),
  );
  return { files: files.length, edges: edges.length, upward, impure, unresolved, outside, stale };
}

/** Human-readable lines of a report, and whether it fails. */
export function formatReport(report: LayerReport, listAll = false): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  const blocking = report.upward.filter((arrow) => arrow.allowed === undefined);
  const allowed = report.upward.filter((arrow) => arrow.allowed !== undefined);
  const impureBlocking = report.impure.filter((reach) => reach.allowed === undefined);
  lines.push(
    `layers: ${report.files} files, ${report.edges} imports; upward arrows: ${report.upward.length} ` +
      `(${allowed.length} allow-listed, ${blocking.length} not); pure files reaching banned modules: ` +
      `${report.impure.length} (${report.impure.length - impureBlocking.length} allow-listed)`,
  );
  for (const arrow of blocking) {
    lines.push(`  upward: ${arrow.from} (${arrow.fromLayer}) -> ${arrow.to} (${arrow.toLayer})`);
  }
  if (listAll) {
    for (const arrow of allowed) {
      lines.push(
        `  allowed: ${arrow.from} (${arrow.fromLayer}) -> ${arrow.to} (${arrow.toLayer})  [${arrow.allowed}]`,
      );
    }
  }
  for (const reach of report.impure) {
    if (reach.allowed !== undefined && !listAll) continue;
    const tag = reach.allowed === undefined ? 'impure' : 'allowed impure';
    const note = reach.allowed === undefined ? '' : `  [${reach.allowed}]`;
    lines.push(`  ${tag}: ${reach.file} reaches '${reach.banned}' via ${reach.chain.join(' -> ')}${note}`);
  }
  for (const item of report.unresolved) lines.push(`  unresolved: ${item.from} imports '${item.specifier}'`);
  for (const item of report.outside) lines.push(`  not allowed: ${item.from} -> ${item.to}`);
  for (const key of report.stale) lines.push(`  note: stale allow-list entry (remove it): ${key}`);
  const failed =
    blocking.length > 0 ||
    impureBlocking.length > 0 ||
    report.unresolved.length > 0 ||
    report.outside.length > 0;
  return { lines, failed };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { lines, failed } = formatReport(checkLayers(root), process.argv.includes('--list'));
  for (const line of lines) console.log(line);
  process.exitCode = failed ? 1 : 0;
}
