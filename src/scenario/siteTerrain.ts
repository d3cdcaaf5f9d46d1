/**
 * The public site's ground (docs/publish.md, "Terrain"): the dataset's elevation (UTM 48N raster,
 * metres above MSL) resampled at publish time onto a longitude/latitude lattice, the shape CesiumJS
 * asks a heightmap terrain for, and sampled bilinearly by the viewer's terrain provider, the
 * buildings' bases, the massing and the traffic lines, so that all of them agree.
 * Vertical datum: heights are metres above mean sea level and CesiumJS draws them as heights above
 * the WGS84 ellipsoid (the geoid undulation is not applied: it shifts the whole city by the same few
 * metres, so nothing floats or sinks against anything else).
 */
import { fromUtm48n, toUtm48n } from '../core/utm48n.ts';
import type { RasterGrid } from '../data/grid/rasterGrid.ts';

/** The lattice of data/terrain.bin: nodes from west to east and north to south, corners included. */
export interface SiteTerrainLattice {
  /** Longitude of the first column and of the last, degrees. */
  west: number;
  east: number;
  /** Latitude of the last row and of the first (row 0 is north), degrees. */
  south: number;
  north: number;
  columns: number;
  rows: number;
}

/** data/site.json's terrain entry: the lattice and its file (int16 little-endian decimetres above MSL). */
export interface SiteTerrain extends SiteTerrainLattice {
  /** Site-relative file of `columns × rows` int16 little-endian heights, decimetres, row 0 north. */
  heights: string;
}

/** Default spacing of the lattice's nodes, metres (the dataset's cells are 20 m; a phone needs less). */
export const SITE_TERRAIN_SPACING_METRES = 40;

/**
 * Bilinear interpolation in a row-major grid of at least 2 × 2 nodes at fractional grid
 * coordinates (column gx, row gy), clamped to the edge nodes outside the grid.
 */
function bilinear(values: ArrayLike<number>, columns: number, rows: number, gx: number, gy: number): number {
  const x = Math.min(columns - 1, Math.max(0, gx));
  const y = Math.min(rows - 1, Math.max(0, gy));
  const c = Math.min(columns - 2, Math.floor(x));
  const r = Math.min(rows - 2, Math.floor(y));
  const i = r * columns + c;
  const top = values[i]! + (values[i + 1]! - values[i]!) * (x - c);
  const bottom = values[i + columns]! + (values[i + columns + 1]! - values[i + columns]!) * (x - c);
  return top + (bottom - top) * (y - r);
}

/**
 * Ground height at a point from the site's lattice, metres (bilinear between the four nodes around
 * it; the edge nodes' heights outside the lattice). `decimetres` as in data/terrain.bin.
 */
export function siteGroundAt(
  lattice: SiteTerrainLattice,
  decimetres: ArrayLike<number>,
  longitude: number,
  latitude: number,
): number {
  const gx = ((longitude - lattice.west) / (lattice.east - lattice.west)) * (lattice.columns - 1);
  const gy = ((lattice.north - latitude) / (lattice.north - lattice.south)) * (lattice.rows - 1);
  return bilinear(decimetres, lattice.columns, lattice.rows, gx, gy) / 10;
}

/**
 * Where a building's walls start: the lowest ground under its footprint's corners (longitude,
 * latitude degrees), metres, so that no corner floats above the ground on a slope.
 */
export function footprintGround(
  lattice: SiteTerrainLattice,
  decimetres: ArrayLike<number>,
  corners: ReadonlyArray<readonly number[]>,
): number {
  let lowest = Infinity;
  for (const [longitude, latitude] of corners)
    lowest = Math.min(lowest, siteGroundAt(lattice, decimetres, longitude!, latitude!));
  return lowest;
}

/**
 * The dataset's elevation on a longitude/latitude lattice over the raster's bounding box, nodes
 * about `spacingMetres` apart: each node's height is bilinear between the raster's cell centres at
 * the node's UTM 48N position (edge cells extended; NaN cells read as 0 m), in whole decimetres.
 */
export function siteTerrainOf(
  elevation: RasterGrid,
  spacingMetres = SITE_TERRAIN_SPACING_METRES,
): { lattice: SiteTerrainLattice; decimetres: Int16Array } {
  const size = elevation.cellSizeMetres;
  const left = elevation.xllCornerMetres;
  const bottom = elevation.yllCornerMetres;
  const right = left + elevation.columns * size;
  const top = bottom + elevation.rows * size;
  const corners = [
    fromUtm48n(left, bottom),
    fromUtm48n(right, bottom),
    fromUtm48n(left, top),
    fromUtm48n(right, top),
  ];
  const west = Math.min(...corners.map((c) => c[0]));
  const east = Math.max(...corners.map((c) => c[0]));
  const south = Math.min(...corners.map((c) => c[1]));
  const north = Math.max(...corners.map((c) => c[1]));
  const columns = Math.max(2, Math.round((right - left) / spacingMetres) + 1);
  const rows = Math.max(2, Math.round((top - bottom) / spacingMetres) + 1);
  const values = elevation.values.map((z) => (Number.isNaN(z) ? 0 : z));
  const decimetres = new Int16Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    const latitude = north - (row / (rows - 1)) * (north - south);
    for (let col = 0; col < columns; col++) {
      const [x, y] = toUtm48n(west + (col / (columns - 1)) * (east - west), latitude);
      const metres = bilinear(
        values,
        elevation.columns,
        elevation.rows,
        (x - left) / size - 0.5,
        (top - y) / size - 0.5,
      );
      decimetres[row * columns + col] = Math.round(metres * 10);
    }
  }
  return { lattice: { west, south, east, north, columns, rows }, decimetres };
}

/**
 * Heights of one CesiumJS heightmap tile, metres: `width × height` samples over the rectangle
 * (degrees), row 0 north, the first and last samples on its edges (what
 * `CustomHeightmapTerrainProvider`'s callback returns).
 */
export function siteHeightmapTile(
  lattice: SiteTerrainLattice,
  decimetres: ArrayLike<number>,
  rectangle: { west: number; south: number; east: number; north: number },
  width: number,
  height: number,
): Float32Array {
  const heights = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    const latitude = rectangle.north - (row / (height - 1)) * (rectangle.north - rectangle.south);
    for (let col = 0; col < width; col++) {
      const longitude = rectangle.west + (col / (width - 1)) * (rectangle.east - rectangle.west);
      heights[row * width + col] = siteGroundAt(lattice, decimetres, longitude, latitude);
    }
  }
  return heights;
}
