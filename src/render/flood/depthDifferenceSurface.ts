/**
 * The flood depth difference of two scenarios (B − A, metres) as a coloured sheet draped over
 * the terrain: one vertex per flood-grid cell centre (UTM 48N grid, row 0 north) placed with the
 * city terrain's UTM → scene mapping at the terrain height plus a small lift (`mesh.scale.y`
 * applies the vertical exaggeration like the terrain mesh), coloured on the diverging
 * {@link FLOOD_DEPTH_DIFFERENCE_LEGEND} and transparent where |Δ| < {@link MIN_SHOWN_DIFFERENCE_METRES}
 * or either run has no depth (NaN).
 */
import type { Material, Mesh } from 'three';
import { gridSheetMesh } from './gridSheetMesh.ts';
import type { RasterGrid } from '../../data/grid/rasterGrid.ts';
import type { TerrainGrid } from '../city/terrainGrid.ts';
import { hexColor, type Legend, type RampStop, rampColor } from '../legend.ts';

/** Smallest depth change drawn, m (smaller ones are transparent). */
export const MIN_SHOWN_DIFFERENCE_METRES = 0.05;
/** Sheet lift above the terrain, m, so it does not fight with the terrain and water. */
const LIFT_METRES = 0.5;
/** Opacity of drawn cells. */
const OPACITY = 0.8;

/**
 * Depth difference ramp, m: drier in B green, deeper in B red (ColorBrewer RdYlGn ends); no
 * pale middle, since differences under {@link MIN_SHOWN_DIFFERENCE_METRES} are not drawn.
 */
export const FLOOD_DEPTH_DIFFERENCE_STOPS: readonly RampStop[] = [
  { value: -1, color: hexColor('#006837') },
  { value: -0.05, color: hexColor('#a6d96a') },
  { value: 0.05, color: hexColor('#fdae61') },
  { value: 1, color: hexColor('#a50026') },
];

/** The depth difference legend, metres. */
export const FLOOD_DEPTH_DIFFERENCE_LEGEND: Legend = {
  kind: 'ramp',
  unit: 'm',
  stops: FLOOD_DEPTH_DIFFERENCE_STOPS,
};

/** A triangle mesh showing a depth-difference grid on the terrain frame. */
export class DepthDifferenceSurface {
  readonly mesh: Mesh;

  constructor(difference: RasterGrid, terrain: TerrainGrid) {
    const { columns, rows, values } = difference;
    const positions = new Float32Array(columns * rows * 3);
    const colours = new Float32Array(columns * rows * 4);
    const t = terrain.meta;
    const ratio = difference.cellSizeMetres / terrain.cellSizeMetres;
    // terrain grid position (column, row of cell centres) of flood cell (0, 0)'s centre
    const column0 =
      (difference.xllCornerMetres - t.xllCornerMetres) / terrain.cellSizeMetres + ratio / 2 - 0.5;
    const topRow =
      terrain.rows -
      (difference.yllCornerMetres + rows * difference.cellSizeMetres - t.yllCornerMetres) /
        terrain.cellSizeMetres;
    const row0 = topRow + ratio / 2 - 0.5;
    const centre: [number, number] = [0, 0];
    const rgb: [number, number, number] = [0, 0, 0];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const k = r * columns + c;
        terrain.cellCentre(column0 + c * ratio, row0 + r * ratio, centre);
        positions[3 * k] = centre[0];
        positions[3 * k + 1] = terrain.elevationAt(centre[0], centre[1]) + LIFT_METRES;
        positions[3 * k + 2] = -centre[1];
        const delta = values[k]!;
        rampColor(FLOOD_DEPTH_DIFFERENCE_STOPS, delta, rgb);
        colours[4 * k] = rgb[0];
        colours[4 * k + 1] = rgb[1];
        colours[4 * k + 2] = rgb[2];
        colours[4 * k + 3] = Math.abs(delta) >= MIN_SHOWN_DIFFERENCE_METRES ? OPACITY : 0;
      }
    }
    const indices: number[] = [];
    for (let r = 0; r + 1 < rows; r++) {
      for (let c = 0; c + 1 < columns; c++) {
        const a = r * columns + c;
        const d = a + columns;
        // only quads with something to show (NaN fails the comparison, so NaN quads are dropped)
        if (
          colours[4 * a + 3]! +
            colours[4 * (a + 1) + 3]! +
            colours[4 * d + 3]! +
            colours[4 * (d + 1) + 3]! ===
          0
        )
          continue;
        indices.push(a, d, a + 1, a + 1, d, d + 1);
      }
    }
    this.mesh = gridSheetMesh(positions, colours, indices, 'flood-depth-difference', 3);
  }

  /** Frees the GPU buffers. */
  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as Material).dispose();
  }
}
