import { describe, expect, it } from 'vitest';
import { LAND, syntheticCity } from '../../../tests/fixtures/flood-city/syntheticCity.ts';
import { TerrainGrid } from '../city/terrainGrid.ts';
import { DepthDifferenceSurface, MIN_SHOWN_DIFFERENCE_METRES } from './depthDifferenceSurface.ts';

const files = syntheticCity(8, 6, () => [1, LAND]);
const terrain = new TerrainGrid(files.terrain!.meta, files.terrain!.elevation, files.terrain!.landCover);

describe('flood depth difference surface', () => {
  it('lies on the terrain frame, hides small and NaN differences and colours deeper red, drier green', () => {
    // 40 m grid over the 20 m terrain (same south-west corner): 4 × 3 cells
    const values = new Float64Array(12);
    values[0] = 0.8; // deeper in B
    values[1] = -0.8; // drier in B
    values[2] = MIN_SHOWN_DIFFERENCE_METRES / 2; // too small to draw
    values[3] = Number.NaN;
    const { xllCornerMetres, yllCornerMetres } = files.terrain!.meta;
    const surface = new DepthDifferenceSurface(
      { columns: 4, rows: 3, cellSizeMetres: 40, xllCornerMetres, yllCornerMetres, values },
      terrain,
    );
    const position = surface.mesh.geometry.getAttribute('position');
    const colour = surface.mesh.geometry.getAttribute('color');
    // cell (0, 0) of 40 m is the centre of terrain cells (0..1, 0..1): terrain position (0.5, 0.5)
    const centre: [number, number] = [0, 0];
    terrain.cellCentre(0.5, 0.5, centre);
    expect(position.getX(0)).toBeCloseTo(centre[0], 3);
    expect(position.getZ(0)).toBeCloseTo(-centre[1], 3);
    expect(position.getY(0)).toBeCloseTo(terrain.elevationAt(centre[0], centre[1]) + 0.5, 3);
    // last cell (row 2, column 3) is the centre of terrain cells (6..7, 4..5)
    terrain.cellCentre(6.5, 4.5, centre);
    expect(position.getX(11)).toBeCloseTo(centre[0], 3);
    expect(position.getZ(11)).toBeCloseTo(-centre[1], 3);
    expect(colour.getW(0)).toBeGreaterThan(0);
    expect(colour.getX(0)).toBeGreaterThan(colour.getY(0)); // red
    expect(colour.getW(1)).toBeGreaterThan(0);
    expect(colour.getY(1)).toBeGreaterThan(colour.getX(1)); // green
    expect(colour.getW(2)).toBe(0);
    expect(colour.getW(3)).toBe(0);
    // only the quads touching cells 0 or 1 carry anything: quads (0,0) and (0,1)
    expect(surface.mesh.geometry.getIndex()!.count).toBe(12);
    surface.dispose();
  });
});
