/**
 * Validation of a flood run against known flood spots (điểm ngập): the share of reported spots
 * the model floods (hit rate H) against the share of random street points it floods (the base
 * rate B: what a model that floods streets at random, with the same extent, would score), the
 * skill (H − B)/(1 − B) and a one-sided binomial p-value of H given B. docs/validation.md.
 *
 * Points are compared in the flood grid's frame (EPSG:32648, UTM 48N, row 0 north). A spot stands
 * for a street section, so its depth is the deepest LAND cell (inside the city, not permanent
 * water) touching a disc of {@link SPOT_SEARCH_RADIUS_METRES} around its point; random street
 * points are measured the same way.
 */
import { InputError } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';

/** Radius of the disc searched around each spot and each random street point, m. */
export const SPOT_SEARCH_RADIUS_METRES = 50;
/** Maximum depth at which a spot counts as flooded, m (the flood KPIs' 0.10 m). */
export const SPOT_FLOODED_DEPTH_METRES = 0.1;
/** Random street points drawn by default. */
export const DEFAULT_RANDOM_POINTS = 2000;

/** One known flood spot from a CSV with at least `lat` and `lon` columns. */
export interface FloodSpot {
  /** The `id` column, else `line N`. */
  id: string;
  /** The `title` column, else the id. */
  title: string;
  /** The `cause` column (rain, tide, both), when present. */
  cause?: string;
  latitudeDegrees: number;
  longitudeDegrees: number;
  /** 1-based line of the CSV. */
  line: number;
}

/** Splits one CSV record (RFC 4180: quoted fields, "" inside quotes). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * Parses a flood-spots CSV: a header row naming the columns (`lat`/`latitude` and
 * `lon`/`lng`/`longitude` required; `id`, `title`, `cause` used when present; others ignored),
 * then one spot per row. Blank lines are skipped. Throws InputError (`line N`) for a missing
 * column or a coordinate that is not a number in range.
 */
export function parseFloodSpotsCsv(text: string): FloodSpot[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0)
    throw new InputError([{ path: 'line 1', message: 'empty file: expected a header row' }]);
  const header = splitCsvLine(lines[headerIndex]!).map((h) => h.toLowerCase());
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const lat = column('lat', 'latitude');
  const lon = column('lon', 'lng', 'long', 'longitude');
  const id = column('id');
  const title = column('title', 'name');
  const cause = column('cause');
  if (lat < 0 || lon < 0)
    throw new InputError([
      {
        path: `line ${headerIndex + 1}`,
        message: `expected columns "lat" and "lon", got ${header.join(',')}`,
      },
    ]);
  const spots: FloodSpot[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const cells = splitCsvLine(lines[i]!);
    const where = `line ${i + 1}`;
    const coordinate = (k: number, name: string, limit: number) => {
      const raw = cells[k] ?? '';
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || Math.abs(v) > limit)
        throw new InputError([{ path: where, message: `${name}: expected degrees, got "${raw}"` }]);
      return v;
    };
    const spotId = id >= 0 && cells[id] ? cells[id]! : where;
    spots.push({
      id: spotId,
      title: title >= 0 && cells[title] ? cells[title]! : spotId,
      ...(cause >= 0 && cells[cause] ? { cause: cells[cause]! } : {}),
      latitudeDegrees: coordinate(lat, header[lat]!, 90),
      longitudeDegrees: coordinate(lon, header[lon]!, 180),
      line: i + 1,
    });
  }
  return spots;
}

/** A maximum-depth grid with the cells that count as land. */
export interface SpotDepthLayer {
  columns: number;
  rows: number;
  /** West edge, m (EPSG:32648). */
  xllCornerMetres: number;
  /** South edge, m. */
  yllCornerMetres: number;
  cellSizeMetres: number;
  /** Maximum depth of the event per cell, m, row 0 north. */
  maxDepthMetres: ArrayLike<number>;
  /** 1 for land inside the city (not outside, not rivers, canals, lakes or ponds). */
  land: ArrayLike<number>;
}

/** Depth near one point: the deepest land cell touching the disc, or why there is none. */
export type DepthNear =
  | { status: 'evaluated'; maxDepthMetres: number; landCells: number }
  | { status: 'outsideGrid' }
  | { status: 'noLand' };

/**
 * The deepest land cell whose square touches the disc of `radiusMetres` around (x, y) (m, the
 * grid's CRS); the cell containing the point always touches it. `outsideGrid` when the point is
 * off the grid, `noLand` when no land cell of the city touches the disc (outside the city, or in
 * the middle of a river).
 */
