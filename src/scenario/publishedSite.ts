/**
 * The public site written by `twin publish` (docs/publish.md): what `data/site.json` holds for the
 * viewer, the Content-Security-Policy it is served under, and the pure conversions from a
 * scenario run to the site's layers (flood maximum depth on a longitude/latitude grid, traffic
 * volumes as slim GeoJSON lines). The CLI runs the pipeline and writes the files.
 */
import { fromUtm48n, toUtm48n } from '../core/utm48n.ts';
import { cellAt, type RasterGrid } from '../data/grid/rasterGrid.ts';
import { KPI_DEFINITIONS, type Kpis } from './kpis.ts';
import type { BilingualText, Scenario } from './scenario.ts';
import type { SiteTerrain } from './siteTerrain.ts';

/** Format tag of data/site.json. */
export const SITE_FORMAT = 'twin-site/1';

/**
 * The policy the site is written for: shipped as a `<meta http-equiv>` tag in index.html and to
 * be sent as a header by hosts that can (README.md of the site). Nothing is fetched from outside.
 */
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'";

/** Size limits of the site, bytes: the buildings tileset (a phone downloads it) and everything. */
export const SITE_LIMITS = { buildingsBytes: 25 * 1024 * 1024, siteBytes: 60 * 1024 * 1024 } as const;

/** KPIs shown as cards, in this order, when the run reports them. */
export const PUBLISHED_KPIS: readonly string[] = [
  'landuse.residents',
  'landuse.jobs',
  'flood.floodedAreaKm2',
  'flood.floodedAreaOver30cmKm2',
  'flood.residentsAffected',
  'flood.roadLengthClosedKm',
  'traffic.averageSpeedKmh',
  'traffic.travelTimeBurdenHours',
  'traffic.closedLinkKm',
];

/** One KPI card: value from the pipeline run, label and unit from the KPI definitions. */
export interface SiteKpi {
  key: string;
  label: BilingualText;
  unit: string;
  value: number;
  better: 'higher' | 'lower';
}

/** One assumption of a published scenario: an edit of the plan (type and id) or a setting. */
export interface SiteAssumption {
  /** Edit type (`dike`, `pond`, …, translated by the viewer) or `year`. */
  kind: string;
  /** Edit id, or the value of a setting. */
  detail: string;
}

/** A published scenario as the viewer reads it. */
export interface SiteScenario {
  id: string;
  name: BilingualText;
  description: BilingualText;
  year: number;
  assumptions: SiteAssumption[];
  kpis: SiteKpi[];
  /** Site-relative file of the flood maximum depth ({@link SiteDepthGrid}), when the flood stage ran. */
  floodMaxDepth?: string;
  /** Site-relative file of the traffic volumes ({@link SiteTrafficLines}), when the traffic stage ran. */
  trafficVolumes?: string;
  /** Site-relative file of the proposed massing (siteMassing.ts), when zoning edits rebuild parcels. */
  proposedMassing?: string;
  /** Site-relative file of the rezoned areas (siteZoningEdits.ts), when the scenario has zoning edits. */
  zoningEdits?: string;
}

/** data/site.json. */
export interface SiteManifest {
  format: typeof SITE_FORMAT;
  /** Site-relative tileset of today's buildings (quantized, meshopt-compressed glb, levels of detail). */
  buildings: string;
  /** The ground (siteTerrain.ts): the dataset's elevation on a longitude/latitude lattice. */
  terrain?: SiteTerrain;
  /** Site-relative land-use plan (GeoJSON polygons with `use`, `vi`, `en`). */
  zoning: string;
  /** Site-relative wards (GeoJSON polygons with `name`), for the search. */
  wards: string;
  /** Site-relative streets and places (sitePlaces.ts), searched after the wards. */
  places: string;
  scenarios: SiteScenario[];
  attribution: string;
  /** Where readers' comments are sent (a path on the site's host), or absent: export only. */
  commentsEndpoint?: string;
}

/** The flood maximum depth resampled on a longitude/latitude grid (row 0 north). */
export interface SiteDepthGrid {
  west: number;
  south: number;
  east: number;
  north: number;
  columns: number;
  rows: number;
  /** Depth per cell, centimetres (0 for dry cells and cells outside the city). */
  depthCentimetres: number[];
}

/** Properties of one traffic line: volume and capacity, PCU/h; closed by the scenario or flood. */
export interface SiteTrafficProperties {
  volumePcuPerHour: number;
  capacityPcuPerHour: number;
  closed: boolean;
}

/** Traffic volumes as GeoJSON LineStrings (WGS84, 5 decimals ≈ 1 m). */
export interface SiteTrafficLines {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: SiteTrafficProperties;
    geometry: { type: 'LineString'; coordinates: number[][] };
  }>;
}

/** KPI cards of a run, in {@link PUBLISHED_KPIS} order, skipping the ones it did not report. */
export function siteKpisOf(kpis: Kpis): SiteKpi[] {
  const cards: SiteKpi[] = [];
  for (const key of PUBLISHED_KPIS) {
    const value = kpis[key];
    const definition = KPI_DEFINITIONS.find((d) => d.key === key);
    if (value === undefined || !definition) continue;
    cards.push({ key, label: definition.label, unit: definition.unit, value, better: definition.better });
  }
  return cards;
}

/** The plan's assumptions: the scenario year and each edit (type, id). */
export function siteAssumptionsOf(scenario: Scenario): SiteAssumption[] {
  return [
    { kind: 'year', detail: String(scenario.year) },
    ...scenario.edits.map((edit) => ({ kind: edit.type, detail: edit.id })),
  ];
}

