/**
 * The whole `twin data build` pipeline as one pure function: input bytes/documents in, output
 * files (name → bytes or text) and counts out. Deterministic: the same inputs and seed give
 * byte-identical files. File I/O lives in src/data/node/runDataBuild.ts.
 */
import { InputError } from '../../core/errors.ts';
import type { RasterGrid } from '../grid/rasterGrid.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { osmBuildings } from './buildings.ts';
import { encodeBuildings } from '../formats/buildings.ts';
import { encodeBuildingsBinary } from '../formats/buildingsBinary.ts';
import { featureCollectionText, polygonFeature } from './geojson.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { encodeRoads } from '../formats/roads.ts';
import { encodeRoadsBinary } from '../formats/roadsBinary.ts';
import { buildRoadGraph } from './roads.ts';
import { fillSyntheticBuildings } from './syntheticBuildings.ts';
import { buildTerrain, TERRAIN_CLASSES, UPLAND_HILLS } from './terrain.ts';
import { terrainMetaDocument } from '../formats/terrain.ts';
import { CENSUS_WARDS_ATTRIBUTION, censusWardsLayer, parseCensusTable } from './censusWards.ts';
import { extractLandUse } from './landUse.ts';
import { extractPois } from './pois.ts';
import { extractWards } from './wards.ts';
import { extractWater } from './water.ts';

/** Inputs, already read from disk. */
export interface DatasetInput {
  osmPbf: Uint8Array;
  /** Boundary GeoJSON document (parsed JSON). */
  boundary: unknown;
  /** Districts GeoJSON document, or undefined to skip the district layer. */
  districts: unknown;
  /** A real DEM in EPSG:32648 metres, or undefined for the synthetic terrain. */
  dem?: RasterGrid;
  /**
   * Census ward polygons (GeoJSON document with `ward_code`, `ward`, `old_district`,
   * `population_2019`), or undefined to skip `wards.geojson`.
   */
  census?: unknown;
  /** Census table text (CSV with the 2009 and 2019 populations per ward code); optional. */
  censusTable?: string;
  /** Names recorded in the manifest (file names, never absolute paths). */
  sourceNames: {
    osm: string;
    boundary: string;
    districts?: string;
    dem?: string;
    census?: string;
    censusTable?: string;
  };
  seed: number;
  /** Terrain cell size, metres (default 20). */
  terrainCellMetres?: number;
}

/** Outputs: files relative to the output folder (name → bytes or text), and counts. */
export type DatasetOutput = ReturnType<typeof buildDataset>;

