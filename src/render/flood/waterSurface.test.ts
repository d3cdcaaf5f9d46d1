import { describe, expect, it } from 'vitest';
import { LAND, syntheticCity } from '../../../tests/fixtures/flood-city/syntheticCity.ts';
import { TerrainGrid } from '../city/terrainGrid.ts';
import { MIN_SHOWN_DEPTH_METRES, WaterSurface } from './waterSurface.ts';

const files = syntheticCity(8, 6, () => [1, LAND]);
const terrain = new TerrainGrid(files.terrain!.meta, files.terrain!.elevation, files.terrain!.landCover);

describe('flood water surface', () => {
  it('puts wet vertices at ground + depth, hides dry, hidden and shallow cells, and lies on the terrain frame', () => {
    // 40 m flood grid over the 20 m terrain: 4 × 3 cells
    const bed = new Float64Array(12).fill(2);
    bed[11] = Number.NaN;
    const hidden = new Uint8Array(12);
    hidden[1] = 1;
    const surface = new WaterSurface(
      { columns: 4, rows: 3, cellSizeMetres: 40, bedMetres: bed, hidden },
      terrain,
    );
    const depth = new Float32Array(12);
    depth[0] = 0.5;
    depth[1] = 0.5; // hidden (permanent water)
    depth[2] = MIN_SHOWN_DEPTH_METRES / 2; // too shallow to draw
    surface.show(depth);
    const position = surface.mesh.geometry.getAttribute('position');
    const colour = surface.mesh.geometry.getAttribute('color');
    expect(position.getY(0)).toBeCloseTo(2.55, 5); // ground 2 + depth 0.5 + 5 cm offset
    expect(colour.getW(0)).toBeGreaterThan(0.5);
    expect(colour.getW(1)).toBe(0);
    expect(colour.getW(2)).toBe(0);
    expect(colour.getW(3)).toBe(0);
    // flood cell (0, 0) of 40 m is the centre of terrain cells (0..1, 0..1): terrain position (0.5, 0.5)
    const centre: [number, number] = [0, 0];
    terrain.cellCentre(0.5, 0.5, centre);
    expect(position.getX(0)).toBeCloseTo(centre[0], 3);
    expect(position.getZ(0)).toBeCloseTo(-centre[1], 3);
    // no triangle touches the NaN (outside) cell 11
    const index = surface.mesh.geometry.getIndex()!;
    for (let i = 0; i < index.count; i++) expect(index.getX(i)).not.toBe(11);
    surface.dispose();
  });
});
