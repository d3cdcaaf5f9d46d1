import { describe, expect, it } from 'vitest';
import { fromSceneMetres } from '../../../core/geo.ts';
import { toUtm48n } from '../../../core/utm48n.ts';
import { sceneToTerrain } from './terrainFrame.ts';

// The committed dataset's terrain frame (terrain.json).
const grid = {
  xllCornerMetres: 685_600,
  yllCornerMetres: 1_187_820,
  cellSizeMetres: 20,
  columns: 1007,
  rows: 881,
};

describe('scene ↔ terrain cells', () => {
  it('puts cell centres within 0.5 m of the exact UTM centre everywhere, and maps them back to their cell', () => {
    const frame = sceneToTerrain(grid);
    let worst = 0;
    for (let row = 0; row < grid.rows; row += 37) {
      for (let col = 0; col < grid.columns; col += 41) {
        const cell = row * grid.columns + col;
        const [e, n] = frame.cellCentre(cell);
        const [x, y] = toUtm48n(...fromSceneMetres(e, n));
        const ex = grid.xllCornerMetres + (col + 0.5) * grid.cellSizeMetres;
        const ey = grid.yllCornerMetres + (grid.rows - row - 0.5) * grid.cellSizeMetres;
        worst = Math.max(worst, Math.hypot(x - ex, y - ey));
        expect(frame.cellAt(e, n)).toBe(cell);
      }
    }
    expect(worst).toBeLessThan(0.5);
    expect(frame.cellAt(-1e6, 0)).toBe(-1);
  });
});