/** Runs every pipeline stage. InputErrors carry the offending input's name as `file`. */
export function buildDataset(input: DatasetInput, onProgress: (stage: string) => void = () => {}) {
  const named = <T>(file: string, f: () => T): T => {
    try {
      return f();
    } catch (error) {
      if (error instanceof InputError && error.file === undefined) throw error.inFile(file);
      throw error;
    }
  };
  onProgress('reading OSM');
  const osm = named(input.sourceNames.osm, () => readOsmPbf(input.osmPbf));
  const region = named(input.sourceNames.boundary, () =>
    createRegion(polygonsFromGeoJson(input.boundary).flatMap((p) => p.polygons)),
  );
  const files = new Map<string, Uint8Array | string>();

  onProgress('roads');
  const { graph, report: roadReport } = buildRoadGraph(osm, region);
  const roadsDocument = encodeRoads(graph);
  files.set('roads.json', JSON.stringify(roadsDocument));
  files.set('roads.bin', encodeRoadsBinary(roadsDocument));

  onProgress('land use, water, POIs, admin');
  const landUse = extractLandUse(osm, region);
  files.set('landuse.geojson', featureCollectionText(landUse.features));
  const water = extractWater(osm, region);
  files.set('water.geojson', featureCollectionText(water.features));
  const pois = extractPois(osm, region);
  files.set('pois.geojson', featureCollectionText(pois.features));
  const wards = extractWards(osm, region);
  const districtFeatures =
    input.districts === undefined
      ? []
      : named(input.sourceNames.districts ?? 'districts', () => polygonsFromGeoJson(input.districts)).flatMap(
          (d) => {
            const p = d.properties;
            const f = polygonFeature(d.polygons, {
              kind: 'district',
              name: typeof p.name === 'string' ? p.name : null,
              nameEn: typeof p.name_en === 'string' ? p.name_en : null,
              osmId: typeof p.osm_relation_id === 'number' ? `r${p.osm_relation_id}` : null,
              adminLevel: 6,
            });
            return f ? [f] : [];
          },
        );
  const boundaryFeature = polygonFeature(region.polygons, {
    kind: 'boundary',
    name: 'Thủ Đức',
    adminLevel: null,
  });
  const wardFeatures = wards.map((f) => ({ ...f, properties: { ...f.properties, kind: 'ward' } }));
  files.set(
    'admin.geojson',
    featureCollectionText([
      ...(boundaryFeature ? [boundaryFeature] : []),
      ...districtFeatures,
      ...wardFeatures,
    ]),
  );
  const census =
    input.census === undefined
      ? undefined
      : (() => {
          const table =
            input.censusTable === undefined
              ? undefined
              : named(input.sourceNames.censusTable ?? 'census table', () =>
                  parseCensusTable(input.censusTable!),
                );
          return named(input.sourceNames.census ?? 'census', () => censusWardsLayer(input.census, table));
        })();
  if (census) files.set('wards.geojson', census.text);

  onProgress('buildings');
  const osmB = osmBuildings(osm, region, landUse.areas);
  const synthetic = fillSyntheticBuildings({
    region,
    landUse: landUse.areas,
    water: water.areas,
    roads: graph,
    osmBuildings: osmB.buildings,
    seed: input.seed,
  });
  const buildings = [...osmB.buildings, ...synthetic.buildings];
  const buildingsDocument = encodeBuildings(buildings);
  files.set('buildings.json', JSON.stringify(buildingsDocument));
  files.set('buildings.bin', encodeBuildingsBinary(buildingsDocument));

  onProgress('terrain');
  const cellSizeMetres = input.terrainCellMetres ?? 20;
  const terrain = buildTerrain({
    region,
    landUse: landUse.areas,
    waterAreas: water.terrainAreas,
    waterways: water.lines,
    roads: graph,
    buildings,
    cellSizeMetres,
    seed: input.seed,
    ...(input.dem ? { dem: input.dem } : {}),
  });
  if (input.dem && terrain.demCoverage === 0) {
    const d = input.dem;
    const extent = (x0: number, y0: number, x1: number, y1: number) =>
      `x ${Math.round(x0)}–${Math.round(x1)} m, y ${Math.round(y0)}–${Math.round(y1)} m`;
    throw new InputError(
      `the DEM does not cover the city: it spans ${extent(d.xllCornerMetres, d.yllCornerMetres, d.xllCornerMetres + d.columns * d.cellSizeMetres, d.yllCornerMetres + d.rows * d.cellSizeMetres)} ` +
        `but the city's terrain grid spans ${extent(terrain.xllCornerMetres, terrain.yllCornerMetres, terrain.xllCornerMetres + terrain.columns * cellSizeMetres, terrain.yllCornerMetres + terrain.rows * cellSizeMetres)} ` +
        '(EPSG:32648, UTM 48N metres; is it in another projection?)',
      input.sourceNames.dem,
    );
  }
  const elevationDm = new Int16Array(terrain.elevationMetres.length);
  for (let i = 0; i < elevationDm.length; i++) elevationDm[i] = Math.round(terrain.elevationMetres[i]! * 10);
  files.set('terrain.i16', littleEndianBytes(elevationDm));
  files.set('landcover.u8', terrain.landCover);
  const terrainSynthetic = terrain.demCoverage === 0;
  files.set(
    'terrain.json',
    JSON.stringify(
      terrainMetaDocument({
        xllCornerMetres: terrain.xllCornerMetres,
        yllCornerMetres: terrain.yllCornerMetres,
        cellSizeMetres,
        columns: terrain.columns,
        rows: terrain.rows,
        synthetic: terrainSynthetic,
        demCoverage: Math.round(terrain.demCoverage * 1e4) / 1e4,
        source: terrainSynthetic
          ? 'synthetic: upland hills + floodplain blend by distance to water + burned channels (docs/data.md)'
          : `DEM ${input.sourceNames.dem ?? ''} (bilinear), synthetic where the DEM has no data`,
        classes: TERRAIN_CLASSES,
        model: terrainSynthetic
          ? { uplandHills: UPLAND_HILLS, bankElevationMetres: 1, floodplainMetres: 2500 }
          : null,
      }),
      null,
      1,
    ),
  );

  const counts = {
    osm: { nodes: osm.nodeCount, ways: osm.ways.length, relations: osm.relations.length },
    roads: roadReport,
    landUse: { areas: landUse.features.length, unmapped: landUse.unmapped },
    water: { areas: water.areaCount, lines: water.lineCount },
    pois: { total: pois.features.length, metroStations: pois.metroStations },
    admin: { districts: districtFeatures.length, wards: wardFeatures.length },
    buildings: {
      total: buildings.length,
      osm: osmB.buildings.length,
      synthetic: synthetic.buildings.length,
      osmHeightFrom: osmB.heightFrom,
      syntheticKinds: synthetic.counts,
    },
    terrain: { columns: terrain.columns, rows: terrain.rows, cellSizeMetres, synthetic: terrainSynthetic },
    ...(census
      ? {
          census: {
            wards: census.wards,
            vertices: census.vertices,
            population2009: census.population2009,
            population2019: census.population2019,
          },
        }
      : {}),
  };
  files.set('manifest.json', manifestText(files, counts, input));
  return { files, counts };
}

