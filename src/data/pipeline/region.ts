/**
 * The study region (the Thủ Đức boundary): parsed from GeoJSON, with a fast point-in-region test
 * backed by a coarse cell classification (inside / outside / on the border, where the exact
 * ray-casting test runs).
 */
import { InputError } from '../../core/errors.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import { pointInPolygon } from '../../core/geometry/pointInPolygon.ts';
import type { Point, Ring } from './geometry.ts';

/** A (multi)polygon region in WGS84 degrees. */
export interface Region {
  /** Polygons, each as rings (outer first, then holes), `[longitude, latitude]` degrees. */
  polygons: Ring[][];
  /** `[west, south, east, north]` degrees. */
  bounds: [number, number, number, number];
  /** True when the lon/lat point (degrees) lies inside the region. */
  contains(longitudeDegrees: number, latitudeDegrees: number): boolean;
}

const GRID = 128;
const OUTSIDE = 0;
const INSIDE = 1;
const BORDER = 2;

/** Builds a Region from polygons (lon/lat degrees, rings closed or open). */
export function createRegion(polygons: Ring[][]): Region {
  const all = polygons.flat(2);
  const bounds = bbox(all);
  const [west, south, east, north] = bounds;
  const cellX = (east - west) / GRID || 1;
  const cellY = (north - south) / GRID || 1;
  const cells = new Uint8Array(GRID * GRID);
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x0, x1] = [Math.min(ring[i]![0], ring[j]![0]), Math.max(ring[i]![0], ring[j]![0])];
        const [y0, y1] = [Math.min(ring[i]![1], ring[j]![1]), Math.max(ring[i]![1], ring[j]![1])];
        const c0 = clampCell((x0 - west) / cellX);
        const c1 = clampCell((x1 - west) / cellX);
        const r0 = clampCell((y0 - south) / cellY);
        const r1 = clampCell((y1 - south) / cellY);
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * GRID + c] = BORDER;
      }
    }
  }
  const exact = (x: number, y: number) => polygons.some((rings) => pointInPolygon(x, y, rings));
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      if (cells[r * GRID + c] === BORDER) continue;
      cells[r * GRID + c] = exact(west + (c + 0.5) * cellX, south + (r + 0.5) * cellY) ? INSIDE : OUTSIDE;
    }
  }
  return {
    polygons,
    bounds,
    contains(x, y) {
      if (x < west || x > east || y < south || y > north) return false;
      const state = cells[clampCell((y - south) / cellY) * GRID + clampCell((x - west) / cellX)];
      return state === BORDER ? exact(x, y) : state === INSIDE;
    },
  };
}

function clampCell(v: number): number {
  const i = Math.floor(v);
  return i < 0 ? 0 : i >= GRID ? GRID - 1 : i;
}

/**
 * Reads the polygons of a GeoJSON document (FeatureCollection, Feature, Polygon or MultiPolygon).
 * Throws InputError with a JSON path when the document holds no valid polygon.
 */
export function polygonsFromGeoJson(
  doc: unknown,
): Array<{ polygons: Ring[][]; properties: Record<string, unknown> }> {
  const out: Array<{ polygons: Ring[][]; properties: Record<string, unknown> }> = [];
  const visit = (value: unknown, path: string, properties: Record<string, unknown>): void => {
    if (!isObject(value)) throw new InputError([{ path, message: 'expected a GeoJSON object' }]);
    if (value.type === 'FeatureCollection') {
      if (!Array.isArray(value.features))
        throw new InputError([{ path: `${path}.features`, message: 'expected an array' }]);
      value.features.forEach((f, i) => {
        visit(f, `${path ? `${path}.` : ''}features[${i}]`, {});
      });
    } else if (value.type === 'Feature') {
      const props = isObject(value.properties) ? value.properties : {};
      visit(value.geometry, `${path}.geometry`.replace(/^\./, ''), props);
    } else if (value.type === 'Polygon') {
      out.push({ polygons: [rings(value.coordinates, `${path}.coordinates`)], properties });
    } else if (value.type === 'MultiPolygon') {
      if (!Array.isArray(value.coordinates)) {
        throw new InputError([{ path: `${path}.coordinates`, message: 'expected an array of polygons' }]);
      }
      out.push({
        polygons: value.coordinates.map((p, i) => rings(p, `${path}.coordinates[${i}]`)),
        properties,
      });
    } else {
      throw new InputError([
        { path: `${path}.type`, message: 'expected FeatureCollection, Feature, Polygon or MultiPolygon' },
      ]);
    }
  };
  visit(doc, '', {});
  if (out.length === 0) throw new InputError('no polygon in the GeoJSON document');
  return out;
}

function rings(value: unknown, path: string): Ring[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InputError([{ path, message: 'expected an array of rings' }]);
  return value.map((ring, i) => {
    if (!Array.isArray(ring) || ring.length < 4) {
      throw new InputError([{ path: `${path}[${i}]`, message: 'expected a ring of at least 4 positions' }]);
    }
    return ring.map((p, k): Point => {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
        throw new InputError([
          { path: `${path}[${i}][${k}]`, message: 'expected a [longitude, latitude] position' },
        ]);
      }
      if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
        throw new InputError([{ path: `${path}[${i}][${k}]`, message: 'expected WGS84 degrees' }]);
      }
      return [p[0], p[1]];
    });
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
