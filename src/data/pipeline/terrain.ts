/**
 * Terrain and land-cover grids for the flood model, in UTM 48N (EPSG:32648), row 0 = north.
 *
 * No open DEM is available offline, so elevation is SYNTHESIZED (flagged `synthetic: true`):
 * - a regional upland surface: the highest of Gaussian hills on the north-eastern Thủ Đức
 *   terrace (Long Bình ≈ 28 m, Linh Xuân / Đại học Quốc gia ≈ 24 m, Tăng Nhơn Phú ≈ 16 m);
 * - a floodplain near rivers and canals: elevation blends from ≈ 1 m at their banks to the upland
 *   surface with a smoothstep over 2.5 km of distance (chamfer distance transform; ponds, streams
 *   and drains are burned but do not shape the floodplain),
 *   so the Saigon and Đồng Nai banks, canals and Thủ Thiêm sit at ≈ 0.5–2 m above MSL;
 * - ±0.4 m seeded value noise (wavelength ≈ 400 m);
 * - water burned in as channels cut below the local surface: 4 m at a polygon's bank deepening to
 *   9 m 150 m inside it (bed −3…−8 m on the ≈ 1 m floodplain); linear waterways 4 + width/50 m
 *   (at most 9 m), so upland streams stay shallow relative to their banks.
 * A real DEM (`--dem`, GeoTIFF or ESRI ASCII in EPSG:32648 metres) replaces the synthetic
 * surface where it has data (bilinear sampling).
 * The land-cover grid holds one class per cell (table TERRAIN_CLASSES: land use, road, building,
 * unmapped, outside) with imperviousness and Manning's n.
 */
import type { RasterGrid } from '../grid/rasterGrid.ts';
import { LAND_USES, type LandUse } from '../../core/vocabulary.ts';
import { seededRandom } from '../../core/random.ts';
import { chamferDistance } from './distanceTransform.ts';
import type { Point, Ring } from './geometry.ts';
import { fillPolygon, paintLine } from './rasterize.ts';
import type { Region } from './region.ts';
import type { RoadGraph } from '../formats/roads.ts';
import type { LandCoverClass } from '../formats/terrain.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { toUtm48n } from '../../core/utm48n.ts';
import type { LandUseArea } from './landUse.ts';
import type { WaterArea, Waterway } from './water.ts';
import type { BuildingRecord } from '../formats/buildings.ts';

const CLASS_PARAMETERS: Readonly<Record<LandUse, [imperviousness: number, manningN: number]>> = {
  residential: [0.65, 0.1],
  commercial: [0.85, 0.12],
  industrial: [0.8, 0.12],
  mixed: [0.75, 0.11],
  green: [0.05, 0.06],
  education: [0.5, 0.08],
  health: [0.6, 0.08],
  transport: [0.8, 0.03],
  water: [0, 0.035],
  agriculture: [0.05, 0.04],
  public: [0.5, 0.08],
};
const LAND_USE_VI: Readonly<Record<LandUse, string>> = {
  residential: 'Đất ở',
  commercial: 'Đất thương mại dịch vụ',
  industrial: 'Đất công nghiệp',
  mixed: 'Đất hỗn hợp',
  green: 'Đất cây xanh',
  education: 'Đất giáo dục',
  health: 'Đất y tế',
  transport: 'Đất giao thông',
  water: 'Mặt nước',
  agriculture: 'Đất nông nghiệp',
  public: 'Đất công cộng',
};

/** Code 0 = outside the boundary; 1..11 = LAND_USES in order; then road, building, unmapped. */
export const TERRAIN_CLASSES: readonly LandCoverClass[] = [
  {
    code: 0,
    name: 'outside',
    vi: 'Ngoài ranh giới',
    en: 'Outside boundary',
    imperviousness: 0,
    manningN: 0.05,
  },
  ...LAND_USES.map((use, i) => ({
    code: i + 1,
    name: use,
    vi: LAND_USE_VI[use],
    en: use[0]!.toUpperCase() + use.slice(1),
    imperviousness: CLASS_PARAMETERS[use][0],
    manningN: CLASS_PARAMETERS[use][1],
  })),
  {
    code: 12,
    name: 'road',
    vi: 'Đường giao thông',
    en: 'Road surface',
    imperviousness: 0.95,
    manningN: 0.016,
  },
  { code: 13, name: 'building', vi: 'Công trình', en: 'Building', imperviousness: 1, manningN: 0.2 },
  {
    code: 14,
    name: 'unmapped',
    vi: 'Chưa phân loại',
    en: 'Unmapped land',
    imperviousness: 0.3,
    manningN: 0.07,
  },
];
const ROAD = 12;
const BUILDING = 13;
const UNMAPPED = 14;