function littleEndianBytes(values: Int16Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setInt16(2 * i, values[i]!, true);
  return out;
}

const DESCRIPTIONS: Record<string, string> = {
  'roads.json': 'routable road graph (twin-roads/1): nodes, directed links, segment polylines; scene metres',
  'landuse.geojson': 'land-use areas mapped to scenario land-use codes, clipped to the boundary; WGS84',
  'water.geojson': 'water areas and linear waterways (with widthMetres), clipped; WGS84',
  'pois.geojson':
    'schools, universities, hospitals, clinics, markets, parks, stations (Metro Line 1 marked); WGS84',
  'admin.geojson':
    'boundary, districts (admin_level 6) and wards (admin_level 8 where OSM 2018 has them); WGS84',
  'buildings.json': 'OSM and synthetic building footprints with heights (twin-buildings/1); scene metres',
  'buildings.bin':
    'buildings.json in the binary column container, read by the workbench (docs/binary-dataset.md)',
  'roads.bin': 'roads.json in the binary column container, read by the workbench (docs/binary-dataset.md)',
  'terrain.json': 'terrain and land-cover grid metadata (EPSG:32648, north-first rows)',
  'terrain.i16': 'elevation grid, int16 little-endian decimetres above MSL',
  'landcover.u8': 'land-cover class per terrain cell (table in terrain.json)',
  'wards.geojson':
    'census wards of 2019 (twin-wards/1): code, name, old district, population 2009 and 2019, polygon; WGS84',
};

function manifestText(
  files: Map<string, Uint8Array | string>,
  counts: Record<string, unknown>,
  input: DatasetInput,
): string {
  const encoder = new TextEncoder();
  const list = [...files].map(([path, content]) => ({
    path,
    bytes: typeof content === 'string' ? encoder.encode(content).length : content.length,
    description: DESCRIPTIONS[path] ?? '',
  }));
  return JSON.stringify(
    {
      format: 'twin-dataset/1',
      name: 'Thủ Đức (2018 OpenStreetMap)',
      generatedBy: 'twin data build',
      seed: input.seed,
      sources: input.sourceNames,
      attribution: `© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)${
        files.has('wards.geojson') ? `; wards.geojson: ${CENSUS_WARDS_ATTRIBUTION}` : ''
      }`,
      synthetic:
        'buildings with source "synthetic" and the terrain (when terrain.json says synthetic) are generated, not surveyed',
      files: list,
      counts,
    },
    null,
    1,
  );
}