export function maxDepthNear(layer: SpotDepthLayer, x: number, y: number, radiusMetres: number): DepthNear {
  const s = layer.cellSizeMetres;
  const west = layer.xllCornerMetres;
  const north = layer.yllCornerMetres + layer.rows * s;
  if (!(x >= west && x < west + layer.columns * s && y > layer.yllCornerMetres && y <= north))
    return { status: 'outsideGrid' };
  const c0 = Math.max(0, Math.floor((x - radiusMetres - west) / s));
  const c1 = Math.min(layer.columns - 1, Math.floor((x + radiusMetres - west) / s));
  const r0 = Math.max(0, Math.floor((north - y - radiusMetres) / s));
  const r1 = Math.min(layer.rows - 1, Math.floor((north - y + radiusMetres) / s));
  let deepest = Number.NEGATIVE_INFINITY;
  let landCells = 0;
  for (let r = r0; r <= r1; r++) {
    const top = north - r * s;
    const dy = y > top ? y - top : y < top - s ? top - s - y : 0;
    for (let c = c0; c <= c1; c++) {
      const left = west + c * s;
      const dx = x < left ? left - x : x > left + s ? x - left - s : 0;
      if (dx * dx + dy * dy > radiusMetres * radiusMetres) continue;
      const k = r * layer.columns + c;
      if (!layer.land[k]) continue;
      landCells++;
      const d = layer.maxDepthMetres[k]!;
      if (d > deepest) deepest = d;
    }
  }
  if (landCells === 0) return { status: 'noLand' };
  return { status: 'evaluated', maxDepthMetres: Math.max(0, deepest), landCells };
}

/** A street centreline in the grid's CRS, m. */
export type Polyline = ReadonlyArray<readonly [number, number]>;

/**
 * `count` points drawn along the polylines with probability proportional to length (a segment
 * is picked by its length, then a uniform position on it), deterministic for a seed. Points that
 * `accept` rejects (e.g. outside the city) are drawn again, up to `maxDraws` in all; returns the
 * accepted points (fewer than `count` only when the draws ran out).
 */