/** Regional upland hills (assumption; see module comment). */
export const UPLAND_HILLS: ReadonlyArray<{
  name: string;
  lon: number;
  lat: number;
  peakMetres: number;
  sigmaMetres: number;
}> = [
  { name: 'Long Bình', lon: 106.84, lat: 10.875, peakMetres: 28, sigmaMetres: 3500 },
  { name: 'Linh Xuân / Đại học Quốc gia', lon: 106.785, lat: 10.878, peakMetres: 24, sigmaMetres: 3000 },
  { name: 'Tăng Nhơn Phú', lon: 106.79, lat: 10.842, peakMetres: 16, sigmaMetres: 2500 },
];
const BANK_ELEVATION_METRES = 1;
const FLOODPLAIN_METRES = 2500;

/** The grids and their frame. */
export interface TerrainGrids {
  /** Frame shared by both grids (RasterGrid conventions, EPSG:32648). */
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
  /** Elevation, metres above MSL, row 0 north. */
  elevationMetres: Float32Array;
  /** TERRAIN_CLASSES code per cell. */
  landCover: Uint8Array;
  /** Fraction of cells whose elevation came from a real DEM (0 when synthetic). */
  demCoverage: number;
}

/** Inputs of the terrain builder (vectors in lon/lat degrees, buildings in scene metres). */
export interface TerrainInput {
  region: Region;
  landUse: readonly LandUseArea[];
  /** Water areas, unclipped (channels are burned beyond the boundary too). */
  waterAreas: readonly WaterArea[];
  /** Linear waterways, unclipped. */
  waterways: readonly Waterway[];
  roads: RoadGraph;
  buildings: readonly BuildingRecord[];
  cellSizeMetres: number;
  seed: number;
  dem?: RasterGrid;
}

/** Builds the elevation and land-cover grids over the region's bounding box. */
export function buildTerrain(input: TerrainInput): TerrainGrids {
  const cell = input.cellSizeMetres;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of input.region.polygons) {
    for (const [lon, lat] of rings[0]!) {
      const [x, y] = toUtm48n(lon, lat);
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  const xll = Math.floor(minX / cell) * cell;
  const yll = Math.floor(minY / cell) * cell;
  const columns = Math.ceil((maxX - xll) / cell);
  const rows = Math.ceil((maxY - yll) / cell);
  const yTop = yll + rows * cell;
  const toGrid = (lon: number, lat: number): Point => {
    const [x, y] = toUtm48n(lon, lat);
    return [(x - xll) / cell, (yTop - y) / cell];
  };
  const ringsToGrid = (rings: readonly Ring[]) =>
    rings.map((ring) => ring.map(([lon, lat]) => toGrid(lon, lat)));

  // Land cover: region, land use (large areas first), roads, water, buildings.
  const landCover = new Uint8Array(columns * rows);
  const cover = { values: landCover, cols: columns, rows };
  for (const rings of input.region.polygons) fillPolygon(cover, ringsToGrid(rings), UNMAPPED);
  const inside = landCover.slice();
  const sorted = input.landUse
    .map((a, i) => ({ a, i }))
    .sort((p, q) => areaOf(q.a) - areaOf(p.a) || p.i - q.i);
  for (const { a } of sorted)
    for (const rings of a.polygons) fillPolygon(cover, ringsToGrid(rings), LAND_USES.indexOf(a.use) + 1);
  const { offsets, coordinates } = input.roads.geometries;
  for (let g = 0; g + 1 < offsets.length; g++) {
    const line: Point[] = [];
    for (let k = offsets[g]!; k < offsets[g + 1]!; k++) {
      const [lon, lat] = fromSceneMetres(coordinates[2 * k]!, coordinates[2 * k + 1]!);
      line.push(toGrid(lon, lat));
    }
    paintLine(cover, line, 0.5, ROAD);
  }
  // water: 1 = lake/pond, 2 = river or canal (the floodplain is shaped by rivers and canals only).
  const water = new Uint8Array(columns * rows);
  const waterTarget = { values: water, cols: columns, rows };
  for (const a of input.waterAreas) {
    for (const rings of a.polygons) fillPolygon(waterTarget, ringsToGrid(rings), a.river ? 2 : 1);
  }
  const lineDepth = new Float32Array(columns * rows);
  const riverLines = new Uint8Array(columns * rows);
  for (const w of input.waterways) {
    const line = w.line.map(([lon, lat]) => toGrid(lon, lat));
    const halfWidth = Math.max(0.5, w.widthMetres / 2 / cell);
    paintLine(
      { values: lineDepth, cols: columns, rows },
      line,
      halfWidth,
      Math.min(9, 4 + w.widthMetres / 50),
    );
    if (w.kind === 'river' || w.kind === 'canal')
      paintLine({ values: riverLines, cols: columns, rows }, line, halfWidth, 1);
  }
  for (const b of input.buildings) {
    const ring = b.footprint.map(([e, n]) => {
      const [lon, lat] = fromSceneMetres(e, n);
      return toGrid(lon, lat);
    });
    fillPolygon(cover, [ring], BUILDING);
  }
  const waterCode = LAND_USES.indexOf('water') + 1;
  for (let i = 0; i < landCover.length; i++) {
    if ((water[i] || lineDepth[i]! > 0) && inside[i]) landCover[i] = waterCode;
    if (!inside[i]) landCover[i] = 0;
  }

  // Elevation.
  const rivers = new Uint8Array(columns * rows);
  for (let i = 0; i < rivers.length; i++) rivers[i] = water[i] === 2 || riverLines[i] ? 1 : 0;
  const toWater = chamferDistance(rivers, columns, rows);
  const notWater = new Uint8Array(columns * rows);
  for (let i = 0; i < notWater.length; i++) notWater[i] = water[i] ? 0 : 1;
  const toBank = chamferDistance(notWater, columns, rows);
  const hills = UPLAND_HILLS.map((h) => {
    const [x, y] = toUtm48n(h.lon, h.lat);
    return { x, y, peak: h.peakMetres, twoSigma2: 2 * h.sigmaMetres * h.sigmaMetres };
  });
  const noise = valueNoise(input.seed, 400 / cell);
  const elevationMetres = new Float32Array(columns * rows);
  let demCells = 0;
  for (let r = 0; r < rows; r++) {
    const y = yTop - (r + 0.5) * cell;
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const x = xll + (c + 0.5) * cell;
      if (input.dem) {
        const z = sampleBilinear(input.dem, x, y);
        if (Number.isFinite(z)) {
          elevationMetres[i] = z;
          demCells++;
          continue;
        }
      }
      let upland = 0;
      for (const h of hills) {
        const dx = x - h.x;
        const dy = y - h.y;
        upland = Math.max(upland, h.peak * Math.exp(-(dx * dx + dy * dy) / h.twoSigma2));
      }
      const t = Math.min(1, (toWater[i]! * cell) / FLOODPLAIN_METRES);
      const blend = t * t * (3 - 2 * t);
      const base = BANK_ELEVATION_METRES + Math.max(0, upland - BANK_ELEVATION_METRES) * blend;
      const surface = Math.max(0.5, base + 0.4 * noise(c, r));
      // Channels are cut below the local surface: 4 m at a polygon's bank to 9 m 150 m inside it
      // (bed −3…−8 m on the ≈1 m floodplain); linear waterways 4 + width/50 m, at most 9 m.
      let channel = 0;
      if (water[i]) channel = 4 + 5 * Math.min(1, (toBank[i]! * cell) / 150);
      else if (lineDepth[i]! > 0) channel = lineDepth[i]!;
      elevationMetres[i] = surface - channel;
    }
  }
  return {
    xllCornerMetres: xll,
    yllCornerMetres: yll,
    cellSizeMetres: cell,
    columns,
    rows,
    elevationMetres,
    landCover,
    demCoverage: demCells / (columns * rows),
  };
}

