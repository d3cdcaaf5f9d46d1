import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError, UsageError } from '../../core/errors.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { commentsEndpoint } from '../../scenario/publicComments.ts';
import { sitePlacesOf } from '../../scenario/sitePlaces.ts';
import { siteZoningEditsOf } from '../../scenario/siteZoningEdits.ts';
import { type CompressedTilesetSize, writeCompressedTileset } from '../../data/node/compressTileset.ts';
import { decodeBuildings } from '../../data/formats/buildings.ts';
import { terrainGrids } from '../../data/formats/terrain.ts';
import { buildTileset } from '../../data/tiles3d/buildTileset.ts';
import { footprintGround, type SiteTerrainLattice, siteTerrainOf } from '../../scenario/siteTerrain.ts';
import {
  type PolygonCollection,
  SITE_FORMAT,
  SITE_LIMITS,
  type SiteManifest,
  type SiteScenario,
  siteReadme,
  siteScenarioOf,
  slimPolygons,
} from '../../scenario/publishedSite.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { inFile, log, printJson, progressReporter } from '../io.ts';
import { cachedPublishedRun, publishedRunOf } from '../publish/siteData.ts';
import { siteBundle } from '../publish/siteBundle.ts';
import { createScenarioRunner, loadScenario, readDefaultDataset } from '../scenarioRunner.ts';

const DATASET = 'public/data/thuduc';
const SCENARIOS = 'scenarios';
/**
 * The site's buildings tileset: leaves of at most 4000 buildings, and every split tile keeps its
 * 2000 most prominent ones, so a whole-city view draws a few thousand buildings from the top tiles.
 */
const SITE_BUILDING_TILES = { maxBuildingsPerTile: 4000, buildingsPerParentTile: 2000 } as const;

const usage = `Usage: twin publish --scenarios ID,ID [--out DIR] [--comments-endpoint PATH] [--json] [--progress]

Writes a static public site of published scenarios into DIR (default public-site; replaced if it
holds an earlier site, refused if it holds anything else): the CesiumJS viewer (built once per
version of its sources), the ground from the dataset's elevation, today's buildings as 3D Tiles
with levels of detail and quantized, meshopt-compressed glb, the land-use plan, and per scenario
(${SCENARIOS}/ID.json) its description, assumptions and KPIs from a pipeline run (cached while the
scenario, the code and the dataset are unchanged), the flood maximum depth, the traffic volumes
and the proposed massing and rezoned areas of its zoning edits. The site works on any static host
under the Content-Security-Policy in its README.md (docs/publish.md). Readers' comments (góp ý)
are kept in their browser and exported as GeoJSON; with --comments-endpoint they can also be
POSTed (GeoJSON) to PATH on the site's own host (e.g. /api/comments: the CSP allows connecting to the site only).
  --json   print {"out", "files", "bytes", "scenarios"}`;

/** Scenario ids of `--scenarios` (usage error when missing, empty or repeated). */
export function parseScenarioIds(value: string | undefined): string[] {
  const ids = (value ?? '').split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new UsageError(`--scenarios expects ID,ID\n\n${usage}`);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new UsageError(`--scenarios names ${repeated} twice`);
  return ids;
}

/** Loads scenarios/ID.json for each id; an unknown id is an input error naming it. */
async function loadPublished(ids: readonly string[]): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const id of ids) {
    const file = join(SCENARIOS, `${id}.json`);
    if (!/^[\w-]+$/.test(id) || !existsSync(file)) {
      const known = readdirSync(SCENARIOS)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -5));
      throw new InputError(`unknown scenario id "${id}" (known: ${known.join(', ')})`, SCENARIOS);
    }
    const scenario = await loadScenario(file);
    if (scenario.id !== id) throw new InputError(`holds scenario "${scenario.id}", not "${id}"`, file);
    scenarios.push(scenario);
  }
  return scenarios;
}

/** Empties `dir` for a new site: refused when it holds files that are not an earlier site. */
function prepareOutDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InputError('--out expects a folder, but this is a file', dir);
    const earlierSite = existsSync(join(dir, 'data', 'site.json'));
    if (readdirSync(dir).length > 0 && !earlierSite)
      throw new InputError('--out folder is not empty and holds no earlier site; not replacing it', dir);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/** Every file under `dir` with its size, bytes. */