export function randomPointsAlong(
  polylines: readonly Polyline[],
  count: number,
  seed: number,
  accept: (x: number, y: number) => boolean = () => true,
  maxDraws = 50 * count + 1000,
): Array<[number, number]> {
  const starts: Array<readonly [number, number]> = [];
  const ends: Array<readonly [number, number]> = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of polylines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (!(length > 0)) continue;
      total += length;
      starts.push(a);
      ends.push(b);
      cumulative.push(total);
    }
  }
  const points: Array<[number, number]> = [];
  if (total === 0) return points;
  const random = seededRandom(seed);
  for (let draw = 0; draw < maxDraws && points.length < count; draw++) {
    const at = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > at) hi = mid;
      else lo = mid + 1;
    }
    const f = random.next();
    const a = starts[lo]!;
    const b = ends[lo]!;
    const x = a[0] + (b[0] - a[0]) * f;
    const y = a[1] + (b[1] - a[1]) * f;
    if (accept(x, y)) points.push([x, y]);
  }
  return points;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; |relative error| < 1e-13). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = g[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * One-sided binomial p-value P(X ≥ k) for X ~ Binomial(n, p): the chance of at least `k` hits
 * among `n` spots if each were flooded with probability `p` (exact sum of the upper tail).
 */
export function binomialUpperTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logC = (j: number) => logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1);
  let sum = 0;
  for (let j = k; j <= n; j++) sum += Math.exp(logC(j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
  return Math.min(1, sum);
}

/**
 * Skill of a hit rate against chance, (H − B)/(1 − B): the share of the possible improvement over
 * the base rate B that the model achieves (1 perfect, 0 no better than flooding streets at random,
 * negative worse). The form of the Heidke skill score (score − chance)/(perfect − chance).
 * Undefined (null) when B = 1.
 */
export function skillAgainstChance(hitRate: number, baseRate: number): number | null {
  return baseRate < 1 ? (hitRate - baseRate) / (1 - baseRate) : null;
}

/** Options of {@link validateFloodSpots}. */
export interface FloodSpotsOptions {
  radiusMetres?: number;
  floodedDepthMetres?: number;
}

/** One spot's result. */
export interface SpotResult {
  id: string;
  title: string;
  cause?: string;
  lat: number;
  lon: number;
  /** Whether the spot counts (a land cell of the city touches its disc). */
  evaluated: boolean;
  /** Why not: off the flood grid, or no land of the city within the radius. */
  excludedBecause?: 'outside the flood grid' | 'no land of the city within the search radius';
  /** Deepest land cell within the radius, m (null when excluded). */
  maxDepthMetres: number | null;
  /** maxDepthMetres ≥ the flooded depth (null when excluded). */
  flooded: boolean | null;
}

/** The comparison of a run with the spots and the street base rate. */
export interface FloodSpotsValidation {
  spots: SpotResult[];
  /** Spots evaluated (inside the flood grid, land within the radius): the n of the hit rate. */
  spotsCount: number;
  spotsFlooded: number;
  spotsExcluded: number;
  /** Flooded share of the evaluated spots, H (null without spots). */
  hitRate: number | null;
  /** Random street points drawn (and measured). */
  randomPoints: number;
  randomPointsFlooded: number;
  /** Flooded share of the random street points, B. */
  streetBaseRate: number | null;
  /** Standard error of B from the sample, √(B(1 − B)/N). */
  streetBaseRateStdError: number | null;
  /** (H − B)/(1 − B). */
  skill: number | null;
  /** P(X ≥ hits) for X ~ Binomial(spotsCount, B). */
  pValue: number | null;
  radiusMetres: number;
  floodedDepthMetres: number;
}

/** A spot or street point in the grid's CRS (m), e.g. from toUtm48n. */
export interface ProjectedSpot extends FloodSpot {
  x: number;
  y: number;
}

/**
 * Compares a run's maximum depth with known flood spots and random street points (already in the
 * grid's CRS). Spots off the grid or without land within the radius are reported and excluded;
 * street points should be drawn with {@link isEvaluable} as their acceptance test.
 */
export function validateFloodSpots(
  layer: SpotDepthLayer,
  spots: readonly ProjectedSpot[],
  streetPoints: ReadonlyArray<readonly [number, number]>,
  options: FloodSpotsOptions = {},
): FloodSpotsValidation {
  const radiusMetres = options.radiusMetres ?? SPOT_SEARCH_RADIUS_METRES;
  const floodedDepthMetres = options.floodedDepthMetres ?? SPOT_FLOODED_DEPTH_METRES;
  const results: SpotResult[] = spots.map((s) => {
    const near = maxDepthNear(layer, s.x, s.y, radiusMetres);
    const base = {
      id: s.id,
      title: s.title,
      ...(s.cause !== undefined ? { cause: s.cause } : {}),
      lat: s.latitudeDegrees,
      lon: s.longitudeDegrees,
    };
    if (near.status !== 'evaluated')
      return {
        ...base,
        evaluated: false,
        excludedBecause:
          near.status === 'outsideGrid'
            ? ('outside the flood grid' as const)
            : ('no land of the city within the search radius' as const),
        maxDepthMetres: null,
        flooded: null,
      };
    return {
      ...base,
      evaluated: true,
      maxDepthMetres: near.maxDepthMetres,
      flooded: near.maxDepthMetres >= floodedDepthMetres,
    };
  });
  const evaluated = results.filter((r) => r.evaluated);
  const hits = evaluated.filter((r) => r.flooded).length;
  let streetHits = 0;
  let streetCount = 0;
  for (const [x, y] of streetPoints) {
    const near = maxDepthNear(layer, x, y, radiusMetres);
    if (near.status !== 'evaluated') continue;
    streetCount++;
    if (near.maxDepthMetres >= floodedDepthMetres) streetHits++;
  }
  const hitRate = evaluated.length > 0 ? hits / evaluated.length : null;
  const baseRate = streetCount > 0 ? streetHits / streetCount : null;
  return {
    spots: results,
    spotsCount: evaluated.length,
    spotsFlooded: hits,
    spotsExcluded: results.length - evaluated.length,
    hitRate,
    randomPoints: streetCount,
    randomPointsFlooded: streetHits,
    streetBaseRate: baseRate,
    streetBaseRateStdError: baseRate !== null ? Math.sqrt((baseRate * (1 - baseRate)) / streetCount) : null,
    skill: hitRate !== null && baseRate !== null ? skillAgainstChance(hitRate, baseRate) : null,
    pValue:
      hitRate !== null && baseRate !== null ? binomialUpperTail(evaluated.length, hits, baseRate) : null,
    radiusMetres,
    floodedDepthMetres,
  };
}

/** Whether a point is measured (on the grid, with land of the city within the radius). */
export function isEvaluable(layer: SpotDepthLayer, x: number, y: number, radiusMetres: number): boolean {
  return maxDepthNear(layer, x, y, radiusMetres).status === 'evaluated';
}

/** What {@link streetCentrelines} reads of roads.json (`twin-roads/1`). */
export interface RoadCentrelines {
  links: { geometry: readonly number[]; flags: readonly number[] };
  geometries: { offsets: readonly number[]; coordinates: readonly number[] };
}

/** roads.json link flags of links above or below the ground (LINK_FLAG bridge 1, tunnel 2). */
const OFF_GROUND_FLAGS = 1 | 2;

/**
 * The dataset's street centrelines at ground level, each street once (both directions of a street
 * share one polyline), projected by `project` (scene metres → the grid's CRS). Bridges and
 * tunnels are left out: their water is not the street's.
 */
export function streetCentrelines(
  roads: RoadCentrelines,
  project: (east: number, north: number) => [number, number],
): Polyline[] {
  const { offsets, coordinates } = roads.geometries;
  const polylines = offsets.length - 1;
  const used = new Uint8Array(polylines);
  const offGround = new Uint8Array(polylines);
  roads.links.geometry.forEach((g, i) => {
    used[g] = 1;
    if (roads.links.flags[i]! & OFF_GROUND_FLAGS) offGround[g] = 1;
  });
  const out: Polyline[] = [];
  for (let g = 0; g < polylines; g++) {
    if (!used[g] || offGround[g]) continue;
    const line: Array<[number, number]> = [];
    for (let v = offsets[g]!; v < offsets[g + 1]!; v++)
      line.push(project(coordinates[2 * v]!, coordinates[2 * v + 1]!));
    out.push(line);
  }
  return out;
}
