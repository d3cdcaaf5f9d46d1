import { GROWTH_LAND_USE, type GrowthInput } from '../growth.ts';

/** Land-cover class names (terrain.json) that count as built-up for the growth model. */
export const BUILT_CLASSES = [
  'residential',
  'commercial',
  'industrial',
  'mixed',
  'education',
  'health',
  'transport',
  'public',
  'road',
  'building',
] as const;

/** Assumptions of the coarse growth grid (documented in docs/landuse-city.md). */
export const GROWTH_GRID_ASSUMPTIONS = {
  /** Terrain cells per growth cell along each axis: 5 × 20 m = 100 m cells (1 ha). */
  coarsenFactor: 5,
  /** A growth cell is urban at the start when at least this share of its land cells is built-up. */
  urbanBuiltShare: 0.4,
  /** … water when at least this share of its cells is water or outside the boundary. */
  waterShare: 0.5,
  /** … park when at least this share of its cells is green (parks are never built on). */
  parkShare: 0.5,
  /** Flood-prone: mean ground elevation below this, m above MSL (the low floodplain). */
  floodProneBelowMetres: 2,
} as const;

/** The fine terrain grid the growth grid is derived from (row 0 north). */
export interface FineTerrain {
  columns: number;
  rows: number;
  cellSizeMetres: number;
  elevationMetres: ArrayLike<number>;
  landCover: Uint8Array;
  /** Land-cover class names by code. */
  classNames: readonly string[];
}

/** The growth grid: the model's input without run settings, plus the mapping back to terrain cells. */
export interface GrowthGrid extends Pick<GrowthInput, 'width' | 'height' | 'cellSizeMetres' | 'landUse'> {
  slopePercent: Uint8Array;
  roads: Uint8Array;
  floodProne: Uint8Array;
  /** Terrain cells per growth cell along each axis. */
  coarsenFactor: number;
}

/**
 * Coarsens the 20 m land-cover grid to 100 m growth cells for the SLEUTH-style model:
 * water (or outside the boundary) by majority, park where green dominates, urban where the
 * built-up share (land-use classes, roads, buildings) reaches `urbanBuiltShare`, else
 * undeveloped; roads where any road cell lies in the block; slope (percent) from the mean
 * elevation of neighbouring blocks (central differences); flood-prone below
 * `floodProneBelowMetres`.
 */
export function growthGridFromTerrain(terrain: FineTerrain): GrowthGrid {
  const f = GROWTH_GRID_ASSUMPTIONS.coarsenFactor;
  const width = Math.ceil(terrain.columns / f);
  const height = Math.ceil(terrain.rows / f);
  const cells = width * height;
  const code = (name: string) => terrain.classNames.indexOf(name);
  const built = new Uint8Array(256);
  for (const name of BUILT_CLASSES) if (code(name) >= 0) built[code(name)] = 1;
  const water = code('water');
  const outside = code('outside');
  const green = code('green');
  const road = code('road');
  const landUse = new Uint8Array(cells);
  const roads = new Uint8Array(cells);
  const meanElevation = new Float64Array(cells);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let total = 0;
      let builtCount = 0;
      let waterCount = 0;
      let greenCount = 0;
      let roadCount = 0;
      let elevationSum = 0;
      let landCells = 0;
      for (let i = r * f; i < Math.min(terrain.rows, (r + 1) * f); i++) {
        for (let j = c * f; j < Math.min(terrain.columns, (c + 1) * f); j++) {
          const k = i * terrain.columns + j;
          const lc = terrain.landCover[k]!;
          total++;
          if (lc === water || lc === outside) {
            waterCount++;
            continue;
          }
          landCells++;
          elevationSum += terrain.elevationMetres[k]!;
          if (built[lc]) builtCount++;
          if (lc === green) greenCount++;
          if (lc === road) roadCount++;
        }
      }
      const g = r * width + c;
      meanElevation[g] = landCells > 0 ? elevationSum / landCells : 0;
      roads[g] = roadCount > 0 ? 1 : 0;
      landUse[g] =
        waterCount >= GROWTH_GRID_ASSUMPTIONS.waterShare * total
          ? GROWTH_LAND_USE.water
          : greenCount >= GROWTH_GRID_ASSUMPTIONS.parkShare * landCells
            ? GROWTH_LAND_USE.park
            : builtCount >= GROWTH_GRID_ASSUMPTIONS.urbanBuiltShare * landCells
              ? GROWTH_LAND_USE.urban
              : GROWTH_LAND_USE.undeveloped;
    }
  }
  const size = terrain.cellSizeMetres * f;
  const slopePercent = new Uint8Array(cells);
  const floodProne = new Uint8Array(cells);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const g = r * width + c;
      const at = (rr: number, cc: number) =>
        meanElevation[Math.min(height - 1, Math.max(0, rr)) * width + Math.min(width - 1, Math.max(0, cc))]!;
      const dzdx = (at(r, c + 1) - at(r, c - 1)) / (2 * size);
      const dzdy = (at(r + 1, c) - at(r - 1, c)) / (2 * size);
      slopePercent[g] = Math.min(255, Math.round(100 * Math.hypot(dzdx, dzdy)));
      floodProne[g] = meanElevation[g]! < GROWTH_GRID_ASSUMPTIONS.floodProneBelowMetres ? 1 : 0;
    }
  }
  return { width, height, cellSizeMetres: size, landUse, slopePercent, roads, floodProne, coarsenFactor: f };
}
