/**
 * A fine land-class raster in the scene frame used to site synthetic buildings: 0 outside the
 * region, 1 inside but without mapped land use, 2 + LAND_USES index where a land-use area (or
 * water) covers the cell centre. Smaller areas are painted over larger ones; water last.
 */
import { toSceneMetres } from '../../core/geo.ts';
import { LAND_USES, type LandUse } from '../../core/vocabulary.ts';
import type { Point, Ring } from './geometry.ts';
import { fillPolygon } from './rasterize.ts';
import type { Region } from './region.ts';
import type { LandUseArea } from './landUse.ts';

/** Class codes of the mask. */
export const SITE_OUTSIDE = 0;
export const SITE_UNMAPPED = 1;
/** Mask code of a land use. */
export const siteCode = (use: LandUse): number => 2 + LAND_USES.indexOf(use);

/** The raster and its scene-metre frame (row 0 at the south edge). */
export interface SiteMask {
  values: Uint8Array;
  cols: number;
  rows: number;
  originEast: number;
  originNorth: number;
  cellMetres: number;
  /** Class at a scene point; SITE_OUTSIDE beyond the raster. */
  at(east: number, north: number): number;
}

/** Rasterizes the region, land use and water at `cellMetres`. */
export function buildSiteMask(
  region: Region,
  landUse: readonly LandUseArea[],
  water: readonly Ring[][][],
  cellMetres: number,
): SiteMask {
  const [w, s, e, n] = region.bounds;
  const [originEast, originNorth] = toSceneMetres(w, s);
  const [maxEast, maxNorth] = toSceneMetres(e, n);
  const cols = Math.ceil((maxEast - originEast) / cellMetres);
  const rows = Math.ceil((maxNorth - originNorth) / cellMetres);
  const values = new Uint8Array(cols * rows);
  const target = { values, cols, rows };
  const toGrid = (rings: readonly Ring[]) =>
    rings.map((ring) =>
      ring.map(([lon, lat]): Point => {
        const [x, y] = toSceneMetres(lon, lat);
        return [(x - originEast) / cellMetres, (y - originNorth) / cellMetres];
      }),
    );
  for (const rings of region.polygons) fillPolygon(target, toGrid(rings), SITE_UNMAPPED);
  const spans = landUse.map((a, i) => ({ a, i, span: spanOf(a.polygons) }));
  spans.sort((x, y) => y.span - x.span || x.i - y.i);
  for (const { a } of spans)
    for (const rings of a.polygons) fillPolygon(target, toGrid(rings), siteCode(a.use));
  for (const polygons of water)
    for (const rings of polygons) fillPolygon(target, toGrid(rings), siteCode('water'));
  return {
    values,
    cols,
    rows,
    originEast,
    originNorth,
    cellMetres,
    at(east, north) {
      const c = Math.floor((east - originEast) / cellMetres);
      const r = Math.floor((north - originNorth) / cellMetres);
      if (c < 0 || r < 0 || c >= cols || r >= rows) return SITE_OUTSIDE;
      return values[r * cols + c]!;
    },
  };
}

function spanOf(polygons: readonly Ring[][]): number {
  let w = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const rings of polygons) {
    for (const [x, y] of rings[0]!) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  }
  return (e - w) * (n - s);
}
