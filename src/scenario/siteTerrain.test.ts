import { describe, expect, test } from 'vitest';
import { fromUtm48n, toUtm48n } from '../core/utm48n.ts';
import type { RasterGrid } from '../data/grid/rasterGrid.ts';
import { footprintGround, siteGroundAt, siteHeightmapTile, siteTerrainOf } from './siteTerrain.ts';

/** A 3 × 2 lattice from 106.7 to 106.8 E and 10.8 to 10.9 N (nodes 0.05° apart east, 0.1° north). */
const LATTICE = { west: 106.7, east: 106.8, south: 10.8, north: 10.9, columns: 3, rows: 2 };
/** Decimetres, row 0 north: 1 m, 2 m, 4 m along the north edge; 3 m, 5 m, 9 m along the south. */
const HEIGHTS = [10, 20, 40, 30, 50, 90];

describe('siteGroundAt: bilinear heights between lattice nodes, metres', () => {
  test('at the nodes: the node heights', () => {
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.7, 10.9)).toBeCloseTo(1, 9);
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.75, 10.9)).toBeCloseTo(2, 9);
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.8, 10.8)).toBeCloseTo(9, 9);
  });

  test('between nodes: worked by hand', () => {
    // half way along the north edge between 1 m and 2 m
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.725, 10.9)).toBeCloseTo(1.5, 9);
    // centre of the east cell: (2 + 4 + 5 + 9) / 4 = 5 m
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.775, 10.85)).toBeCloseTo(5, 9);
    // a quarter east and three quarters south in the west cell:
    // north edge 1 + 0.25·(2 − 1) = 1.25, south edge 3 + 0.25·(5 − 3) = 3.5, 1.25 + 0.75·2.25 = 2.9375
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.7125, 10.825)).toBeCloseTo(2.9375, 9);
  });

  test('outside the lattice: the nearest edge', () => {
    expect(siteGroundAt(LATTICE, HEIGHTS, 106.6, 10.95)).toBeCloseTo(1, 9);
    expect(siteGroundAt(LATTICE, HEIGHTS, 107, 10.85)).toBeCloseTo(6.5, 9);
  });
});

test('footprintGround: a building stands on the lowest ground under its corners', () => {
  const corners = [
    [106.7125, 10.825],
    [106.725, 10.9],
    [106.775, 10.85],
  ];
  // 2.9375 m, 1.5 m and 5 m at these points (worked above): the lowest, 1.5 m
  expect(footprintGround(LATTICE, HEIGHTS, corners)).toBeCloseTo(1.5, 6);
});

describe('siteHeightmapTile: what the CesiumJS terrain provider returns for a tile', () => {
  test('a tile over the lattice with its node count gives the node heights, row 0 north', () => {
    expect([...siteHeightmapTile(LATTICE, HEIGHTS, LATTICE, 3, 2)]).toEqual(HEIGHTS.map((d) => d / 10));
  });

  test('finer samples interpolate: 5 samples along the north edge of the west cell', () => {
    const rectangle = { west: 106.7, east: 106.75, south: 10.8, north: 10.9 };
    const tile = siteHeightmapTile(LATTICE, HEIGHTS, rectangle, 5, 2);
    expect([...tile.subarray(0, 5)].map((h) => Math.round(h * 1e6) / 1e6)).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect([...tile.subarray(5)].map((h) => Math.round(h * 1e6) / 1e6)).toEqual([3, 3.5, 4, 4.5, 5]);
  });
});

describe('siteTerrainOf: the dataset elevation (UTM 48N) on a longitude/latitude lattice', () => {
  // a 2 km × 1.6 km raster of 20 m cells near Thủ Đức holding a tilted plane z = 3 + 0.002·x' − 0.001·y'
  // (x', y' metres from the raster's south-west corner, at the cell centres): bilinear keeps planes exact
  const [x0, y0] = toUtm48n(106.76, 10.81);
  const columns = 100;
  const rows = 80;
  const plane = (x: number, y: number) => 3 + 0.002 * (x - x0) - 0.001 * (y - y0);
  const values = new Float64Array(columns * rows);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      values[r * columns + c] = plane(x0 + (c + 0.5) * 20, y0 + (rows - r - 0.5) * 20);
  const grid: RasterGrid = {
    columns,
    rows,
    xllCornerMetres: x0,
    yllCornerMetres: y0,
    cellSizeMetres: 20,
    values,
  };
  const { lattice, decimetres } = siteTerrainOf(grid, 40);

  test('the lattice spans the raster with nodes about 40 m apart', () => {
    expect(lattice.columns).toBe(51);
    expect(lattice.rows).toBe(41);
    expect(decimetres).toHaveLength(51 * 41);
    const [west] = fromUtm48n(x0, y0 + 800);
    expect(lattice.west).toBeLessThanOrEqual(west);
    expect(lattice.west).toBeGreaterThan(west - 0.001);
  });

  test('every node inside the raster holds the plane at its UTM position, to the decimetre', () => {
    let inside = 0;
    for (let row = 0; row < lattice.rows; row++)
      for (let col = 0; col < lattice.columns; col++) {
        const longitude = lattice.west + (col / (lattice.columns - 1)) * (lattice.east - lattice.west);
        const latitude = lattice.north - (row / (lattice.rows - 1)) * (lattice.north - lattice.south);
        const [x, y] = toUtm48n(longitude, latitude);
        // clamped to the outer cell centres near the raster's edges; compare well inside
        if (x < x0 + 20 || x > x0 + 1980 || y < y0 + 20 || y > y0 + 1580) continue;
        expect(decimetres[row * lattice.columns + col]! / 10).toBeCloseTo(plane(x, y), 1);
        inside++;
      }
    expect(inside).toBeGreaterThan(1500);
    // and the viewer's sampling between the nodes follows the plane too (within 5 cm)
    const [x, y] = [x0 + 1013, y0 + 777];
    expect(Math.abs(siteGroundAt(lattice, decimetres, ...fromUtm48n(x, y)) - plane(x, y))).toBeLessThan(0.05);
  });
});