function filesUnder(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

/** Int16 values as little-endian bytes (data/terrain.bin), whatever the machine's byte order. */
function int16LittleEndian(values: Int16Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  for (const [i, value] of values.entries()) view.setInt16(i * 2, value, true);
  return bytes;
}

/**
 * Today's buildings as the site's tileset (docs/publish.md, "Buildings"): standing on the site's
 * ground, with levels of detail, quantized and meshopt-compressed; logs bytes and levels.
 */
async function writeSiteBuildings(
  lattice: SiteTerrainLattice,
  decimetres: Int16Array,
  dir: string,
): Promise<CompressedTilesetSize> {
  const source = join(DATASET, 'buildings.json');
  const buildings = inFile(source, () => decodeBuildings(JSON.parse(readFileSync(source, 'utf8'))));
  const tileset = buildTileset(buildings, {
    placement: 'globe',
    ...SITE_BUILDING_TILES,
    baseMetres: (i) =>
      footprintGround(
        lattice,
        decimetres,
        buildings[i]!.footprint.map(([east, north]) => fromSceneMetres(east, north)),
      ),
  });
  const size = await writeCompressedTileset(tileset, dir);
  log(`buildings: ${size.tiles} tiles, ${size.bytesBefore} → ${size.bytesAfter} bytes`);
  for (const [depth, level] of size.levels.entries())
    log(`  level ${depth}: ${level.tiles} tiles, ${level.triangles} triangles, ${level.bytes} bytes`);
  return size;
}

/** Writes a JSON file under the site folder; returns its site-relative path. */
function writeSiteJson(out: string, path: string, value: unknown): string {
  const file = join(out, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
  return path;
}

export const publish: Command = {
  name: 'publish',
  summary: 'write a static public site of published scenarios (viewer, buildings, results)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { scenarios: { type: 'string' }, out: { type: 'string' }, 'comments-endpoint': { type: 'string' } },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    if (values.scenarios === undefined) throw new UsageError(`--scenarios is required\n\n${usage}`);
    if (values.out === '') throw new UsageError(`--out expects a folder\n\n${usage}`);
    const ids = parseScenarioIds(values.scenarios);
    const endpoint = values['comments-endpoint'];
    const comments = endpoint === undefined ? {} : { commentsEndpoint: commentsEndpoint(endpoint) };
    const scenarios = await loadPublished(ids);
    const out = resolve(values.out ?? 'public-site');
    prepareOutDir(out);

    cpSync(await siteBundle(log), out, { recursive: true });
    const dataset = readDefaultDataset();
    const terrainFiles = (await dataset).terrain;
    if (!terrainFiles) throw new InputError('the dataset has no terrain (terrain.json)', DATASET);
    const { lattice, decimetres } = siteTerrainOf(terrainGrids(terrainFiles).elevation);
    const heights = 'data/terrain.bin';
    mkdirSync(join(out, 'data'), { recursive: true });
    writeFileSync(join(out, heights), int16LittleEndian(decimetres));
    await writeSiteBuildings(lattice, decimetres, join(out, 'data', 'buildings'));
    const readPolygons = (name: string) =>
      JSON.parse(readFileSync(join(DATASET, name), 'utf8')) as PolygonCollection;
    const zoning = writeSiteJson(
      out,
      'data/zoning.geojson',
      slimPolygons(readPolygons('landuse.geojson'), ['use', 'vi', 'en']),
    );
    const wards = writeSiteJson(
      out,
      'data/wards.geojson',
      slimPolygons(readPolygons('wards.geojson'), ['name']),
    );

    const { roads, pois } = await dataset;
    const places = writeSiteJson(out, 'data/places.json', roads ? sitePlacesOf(roads, pois) : []);
    const report = progressReporter('', values.progress === true);
    const runner = createScenarioRunner((_id, _stage, fraction) => report(fraction), dataset);
    const published: SiteScenario[] = [];
    for (const scenario of scenarios) {
      const started = performance.now();
      const run = await cachedPublishedRun(scenario, async () =>
        publishedRunOf(scenario, await runner(scenario), await dataset),
      );
      log(`${scenario.id}: ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const folder = `data/scenarios/${scenario.id}`;
      const zoningEdits = siteZoningEditsOf(scenario);
      published.push(
        siteScenarioOf(scenario, run.kpis, {
          ...(run.flood
            ? { floodMaxDepth: writeSiteJson(out, `${folder}/flood-max-depth.json`, run.flood) }
            : {}),
          ...(run.traffic
            ? { trafficVolumes: writeSiteJson(out, `${folder}/traffic-volumes.geojson`, run.traffic) }
            : {}),
          ...(run.massing
            ? { proposedMassing: writeSiteJson(out, `${folder}/proposed-massing.geojson`, run.massing) }
            : {}),
          ...(zoningEdits
            ? { zoningEdits: writeSiteJson(out, `${folder}/zoning-edits.geojson`, zoningEdits) }
            : {}),
        }),
      );
    }
    const manifest: SiteManifest = {
      format: SITE_FORMAT,
      buildings: 'data/buildings/tileset.json',
      terrain: { heights, ...lattice },
      zoning,
      wards,
      places,
      scenarios: published,
      attribution: '© OpenStreetMap contributors (ODbL)',
      ...comments,
    };
    writeSiteJson(out, 'data/site.json', manifest);
    writeFileSync(join(out, 'README.md'), siteReadme(published));

    const files = filesUnder(out);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const buildingBytes = files
      .filter((f) => relative(out, f.path).startsWith(join('data', 'buildings')))
      .reduce((sum, f) => sum + f.bytes, 0);
    if (buildingBytes > SITE_LIMITS.buildingsBytes || bytes > SITE_LIMITS.siteBytes)
      log(
        `warning: buildings ${buildingBytes} bytes, site ${bytes} bytes: over the limits (docs/publish.md)`,
      );
    if (values.json) printJson({ out, files: files.length, bytes, scenarios: ids });
    else log(`wrote ${files.length} files (${bytes} bytes, buildings ${buildingBytes}) into ${out}`);
    return 0;
  },
};
