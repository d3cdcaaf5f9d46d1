import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { LAT0, LON0, smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import type { RasterGrid } from '../grid/rasterGrid.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { chamferDistance } from './distanceTransform.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { buildRoadGraph } from './roads.ts';
import { buildTerrain, TERRAIN_CLASSES, type TerrainInput } from './terrain.ts';
import { fromUtm48n, toUtm48n } from '../../core/utm48n.ts';
import { extractLandUse } from './landUse.ts';
import { extractWater } from './water.ts';

describe('chamfer distance transform (Borgefors 3-4)', () => {
  it('is exact along axes and within 8 % on the diagonal', () => {
    const n = 21;
    const source = new Uint8Array(n * n);
    source[10 * n + 10] = 1;
    const d = chamferDistance(source, n, n);
    expect(d[10 * n + 20]).toBe(10);
    expect(d[0 * n + 10]).toBe(10);
    const diagonal = d[20 * n + 20]!;
    expect(Math.abs(diagonal - 10 * Math.SQRT2) / (10 * Math.SQRT2)).toBeLessThan(0.08);
  });
});

describe('terrain and land cover on the small-town fixture', () => {
  const osm = readOsmPbf(encodeOsmPbf(smallTownExtract()));
  const region = createRegion(polygonsFromGeoJson(smallTownBoundary()).flatMap((p) => p.polygons));
  const { graph } = buildRoadGraph(osm, region);
  const landUse = extractLandUse(osm, region);
  const water = extractWater(osm, region);
  const input: TerrainInput = {
    region,
    landUse: landUse.areas,
    waterAreas: water.terrainAreas,
    waterways: water.lines,
    roads: graph,
    buildings: [],
    cellSizeMetres: 20,
    seed: 1,
  };
  const t = buildTerrain(input);
  const cellOf = (lon: number, lat: number) => {
    const [x, y] = toUtm48n(lon, lat);
    const c = Math.floor((x - t.xllCornerMetres) / t.cellSizeMetres);
    const r = t.rows - 1 - Math.floor((y - t.yllCornerMetres) / t.cellSizeMetres);
    return r * t.columns + c;
  };
  const code = (name: string) => TERRAIN_CLASSES.find((k) => k.name === name)!.code;

  it('covers the boundary box on a 20 m UTM grid snapped to whole cells', () => {
    expect(t.xllCornerMetres % 20).toBe(0);
    expect(t.yllCornerMetres % 20).toBe(0);
    expect(t.columns * 20).toBeGreaterThanOrEqual(650);
    expect(t.rows * 20).toBeGreaterThanOrEqual(550);
    expect(t.demCoverage).toBe(0);
  });

  it('classifies cells: pond = water, school = education, streets = road, outside iff the centre is', () => {
    expect(t.landCover[cellOf(LON0 + 0.004, LAT0 + 0.003)]).toBe(code('water'));
    expect(t.landCover[cellOf(LON0 + 0.0017, LAT0 + 0.001)]).toBe(code('education'));
    expect(t.landCover[cellOf(LON0 + 0.0025, LAT0 + 0.002)]).toBe(code('road'));
    let outside = 0;
    for (let r = 0; r < t.rows; r++) {
      for (let c = 0; c < t.columns; c++) {
        const [lon, lat] = fromUtm48n(
          t.xllCornerMetres + (c + 0.5) * 20,
          t.yllCornerMetres + (t.rows - r - 0.5) * 20,
        );
        const isOutside = t.landCover[r * t.columns + c] === code('outside');
        expect(isOutside).toBe(!region.contains(lon, lat));
        if (isOutside) outside++;
      }
    }
    expect(outside).toBeGreaterThan(0);
  });

  it('burns the pond at least 4 m below the lowest land and keeps land at ≥ 0.5 m', () => {
    let landMin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < t.elevationMetres.length; i++) {
      if (t.landCover[i] !== code('water')) landMin = Math.min(landMin, t.elevationMetres[i]!);
    }
    expect(landMin).toBeGreaterThanOrEqual(0.5);
    expect(t.elevationMetres[cellOf(LON0 + 0.004, LAT0 + 0.003)]).toBeLessThanOrEqual(landMin + 0.8 - 4);
  });

  it('is deterministic for a seed', () => {
    expect(buildTerrain(input).elevationMetres).toEqual(t.elevationMetres);
    expect(buildTerrain({ ...input, seed: 2 }).elevationMetres).not.toEqual(t.elevationMetres);
  });

  it('samples a real DEM bilinearly (a plane is reproduced exactly)', () => {
    const columns = 60;
    const rows = 60;
    const dem: RasterGrid = {
      columns,
      rows,
      xllCornerMetres: t.xllCornerMetres - 100,
      yllCornerMetres: t.yllCornerMetres - 100,
      cellSizeMetres: 15,
      values: new Float64Array(columns * rows),
    };
    const plane = (x: number, y: number) =>
      0.01 * (x - dem.xllCornerMetres) - 0.02 * (y - dem.yllCornerMetres) + 30;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        dem.values[r * columns + c] = plane(
          dem.xllCornerMetres + (c + 0.5) * 15,
          dem.yllCornerMetres + (rows - r - 0.5) * 15,
        );
      }
    }
    const withDem = buildTerrain({ ...input, dem });
    expect(withDem.demCoverage).toBe(1);
    for (const [r, c] of [
      [0, 0],
      [5, 17],
      [t.rows - 1, t.columns - 1],
    ] as const) {
      const x = t.xllCornerMetres + (c + 0.5) * 20;
      const y = t.yllCornerMetres + (t.rows - r - 0.5) * 20;
      expect(withDem.elevationMetres[r * t.columns + c]).toBeCloseTo(plane(x, y), 4);
    }
  });
});