/** The manifest entry of a published scenario (layer files as given, site-relative). */
export function siteScenarioOf(
  scenario: Scenario,
  kpis: Kpis,
  layers: Pick<SiteScenario, 'floodMaxDepth' | 'trafficVolumes' | 'proposedMassing' | 'zoningEdits'>,
): SiteScenario {
  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description ?? { vi: '', en: '' },
    year: scenario.year,
    assumptions: siteAssumptionsOf(scenario),
    kpis: siteKpisOf(kpis),
    ...layers,
  };
}

/**
 * Resamples a UTM 48N depth raster (metres, NaN outside) onto a longitude/latitude grid over its
 * bounding box with the same number of cells (nearest cell), in whole centimetres.
 */
export function depthGridOnLonLat(grid: RasterGrid): SiteDepthGrid {
  const east = grid.xllCornerMetres + grid.columns * grid.cellSizeMetres;
  const north = grid.yllCornerMetres + grid.rows * grid.cellSizeMetres;
  const corners = [
    fromUtm48n(grid.xllCornerMetres, grid.yllCornerMetres),
    fromUtm48n(east, grid.yllCornerMetres),
    fromUtm48n(grid.xllCornerMetres, north),
    fromUtm48n(east, north),
  ];
  const box = {
    west: Math.min(...corners.map((c) => c[0])),
    east: Math.max(...corners.map((c) => c[0])),
    south: Math.min(...corners.map((c) => c[1])),
    north: Math.max(...corners.map((c) => c[1])),
  };
  const depthCentimetres = new Array<number>(grid.columns * grid.rows).fill(0);
  const dLon = (box.east - box.west) / grid.columns;
  const dLat = (box.north - box.south) / grid.rows;
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.columns; col++) {
      const [x, y] = toUtm48n(box.west + (col + 0.5) * dLon, box.north - (row + 0.5) * dLat);
      const cell = cellAt(grid, x, y);
      if (!cell) continue;
      const depth = grid.values[cell[0] * grid.columns + cell[1]]!;
      if (depth > 0) depthCentimetres[row * grid.columns + col] = Math.round(depth * 100);
    }
  }
  return { ...box, columns: grid.columns, rows: grid.rows, depthCentimetres };
}

/** Traffic links that carry traffic or are closed, with coordinates to 5 decimals. */
export function siteTrafficLinesOf(links: {
  features: ReadonlyArray<{
    properties: { volumePcuPerHour: number; capacityPcuPerHour: number; closed: boolean };
    geometry: { coordinates: ReadonlyArray<readonly number[]> };
  }>;
}): SiteTrafficLines {
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    type: 'FeatureCollection',
    features: links.features
      .filter((f) => f.properties.volumePcuPerHour > 0 || f.properties.closed)
      .map((f) => ({
        type: 'Feature' as const,
        properties: {
          volumePcuPerHour: Math.round(f.properties.volumePcuPerHour),
          capacityPcuPerHour: Math.round(f.properties.capacityPcuPerHour),
          closed: f.properties.closed,
        },
        geometry: {
          type: 'LineString' as const,
          coordinates: f.geometry.coordinates.map((c) => [round(c[0]!), round(c[1]!)]),
        },
      })),
  };
}

/** A GeoJSON FeatureCollection of polygons, as the dataset's land-use and wards files hold them. */
export interface PolygonCollection {
  type?: string;
  features: ReadonlyArray<{
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown };
  }>;
}

/** Rounds every number in nested coordinate arrays to 5 decimals (≈ 1 m). */
function roundCoordinates(value: unknown): unknown {
  return Array.isArray(value) ? value.map(roundCoordinates) : Math.round((value as number) * 1e5) / 1e5;
}

/** The polygons with only the properties `keep` and coordinates to 5 decimals (smaller files). */
export function slimPolygons(collection: PolygonCollection, keep: readonly string[]): PolygonCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      properties: Object.fromEntries(keep.map((key) => [key, feature.properties[key]])),
      geometry: { type: feature.geometry.type, coordinates: roundCoordinates(feature.geometry.coordinates) },
    })),
  };
}

/** README.md of the site, for whoever hosts it: what it is, how to serve it, the CSP. */
export function siteReadme(scenarios: readonly SiteScenario[]): string {
  return `# Thủ Đức Twin — published scenarios

A static site written by \`twin publish\`: ${scenarios.map((s) => `${s.name.vi} (${s.id})`).join(', ')}.
Serve this folder from any static host (no server code, no special headers; the viewer does
not need SharedArrayBuffer, so no COOP/COEP). It fetches nothing from outside this folder.

index.html carries this Content-Security-Policy as a <meta> tag; hosts that can should also
send it as a header:

    Content-Security-Policy: ${SITE_CSP}

Layout: index.html and assets/ (the viewer), cesium/ (CesiumJS workers and images),
data/site.json (scenarios, KPIs, layer files), data/buildings/ (3D Tiles 1.1, quantized and
meshopt-compressed glb, levels of detail), data/terrain.bin (ground heights), data/zoning.geojson,
data/wards.geojson, data/scenarios/<id>/ (flood-max-depth.json, traffic-volumes.geojson,
proposed-massing.geojson, zoning-edits.geojson).

Map data © OpenStreetMap contributors (ODbL). Synthetic buildings and terrain are marked.
`;
}
