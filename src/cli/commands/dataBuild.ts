import { existsSync } from 'node:fs';
import { UsageError } from '../../core/errors.ts';
import { runDataBuild } from '../../data/node/runDataBuild.ts';
import { type Command, numberOption, parseCommandArgs } from '../command.ts';
import { log, printJson } from '../io.ts';

const SHARED = '../shared/data/thuduc';
const CENSUS = '../shared/data/census/thuduc-wards-2019.geojson';
const usage = `Usage: twin data build [--osm FILE.osm.pbf] [--boundary FILE.geojson] [--districts FILE.geojson]
                       [--dem FILE] [--census FILE.geojson|none] [--census-table FILE.csv]
                       [--out DIR] [--seed N] [--json] [--progress]

Builds the default dataset from an OpenStreetMap extract: road graph, land use, water, POIs,
admin areas, OSM + synthetic buildings, terrain and land-cover grids, census wards, manifest.
  --osm        OSM PBF extract          (default ${SHARED}/thuduc-2018.osm.pbf)
  --boundary   clip polygon, GeoJSON    (default ${SHARED}/boundary.geojson)
  --districts  district polygons        (default ${SHARED}/districts.geojson, skipped if absent)
  --dem        real DEM, GeoTIFF or ESRI ASCII in EPSG:32648 metres (default: synthetic terrain)
  --census     census ward polygons with population_2019 → wards.geojson
               (default ${CENSUS}, skipped if absent; "none" skips it)
  --census-table  census CSV with population_2009/2019 by ward_code
               (default: the --census file with .csv instead of .geojson, skipped if absent)
  --out        output folder            (default public/data/thuduc)
  --seed       synthetic-data seed      (default 1)
Same inputs and seed give byte-identical files.`;

export const dataBuild: Command = {
  name: 'data build',
  summary: 'build the default dataset (roads, land use, buildings, terrain) from OSM',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        osm: { type: 'string' },
        boundary: { type: 'string' },
        districts: { type: 'string' },
        dem: { type: 'string' },
        census: { type: 'string' },
        'census-table': { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    const seed = numberOption(values.seed, 'seed', 1);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed expects a non-negative integer');
    const defaultDistricts = `${SHARED}/districts.geojson`;
    const districtsFile = values.districts ?? (existsSync(defaultDistricts) ? defaultDistricts : undefined);
    const censusFile =
      values.census === 'none' ? undefined : (values.census ?? (existsSync(CENSUS) ? CENSUS : undefined));
    const defaultTable = censusFile?.replace(/\.geojson$/, '.csv');
    const censusTableFile =
      censusFile === undefined
        ? undefined
        : (values['census-table'] ??
          (defaultTable !== censusFile && defaultTable && existsSync(defaultTable)
            ? defaultTable
            : undefined));
    const showProgress = values.progress === true || process.stderr.isTTY === true;
    const result = await runDataBuild(
      {
        osmFile: values.osm ?? `${SHARED}/thuduc-2018.osm.pbf`,
        boundaryFile: values.boundary ?? `${SHARED}/boundary.geojson`,
        districtsFile,
        demFile: values.dem,
        censusFile,
        censusTableFile,
        outDir: values.out ?? 'public/data/thuduc',
        seed,
      },
      showProgress ? (stage) => log(`data build: ${stage}`) : () => {},
    );
    if (values.json) printJson(result);
    else {
      const b = result.buildings;
      process.stdout.write(
        `wrote ${Object.keys(result.files).length} files (${(result.totalBytes / 1e6).toFixed(1)} MB) in ${result.seconds} s: ` +
          `${result.roads.links} road links, ${b.osm} OSM + ${b.synthetic} synthetic buildings\n`,
      );
    }
    return 0;
  },
};
