/**
 * The dataset's terrain grid (`terrain.json` + `terrain.i16` + `landcover.u8`, format `twin-terrain/1`)
 * in the scene frame. The grid is square in UTM 48N; the scene frame (core/geo) is a local
 * east/north tangent frame, rotated from UTM by the grid convergence (≈ 0.3° here). Over the ≈ 20 km
 * city the map between the two is affine to well under a metre, so it is fitted once from three
 * points (exact at the grid's south-west corner).
 */
import { toSceneMetres } from '../../core/geo.ts';
import { fromUtm48n } from '../../data/pipeline/utm.ts';

/** The metadata document `terrain.json` (the fields the renderer reads). */
export interface TerrainMeta {
  format: string;
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
  synthetic: boolean;
  source: string;
  elevation: { scale: number };
  landCover: { classes: ReadonlyArray<{ code: number; name: string; vi: string; en: string }> };
}

/** Affine map [a, b, c, d, e, f]: x' = a·x + b·y + c, y' = d·x + e·y + f. */
type Affine = [number, number, number, number, number, number];

function invertAffine([a, b, c, d, e, f]: Affine): Affine {
  const det = a * e - b * d;
  return [e / det, -b / det, (b * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det];
}

/** Terrain elevation and land cover sampled in scene metres. */
export class TerrainGrid {
  readonly columns: number;
  readonly rows: number;
  readonly cellSizeMetres: number;
  /** Elevation per cell, metres above MSL, row 0 = north. */
  readonly elevationMetres: Float32Array;
  /** Land-cover class code per cell (table in `meta.landCover.classes`). */
  readonly landCover: Uint8Array;
  readonly minElevationMetres: number;
  readonly maxElevationMetres: number;
  /** UTM (x, y) → scene (east, north). */
  private readonly toScene: Affine;
  /** Scene (east, north) → UTM (x, y). */
  private readonly toUtm: Affine;

  constructor(
    readonly meta: TerrainMeta,
    elevationBytes: ArrayBuffer,
    landCoverBytes: ArrayBuffer,
  ) {
    const { columns, rows } = meta;
    const cells = columns * rows;
    if (elevationBytes.byteLength !== cells * 2 || landCoverBytes.byteLength !== cells) {
      throw new Error(`terrain grid size mismatch: expected ${cells} cells (${columns}×${rows})`);
    }
    this.columns = columns;
    this.rows = rows;
    this.cellSizeMetres = meta.cellSizeMetres;
    const view = new DataView(elevationBytes);
    this.elevationMetres = new Float32Array(cells);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < cells; i++) {
      const z = view.getInt16(2 * i, true) * meta.elevation.scale;
      this.elevationMetres[i] = z;
      if (z < min) min = z;
      if (z > max) max = z;
    }
    this.minElevationMetres = min;
    this.maxElevationMetres = max;
    this.landCover = new Uint8Array(landCoverBytes);
    const x0 = meta.xllCornerMetres;
    const y0 = meta.yllCornerMetres;
    const span = 10_000;
    const scene = (x: number, y: number) => toSceneMetres(...fromUtm48n(x, y));
    const [e0, n0] = scene(x0, y0);
    const [e1, n1] = scene(x0 + span, y0);
    const [e2, n2] = scene(x0, y0 + span);
    const a = (e1 - e0) / span;
    const d = (n1 - n0) / span;
    const b = (e2 - e0) / span;
    const e = (n2 - n0) / span;
    this.toScene = [a, b, e0 - a * x0 - b * y0, d, e, n0 - d * x0 - e * y0];
    this.toUtm = invertAffine(this.toScene);
  }

  /** Scene [east, north] metres of the centre of cell (column, row). */
  cellCentre(column: number, row: number, out: [number, number]): void {
    const x = this.meta.xllCornerMetres + (column + 0.5) * this.cellSizeMetres;
    const y = this.meta.yllCornerMetres + (this.rows - row - 0.5) * this.cellSizeMetres;
    const [a, b, c, d, e, f] = this.toScene;
    out[0] = a * x + b * y + c;
    out[1] = d * x + e * y + f;
  }

  /** Fractional grid position (column, row of cell centres) of a scene point, written into `out`. */
  gridPosition(eastMetres: number, northMetres: number, out: [number, number]): void {
    const [a, b, c, d, e, f] = this.toUtm;
    const x = a * eastMetres + b * northMetres + c;
    const y = d * eastMetres + e * northMetres + f;
    out[0] = (x - this.meta.xllCornerMetres) / this.cellSizeMetres - 0.5;
    out[1] = this.rows - 0.5 - (y - this.meta.yllCornerMetres) / this.cellSizeMetres;
  }

  private readonly scratch: [number, number] = [0, 0];

  /** Elevation at a scene point, metres above MSL (bilinear between cell centres, clamped at the edges). */
  elevationAt(eastMetres: number, northMetres: number): number {
    this.gridPosition(eastMetres, northMetres, this.scratch);
    const gx = Math.min(this.columns - 1, Math.max(0, this.scratch[0]));
    const gy = Math.min(this.rows - 1, Math.max(0, this.scratch[1]));
    const c0 = Math.min(this.columns - 2, Math.floor(gx));
    const r0 = Math.min(this.rows - 2, Math.floor(gy));
    const fx = gx - c0;
    const fy = gy - r0;
    const z = this.elevationMetres;
    const i = r0 * this.columns + c0;
    const top = z[i]! + (z[i + 1]! - z[i]!) * fx;
    const bottom = z[i + this.columns]! + (z[i + this.columns + 1]! - z[i + this.columns]!) * fx;
    return top + (bottom - top) * fy;
  }

  /** Land-cover class code of the cell containing a scene point, or 0 (outside) off the grid. */
  landCoverAt(eastMetres: number, northMetres: number): number {
    this.gridPosition(eastMetres, northMetres, this.scratch);
    const column = Math.round(this.scratch[0]);
    const row = Math.round(this.scratch[1]);
    if (column < 0 || row < 0 || column >= this.columns || row >= this.rows) return 0;
    return this.landCover[row * this.columns + column]!;
  }
}
