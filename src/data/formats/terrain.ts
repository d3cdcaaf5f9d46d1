/**
 * The terrain files of the dataset, format `twin-terrain/1`: `terrain.json` (this document),
 * `terrain.i16` (elevation per cell, int16 little-endian decimetres above MSL) and
 * `landcover.u8` (one land-cover class code per cell). One grid in UTM 48N (EPSG:32648), row 0
 * north, like ESRI ASCII and GeoTIFF. One schema for the writer (data/pipeline/buildDataset.ts,
 * `terrainMetaDocument`) and the readers (`terrainGrids`; the flood and land-use models,
 * render/city/terrainGrid.ts).
 */
import { UTM48N_PROJ4 } from '../../core/utm48n.ts';
import { InputError } from '../../core/errors.ts';
import type { RasterGrid } from '../grid/rasterGrid.ts';

/** One land-cover class of `landcover.u8` (table in `terrain.json`): code, names, runoff and roughness. */
export interface LandCoverClass {
  code: number;
  name: string;
  vi: string;
  en: string;
  /** Fraction of the cell that sheds rain, 0..1 (assumption per class, docs/data.md). */
  imperviousness: number;
  /** Manning's n, s/m^(1/3) (HEC-RAS 2D manual ranges by land cover; Chow 1959 for channels). */
  manningN: number;
}

/** Parameters of the synthetic elevation surface (docs/data.md), written when it is synthetic. */
export interface SyntheticTerrainModel {
  uplandHills: ReadonlyArray<{
    name: string;
    lon: number;
    lat: number;
    peakMetres: number;
    sigmaMetres: number;
  }>;
  bankElevationMetres: number;
  floodplainMetres: number;
}

/**
 * `terrain.json`. `twin data build` writes every member; the descriptive ones (marked optional)
 * are for people and other tools, and readers do not need them.
 */
export interface TerrainMeta {
  format: string;
  crs: string;
  proj4?: string;
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
  rowOrder?: string;
  /** True when no real DEM covers the grid (the surface is synthesized). */
  synthetic: boolean;
  /** Share of cells whose elevation came from a real DEM, 0..1 (4 decimals). */
  demCoverage?: number;
  source: string;
  /** `scale`: metres per unit of `terrain.i16`. */
  elevation: { file?: string; type?: string; scale: number; unit?: string };
  landCover: { file?: string; type?: string; classes: LandCoverClass[] };
  model?: SyntheticTerrainModel | null;
}

/** The three terrain files, read (`CityFiles['terrain']`). */
export interface TerrainFiles {
  meta: TerrainMeta;
  elevation: ArrayBuffer;
  landCover: ArrayBuffer;
}

/** Metres per unit of `terrain.i16` (decimetres). */
export const ELEVATION_SCALE_METRES = 0.1;

/** The `terrain.json` document of a grid (member order as written since the format began). */
export function terrainMetaDocument(terrain: {
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
  synthetic: boolean;
  demCoverage: number;
  source: string;
  classes: readonly LandCoverClass[];
  model: SyntheticTerrainModel | null;
}): TerrainMeta {
  return {
    format: 'twin-terrain/1',
    crs: 'EPSG:32648',
    proj4: UTM48N_PROJ4,
    xllCornerMetres: terrain.xllCornerMetres,
    yllCornerMetres: terrain.yllCornerMetres,
    cellSizeMetres: terrain.cellSizeMetres,
    columns: terrain.columns,
    rows: terrain.rows,
    rowOrder: 'north-first (row 0 is the northern edge, like ESRI ASCII / GeoTIFF)',
    synthetic: terrain.synthetic,
    demCoverage: terrain.demCoverage,
    source: terrain.source,
    elevation: {
      file: 'terrain.i16',
      type: 'int16 little-endian',
      scale: ELEVATION_SCALE_METRES,
      unit: 'metres above MSL',
    },
    landCover: { file: 'landcover.u8', type: 'uint8', classes: [...terrain.classes] },
    model: terrain.model,
  };
}

/** The terrain as grids: elevation in metres (RasterGrid, row 0 north) and land-cover codes per cell. */
export function terrainGrids(terrain: TerrainFiles): {
  elevation: RasterGrid;
  landCover: Uint8Array;
  classes: LandCoverClass[];
} {
  const { meta } = terrain;
  const cells = meta.columns * meta.rows;
  if (terrain.elevation.byteLength !== cells * 2 || terrain.landCover.byteLength !== cells) {
    throw new InputError(
      `grid size mismatch: expected ${cells} cells (${meta.columns}×${meta.rows})`,
      'terrain.json',
    );
  }
  const view = new DataView(terrain.elevation);
  const values = new Float64Array(cells);
  for (let i = 0; i < cells; i++) values[i] = view.getInt16(i * 2, true) * meta.elevation.scale;
  return {
    elevation: {
      columns: meta.columns,
      rows: meta.rows,
      xllCornerMetres: meta.xllCornerMetres,
      yllCornerMetres: meta.yllCornerMetres,
      cellSizeMetres: meta.cellSizeMetres,
      values,
    },
    landCover: new Uint8Array(terrain.landCover),
    classes: meta.landCover.classes,
  };
}
