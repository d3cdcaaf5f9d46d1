/**
 * The census ward layer of the dataset (`wards.geojson`, format `twin-wards/1`): the 36 wards of
 * 2019 (former District 2, District 9 and Thủ Đức district) with their GSO census population of
 * 2009 and 2019 and their polygon (WGS84, lightly simplified). The land-use stage allocates each
 * ward's population to the residential floor space inside it (docs/landuse-city.md).
 */
import { InputError } from '../../core/errors.ts';
import { type Feature, polygonFeature } from './geojson.ts';
import type { Point, Ring } from './geometry.ts';
import { polygonsFromGeoJson } from './region.ts';

/** Attribution required wherever the ward polygons or counts appear (SOURCES.md, "Census"). */
export const CENSUS_WARDS_ATTRIBUTION = 'GSO census 2019, ward polygons from CityScope CSL_HCMC';

/** Douglas–Peucker tolerance of the ward outlines, metres (the source has a vertex every ~10 m). */
export const WARD_SIMPLIFY_TOLERANCE_METRES = 2;

/** One row of the census table (`thuduc-wards-2019.csv`). */
export interface CensusTableRow {
  code: string;
  name: string;
  oldDistrict: string;
  population2009: number;
  population2019: number;
}

const TABLE_COLUMNS = ['ward_code', 'ward', 'old_district', 'population_2009', 'population_2019'] as const;

/**
 * Parses the census table: a CSV with a header naming at least `ward_code`, `ward`,
 * `old_district`, `population_2009` and `population_2019` (no quoted fields). Problems are
 * InputErrors with `line N`.
 */
export function parseCensusTable(text: string): Map<string, CensusTableRow> {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const column = Object.fromEntries(TABLE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof TABLE_COLUMNS)[number],
    number
  >;
  const missing = TABLE_COLUMNS.filter((c) => column[c] < 0);
  if (missing.length > 0) throw new InputError([{ path: 'line 1', message: `missing columns ${missing}` }]);
  const rows = new Map<string, CensusTableRow>();
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const cells = line.split(',').map((c) => c.trim());
    const count = (name: 'population_2009' | 'population_2019') => {
      const v = Number(cells[column[name]]);
      if (!Number.isInteger(v) || v < 0 || cells[column[name]] === '') {
        throw new InputError([{ path: `line ${i + 1}`, message: `${name} must be a non-negative integer` }]);
      }
      return v;
    };
    const code = cells[column.ward_code] ?? '';
    if (code === '') throw new InputError([{ path: `line ${i + 1}`, message: 'empty ward_code' }]);
    if (rows.has(code)) throw new InputError([{ path: `line ${i + 1}`, message: `ward ${code} twice` }]);
    rows.set(code, {
      code,
      name: cells[column.ward] ?? '',
      oldDistrict: cells[column.old_district] ?? '',
      population2009: count('population_2009'),
      population2019: count('population_2019'),
    });
  });
  return rows;
}

