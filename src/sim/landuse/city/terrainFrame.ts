import { fromSceneMetres, toSceneMetres } from '../../../core/geo.ts';
import { fromUtm48n, toUtm48n } from '../../../data/pipeline/utm.ts';

/** Grid frame of the dataset's terrain (`terrain.json`: EPSG:32648, row 0 north). */
export interface TerrainGridFrame {
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
}

/** Maps between scene metres (core/geo) and terrain cells. */
export interface SceneToTerrain {
  /** Cell index (row × columns + column) under a scene point, or −1 outside the grid. */
  cellAt(eastMetres: number, northMetres: number): number;
  /** Scene [east, north] metres of the centre of a cell. */
  cellCentre(cell: number): [number, number];
}

/**
 * The scene ↔ UTM 48N map as an affine transform fitted on three points 10 km apart (exact at
 * the grid's south-west corner). The scene frame is a local tangent frame rotated from UTM by
 * the grid convergence (≈ 0.3°); over the 20 km city the affine error is well under a metre,
 * and it avoids a proj4 call per sample (the same approach as render/city/terrainGrid.ts).
 */
export function sceneToTerrain(grid: TerrainGridFrame): SceneToTerrain {
  const x0 = grid.xllCornerMetres;
  const y0 = grid.yllCornerMetres;
  const span = 10_000;
  const toUtm = (e: number, n: number) => toUtm48n(...fromSceneMetres(e, n));
  const [e0, n0] = toSceneMetres(...fromUtm48n(x0, y0));
  const [xa, ya] = toUtm(e0, n0);
  const [xb, yb] = toUtm(e0 + span, n0);
  const [xc, yc] = toUtm(e0, n0 + span);
  // UTM = origin + [ax bx; ay by] · (scene − scene0)
  const ax = (xb - xa) / span;
  const ay = (yb - ya) / span;
  const bx = (xc - xa) / span;
  const by = (yc - ya) / span;
  const det = ax * by - bx * ay;
  const size = grid.cellSizeMetres;
  const top = y0 + grid.rows * size;
  return {
    cellAt(east, north) {
      const de = east - e0;
      const dn = north - n0;
      const x = xa + ax * de + bx * dn;
      const y = ya + ay * de + by * dn;
      const col = Math.floor((x - x0) / size);
      const row = Math.floor((top - y) / size);
      if (col < 0 || row < 0 || col >= grid.columns || row >= grid.rows) return -1;
      return row * grid.columns + col;
    },
    cellCentre(cell) {
      const row = Math.floor(cell / grid.columns);
      const col = cell - row * grid.columns;
      const dx = x0 + (col + 0.5) * size - xa;
      const dy = top - (row + 0.5) * size - ya;
      return [e0 + (by * dx - bx * dy) / det, n0 + (-ay * dx + ax * dy) / det];
    },
  };
}
