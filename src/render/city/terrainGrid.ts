/**
 * The dataset's terrain grid (`terrain.json` + `terrain.i16` + `landcover.u8`, format `twin-terrain/1`)
 * in the scene frame. The grid is square in UTM 48N; the scene frame (core/geo) is a local
 * east/north frame, rotated from UTM by the grid convergence (≈ 0.3° here) and not conformal, so
 * over the ≈ 20 km city the map between the two is not affine (metres off at the corners). Both
 * directions are therefore tabulated exactly (proj4) on a LATTICE_METRES lattice and interpolated
 * bilinearly in between: second-order error ≈ tan(φ)·L²/R ≈ 3 cm for L = 1 km.
 */
import { fromSceneMetres, toSceneMetres } from '../../core/geo.ts';
import type { TerrainFiles, TerrainMeta } from '../../data/formats/terrain.ts';
import { fromUtm48n, toUtm48n } from '../../core/utm48n.ts';

/** Spacing of the exact projection lattice, metres. */
const LATTICE_METRES = 1000;

/**
 * A smooth map of the plane tabulated on a regular lattice (origin, step, nx × ny nodes) and
 * interpolated bilinearly; outside the lattice the edge cells are extended linearly.
 */
class LatticeMap {
  private readonly values: Float64Array;

  constructor(
    private readonly x0: number,
    private readonly y0: number,
    private readonly step: number,
    private readonly nx: number,
    private readonly ny: number,
    f: (x: number, y: number) => readonly [number, number],
  ) {
    this.values = new Float64Array(nx * ny * 2);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const [u, v] = f(x0 + i * step, y0 + j * step);
        this.values[2 * (j * nx + i)] = u;
        this.values[2 * (j * nx + i) + 1] = v;
      }
    }
  }

  map(x: number, y: number, out: [number, number]): void {
    const gx = (x - this.x0) / this.step;
    const gy = (y - this.y0) / this.step;
    const i = Math.min(this.nx - 2, Math.max(0, Math.floor(gx)));
    const j = Math.min(this.ny - 2, Math.max(0, Math.floor(gy)));
    const fx = gx - i;
    const fy = gy - j;
    const v = this.values;
    const a = 2 * (j * this.nx + i);
    const b = a + 2;
    const c = a + 2 * this.nx;
    const d = c + 2;
    for (let k = 0; k < 2; k++) {
      const bottom = v[a + k]! + (v[b + k]! - v[a + k]!) * fx;
      const top = v[c + k]! + (v[d + k]! - v[c + k]!) * fx;
      out[k] = bottom + (top - bottom) * fy;
    }
  }
}

/**
 * The dataset's terrain (`CityFiles['terrain']`) as a TerrainGrid, or undefined when the dataset
 * has none: the one place a TerrainGrid is made from the dataset.
 */
export function terrainGridOf(terrain: TerrainFiles | undefined): TerrainGrid | undefined {
  return terrain ? new TerrainGrid(terrain.meta, terrain.elevation, terrain.landCover) : undefined;
}

/** Terrain elevation and land cover sampled in scene metres (build it with terrainGridOf). */
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
  private readonly toScene: LatticeMap;
  /** Scene (east, north) → UTM (x, y). */
  private readonly toUtm: LatticeMap;

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
    const widthMetres = columns * meta.cellSizeMetres;
    const heightMetres = rows * meta.cellSizeMetres;
    const nx = Math.ceil(widthMetres / LATTICE_METRES) + 1;
    const ny = Math.ceil(heightMetres / LATTICE_METRES) + 1;
    this.toScene = new LatticeMap(x0, y0, LATTICE_METRES, nx, ny, (x, y) =>
      toSceneMetres(...fromUtm48n(x, y)),
    );
    // the scene lattice covers the grid's scene bounds with a lattice step of margin
    const corners = [
      [x0, y0],
      [x0 + widthMetres, y0],
      [x0, y0 + heightMetres],
      [x0 + widthMetres, y0 + heightMetres],
    ].map(([x, y]) => toSceneMetres(...fromUtm48n(x!, y!)));
    const e0 = Math.min(...corners.map((c) => c[0])) - LATTICE_METRES;
    const n0 = Math.min(...corners.map((c) => c[1])) - LATTICE_METRES;
    const e1 = Math.max(...corners.map((c) => c[0])) + LATTICE_METRES;
    const n1 = Math.max(...corners.map((c) => c[1])) + LATTICE_METRES;
    this.toUtm = new LatticeMap(
      e0,
      n0,
      LATTICE_METRES,
      Math.ceil((e1 - e0) / LATTICE_METRES) + 1,
      Math.ceil((n1 - n0) / LATTICE_METRES) + 1,
      (e, n) => toUtm48n(...fromSceneMetres(e, n)),
    );
  }

  /** Scene [east, north] metres of the centre of cell (column, row). */
  cellCentre(column: number, row: number, out: [number, number]): void {
    const x = this.meta.xllCornerMetres + (column + 0.5) * this.cellSizeMetres;
    const y = this.meta.yllCornerMetres + (this.rows - row - 0.5) * this.cellSizeMetres;
    this.toScene.map(x, y, out);
  }

  /** Fractional grid position (column, row of cell centres) of a scene point, written into `out`. */
  gridPosition(eastMetres: number, northMetres: number, out: [number, number]): void {
    this.toUtm.map(eastMetres, northMetres, out);
    const x = out[0];
    const y = out[1];
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