/** Perpendicular distance from p to segment ab (plane). */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * Douglas–Peucker simplification of a closed lon/lat ring with a tolerance in metres (local
 * equirectangular metres at the ring's latitude). Keeps at least 4 distinct vertices; iterative,
 * deterministic.
 */
export function simplifyRing(ring: readonly Point[], toleranceMetres: number): Ring {
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
  const points = open ? ring.slice(0, -1) : ring.slice();
  if (points.length <= 4 || toleranceMetres <= 0) return points.map((p): Point => [p[0], p[1]]);
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
  const ky = 110_574;
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const xy = points.map((p): Point => [p[0] * kx, p[1] * ky]);
  // Split the closed ring at vertex 0 and at the vertex farthest from it.
  let far = 0;
  let farDistance = -1;
  xy.forEach((p, i) => {
    const d = Math.hypot(p[0] - xy[0]![0], p[1] - xy[0]![1]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  });
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[far] = 1;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, points.length],
  ];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const a = xy[from]!;
    const b = xy[to % points.length]!;
    let worst = -1;
    let worstDistance = toleranceMetres;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(xy[i]!, a, b);
      if (d > worstDistance) {
        worstDistance = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  let out = points.filter((_, i) => keep[i] === 1);
  if (out.length < 4) out = points.slice();
  return out.map((p): Point => [p[0], p[1]]);
}

/** The ward layer: its text, the number of wards and vertices, and the census totals. */
export interface CensusWardsLayer {
  text: string;
  wards: number;
  vertices: number;
  population2009: number | null;
  population2019: number;
}

const stringOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/**
 * Builds `wards.geojson` from the census ward polygons (GeoJSON with `ward_code`, `ward`,
 * `old_district`, `population_2019` per feature) and, when given, the census table (for the
 * 2009 population; its 2019 counts must agree). Wards are sorted by code; outlines simplified
 * by `toleranceMetres` and rounded to 10⁻⁶°. Deterministic.
 */
export function censusWardsLayer(
  geojson: unknown,
  table: ReadonlyMap<string, CensusTableRow> | undefined,
  toleranceMetres = WARD_SIMPLIFY_TOLERANCE_METRES,
): CensusWardsLayer {
  const wards = polygonsFromGeoJson(geojson).map((w, i) => {
    const p = w.properties;
    const path = `features[${i}].properties`;
    const code = stringOf(p.ward_code);
    const population2019 = p.population_2019;
    if (code === undefined) throw new InputError([{ path: `${path}.ward_code`, message: 'expected a code' }]);
    if (typeof population2019 !== 'number' || !Number.isInteger(population2019) || population2019 < 0) {
      throw new InputError([{ path: `${path}.population_2019`, message: 'expected a non-negative integer' }]);
    }
    const row = table?.get(code);
    if (table && !row) {
      throw new InputError([
        { path: `${path}.ward_code`, message: `ward ${code} is not in the census table` },
      ]);
    }
    if (row && row.population2019 !== population2019) {
      throw new InputError([
        {
          path: `${path}.population_2019`,
          message: `${population2019} disagrees with the census table's ${row.population2019}`,
        },
      ]);
    }
    return { code, polygons: w.polygons, properties: p, row, population2019 };
  });
  const seen = new Set<string>();
  for (const w of wards) {
    if (seen.has(w.code)) throw new InputError(`ward ${w.code} appears twice`);
    seen.add(w.code);
  }
  wards.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const features: Feature[] = [];
  let vertices = 0;
  for (const w of wards) {
    const f = polygonFeature(
      w.polygons.map((rings) => rings.map((ring) => simplifyRing(ring, toleranceMetres))),
      {
        code: w.code,
        name: w.row?.name ?? stringOf(w.properties.ward) ?? '',
        oldDistrict: w.row?.oldDistrict ?? stringOf(w.properties.old_district) ?? '',
        population2009: w.row ? w.row.population2009 : null,
        population2019: w.population2019,
      },
    );
    if (!f) throw new InputError(`ward ${w.code} has no polygon`);
    const g = f.geometry;
    if (g.type === 'Polygon') for (const r of g.coordinates) vertices += r.length - 1;
    else if (g.type === 'MultiPolygon')
      for (const p of g.coordinates) for (const r of p) vertices += r.length - 1;
    features.push(f);
  }
  const header = {
    type: 'FeatureCollection',
    format: 'twin-wards/1',
    attribution: CENSUS_WARDS_ATTRIBUTION,
    censusYears: [2009, 2019],
  };
  const text = `${JSON.stringify(header).slice(0, -1)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  return {
    text,
    wards: features.length,
    vertices,
    population2009: table ? wards.reduce((s, w) => s + (w.row?.population2009 ?? 0), 0) : null,
    population2019: wards.reduce((s, w) => s + w.population2019, 0),
  };
}