function areaOf(a: LandUseArea): number {
  let s = 0;
  for (const rings of a.polygons) {
    const ring = rings[0]!;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
    }
  }
  return Math.abs(s);
}

/** Smooth value noise in [-1, 1]: seeded lattice values every `wavelengthCells`, bicubic-smoothed. */
function valueNoise(seed: number, wavelengthCells: number): (col: number, row: number) => number {
  const size = 256;
  const rng = seededRandom(seed ^ 0x5eed);
  const lattice = new Float32Array(size * size);
  for (let i = 0; i < lattice.length; i++) lattice[i] = rng.range(-1, 1);
  const at = (i: number, j: number) =>
    lattice[(((j % size) + size) % size) * size + (((i % size) + size) % size)]!;
  return (col, row) => {
    const x = col / wavelengthCells;
    const y = row / wavelengthCells;
    const i = Math.floor(x);
    const j = Math.floor(y);
    const fx = x - i;
    const fy = y - j;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const top = at(i, j) + (at(i + 1, j) - at(i, j)) * sx;
    const bottom = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * sx;
    return top + (bottom - top) * sy;
  };
}

/** Bilinear sample of a RasterGrid at (x, y) metres; NaN outside or next to NODATA. */
export function sampleBilinear(grid: RasterGrid, x: number, y: number): number {
  const fc = (x - grid.xllCornerMetres) / grid.cellSizeMetres - 0.5;
  const fr = grid.rows - (y - grid.yllCornerMetres) / grid.cellSizeMetres - 0.5;
  const c = Math.floor(fc);
  const r = Math.floor(fr);
  const c0 = Math.max(0, Math.min(grid.columns - 1, c));
  const c1 = Math.max(0, Math.min(grid.columns - 1, c + 1));
  const r0 = Math.max(0, Math.min(grid.rows - 1, r));
  const r1 = Math.max(0, Math.min(grid.rows - 1, r + 1));
  if (fc < -0.5 || fr < -0.5 || fc > grid.columns - 0.5 || fr > grid.rows - 0.5) return Number.NaN;
  const tx = Math.min(1, Math.max(0, fc - c));
  const ty = Math.min(1, Math.max(0, fr - r));
  const v = (rr: number, cc: number) => grid.values[rr * grid.columns + cc]!;
  const top = v(r0, c0) + (v(r0, c1) - v(r0, c0)) * tx;
  const bottom = v(r1, c0) + (v(r1, c1) - v(r1, c0)) * tx;
  return top + (bottom - top) * ty;
}
