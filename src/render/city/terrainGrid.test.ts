import { describe, expect, it } from 'vitest';
import { toSceneMetres } from '../../core/geo.ts';
import { toUtm48n } from '../../core/utm48n.ts';
import { TerrainGrid } from './terrainGrid.ts';
import type { TerrainMeta } from '../../data/formats/terrain.ts';

// a 4 × 3 grid of 20 m cells whose south-west corner is the UTM position of the scene origin
const [x0, y0] = toUtm48n(106.77, 10.82);
const meta: TerrainMeta = {
  format: 'twin-terrain/1',
  xllCornerMetres: x0,
  yllCornerMetres: y0,
  cellSizeMetres: 20,
  columns: 4,
  rows: 3,
  crs: 'EPSG:32648',
  synthetic: true,
  source: 'test',
  elevation: { scale: 0.1 },
  landCover: { classes: [] },
};
// elevation in decimetres, row 0 = north: value = 10·(column + 4·row) dm = column + 4·row metres
const dm = new Int16Array(12).map((_, i) => 10 * i);
const cover = new Uint8Array(12).map((_, i) => i);
const grid = new TerrainGrid(meta, dm.buffer, cover.buffer);

describe('TerrainGrid', () => {
  it('decodes decimetres and finds the range', () => {
    expect(grid.elevationMetres[5]).toBeCloseTo(5, 6);
    expect(grid.minElevationMetres).toBe(0);
    expect(grid.maxElevationMetres).toBeCloseTo(11, 6);
  });

  it('maps the south-west corner to the scene origin and back (affine fit, sub-decimetre)', () => {
    const centre: [number, number] = [0, 0];
    // cell (0, rows−1) is the south-west cell: its centre is 10 m east and 10 m north of the corner
    grid.cellCentre(0, 2, centre);
    expect(Math.hypot(centre[0] - 10, centre[1] - 10)).toBeLessThan(0.15);
    const position: [number, number] = [0, 0];
    grid.gridPosition(centre[0], centre[1], position);
    expect(position[0]).toBeCloseTo(0, 6);
    expect(position[1]).toBeCloseTo(2, 6);
    // a point 1 km away agrees with the exact projection within a decimetre
    const [e, n] = toSceneMetres(106.779, 10.829);
    const [x, y] = toUtm48n(106.779, 10.829);
    grid.gridPosition(e, n, position);
    expect(Math.abs((position[0] + 0.5) * 20 - (x - x0))).toBeLessThan(0.1);
    expect(Math.abs((3 - 0.5 - position[1]) * 20 - (y - y0))).toBeLessThan(0.1);
  });

  it('samples elevation bilinearly between cell centres and reads land cover by cell', () => {
    const a: [number, number] = [0, 0];
    const b: [number, number] = [0, 0];
    grid.cellCentre(1, 1, a); // 1 + 4 = 5 m
    grid.cellCentre(2, 0, b); // 2 + 0 = 2 m
    expect(grid.elevationAt(a[0], a[1])).toBeCloseTo(5, 4);
    // midpoint of the two centres: mean of the four cells around it (1,0)=1 (2,0)=2 (1,1)=5 (2,1)=6 → 3.5
    expect(grid.elevationAt((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)).toBeCloseTo(3.5, 4);
    expect(grid.landCoverAt(a[0], a[1])).toBe(5);
    expect(grid.landCoverAt(a[0] + 1e5, a[1])).toBe(0);
  });

  it('stays within 10 cm of the exact projection 10–15 km from the corner (tabulated, not affine)', () => {
    const big = { ...meta, columns: 1000, rows: 900 };
    const wide = new TerrainGrid(big, new ArrayBuffer(1000 * 900 * 2), new ArrayBuffer(1000 * 900));
    const position: [number, number] = [0, 0];
    for (const [lon, lat] of [
      [106.86, 10.9],
      [106.9, 10.83],
      [106.8234, 10.8711],
    ] as const) {
      const [e, n] = toSceneMetres(lon, lat);
      const [x, y] = toUtm48n(lon, lat);
      wide.gridPosition(e, n, position);
      expect(Math.abs((position[0] + 0.5) * 20 - (x - x0))).toBeLessThan(0.1);
      expect(Math.abs((900 - 0.5 - position[1]) * 20 - (y - y0))).toBeLessThan(0.1);
    }
  });

  it('refuses grids whose byte sizes do not match the metadata', () => {
    expect(() => new TerrainGrid(meta, new ArrayBuffer(10), cover.buffer)).toThrow(/size mismatch/);
  });
});
