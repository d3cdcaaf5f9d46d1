/**
 * The flood water surface over the terrain: one vertex per flood-grid cell centre at the water
 * level (ground + depth, true metres; `mesh.scale.y` applies the vertical exaggeration like the
 * terrain mesh), coloured by depth on {@link FLOOD_DEPTH_LEGEND} and fully transparent where the
 * depth is below {@link MIN_SHOWN_DEPTH_METRES} or the cell is permanent water / outside the city.
 * Positions use the city terrain's UTM → scene mapping (render/city/terrainGrid), so the surface
 * lies on the same frame as the terrain mesh.
 */
import type { Material, Mesh } from 'three';
import { gridSheetMesh } from './gridSheetMesh.ts';
import { type Legend, type RampStop, rampColor } from '../legend.ts';
import type { TerrainGrid } from '../city/terrainGrid.ts';

/** Shallowest depth drawn, m (thinner films are transparent). */
export const MIN_SHOWN_DEPTH_METRES = 0.05;
/** Water drawn this far above the ground so it does not fight with the terrain, m. */
const SURFACE_OFFSET_METRES = 0.05;

/** Depth colour ramp, m: sky blue (ankle-deep) to dark blue (over 2 m). */
export const FLOOD_DEPTH_STOPS: readonly RampStop[] = [
  { value: 0, color: [0.4, 0.78, 1] },
  { value: 0.3, color: [0.15, 0.55, 0.95] },
  { value: 1, color: [0.06, 0.3, 0.78] },
  { value: 2, color: [0.03, 0.1, 0.45] },
];

/** The depth legend, metres. */
export const FLOOD_DEPTH_LEGEND: Legend = { kind: 'ramp', unit: 'm', stops: FLOOD_DEPTH_STOPS };

/** A flood grid to draw (row 0 north, north edge aligned with the terrain's). */
export interface FloodSurfaceGrid {
  columns: number;
  rows: number;
  /** Cell size, m: a whole multiple of the terrain cell. */
  cellSizeMetres: number;
  /** Ground per cell, m (NaN = outside the city). */
  bedMetres: ArrayLike<number>;
  /** 1 = never drawn (outside, rivers, lakes, ponds). */
  hidden: Uint8Array;
}

/** A triangle-mesh water surface whose heights and colours follow a depth grid. */
export class WaterSurface {
  readonly mesh: Mesh;
  private readonly positions: Float32Array;
  private readonly colours: Float32Array;
  private readonly colour: [number, number, number] = [0, 0, 0];

  constructor(
    private readonly grid: FloodSurfaceGrid,
    terrain: TerrainGrid,
  ) {
    const { columns, rows } = grid;
    const ratio = grid.cellSizeMetres / terrain.cellSizeMetres;
    this.positions = new Float32Array(columns * rows * 3);
    this.colours = new Float32Array(columns * rows * 4);
    const centre: [number, number] = [0, 0];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const v = r * columns + c;
        terrain.cellCentre((c + 0.5) * ratio - 0.5, (r + 0.5) * ratio - 0.5, centre);
        this.positions[3 * v] = centre[0];
        this.positions[3 * v + 2] = -centre[1];
      }
    }
    const indices: number[] = [];
    for (let r = 0; r + 1 < rows; r++) {
      for (let c = 0; c + 1 < columns; c++) {
        const a = r * columns + c;
        const b = a + 1;
        const d = a + columns;
        const e = d + 1;
        if (Number.isNaN(grid.bedMetres[a]! + grid.bedMetres[b]! + grid.bedMetres[d]! + grid.bedMetres[e]!))
          continue;
        indices.push(a, d, b, b, d, e);
      }
    }
    this.mesh = gridSheetMesh(this.positions, this.colours, indices, 'flood-water', 2);
    this.show(new Float32Array(columns * rows));
  }

  /** Shows a depth grid (m, one value per cell). */
  show(depthMetres: ArrayLike<number>): void {
    const { bedMetres, hidden } = this.grid;
    const p = this.positions;
    const col = this.colours;
    const rgb = this.colour;
    for (let k = 0; k < depthMetres.length; k++) {
      const depth = depthMetres[k]!;
      const ground = bedMetres[k]!;
      const wet = depth >= MIN_SHOWN_DEPTH_METRES && !hidden[k] && !Number.isNaN(ground);
      p[3 * k + 1] = Number.isNaN(ground) ? 0 : ground + (wet ? depth + SURFACE_OFFSET_METRES : -1);
      rampColor(FLOOD_DEPTH_STOPS, depth, rgb);
      col[4 * k] = rgb[0];
      col[4 * k + 1] = rgb[1];
      col[4 * k + 2] = rgb[2];
      col[4 * k + 3] = wet ? 0.85 : 0;
    }
    const geometry = this.mesh.geometry;
    geometry.getAttribute('position').needsUpdate = true;
    geometry.getAttribute('color').needsUpdate = true;
  }

  /** Frees the GPU buffers. */
  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as Material).dispose();
  }
}
