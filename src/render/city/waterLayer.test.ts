import { describe, expect, it } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { toUtm48n } from '../../core/utm48n.ts';
import { TerrainGrid } from './terrainGrid.ts';
import { createWaterMesh } from './waterLayer.ts';

// 50 × 50 cells of 20 m from the scene origin; banks at 1 m, a channel (columns 20–29) cut to −5 m
const [x0, y0] = toUtm48n(106.77, 10.82);
const columns = 50;
const elevationDm = new Int16Array(columns * columns).map((_, i) =>
  i % columns >= 20 && i % columns <= 29 ? -50 : 10,
);
const terrain = new TerrainGrid(
  {
    format: 'twin-terrain/1',
    xllCornerMetres: x0,
    yllCornerMetres: y0,
    cellSizeMetres: 20,
    columns,
    rows: columns,
    crs: 'EPSG:32648',
    synthetic: true,
    source: 'test',
    elevation: { scale: 0.1 },
    landCover: { classes: [] },
  },
  elevationDm.buffer,
  new ArrayBuffer(columns * columns),
);
const lonLat = (e: number, n: number) => fromSceneMetres(e, n);

describe('water surfaces', () => {
  it('sit at the bank level minus 0.4 m freeboard, not in the burned channel', () => {
    // river polygon over the channel: east 420..580 m, north 200..800 m
    const ring = [
      [420, 200],
      [580, 200],
      [580, 800],
      [420, 800],
      [420, 200],
    ].map(([e, n]) => lonLat(e!, n!));
    const mesh = createWaterMesh(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'area' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      },
      terrain,
    );
    const y = mesh.geometry.getAttribute('position');
    expect(y.count).toBe(4);
    for (let i = 0; i < y.count; i++) expect(y.getY(i)).toBeCloseTo(0.6, 3);
    // two triangles, facing up (+y normals)
    expect(mesh.geometry.index?.count).toBe(6);
    expect(mesh.geometry.getAttribute('normal').getY(0)).toBeCloseTo(1, 6);
  });

  it('draws a linear waterway as a ribbon of its width', () => {
    const mesh = createWaterMesh(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'line', widthMetres: 15 },
            geometry: { type: 'LineString', coordinates: [lonLat(500, 100), lonLat(500, 900)] },
          },
        ],
      },
      terrain,
    );
    const p = mesh.geometry.getAttribute('position');
    expect(p.count).toBe(4);
    // left and right vertices 15 m apart across the flow (east–west)
    expect(Math.abs(p.getX(0) - p.getX(1))).toBeCloseTo(15, 1);
    expect(mesh.geometry.getAttribute('normal').getY(0)).toBeCloseTo(1, 6);
  });
});
