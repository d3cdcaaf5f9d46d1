import { Checker, describe } from '../../core/check.ts';
import { CITY_REGION_TEXT, insideCityRegion } from '../../core/cityRegion.ts';
import { InputError } from '../../core/errors.ts';
import { localFrameAbout } from './localFrame.ts';
import { ringArea, ringSignedArea } from '../../core/geometry/area.ts';
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import { segmentsIntersect } from '../../core/geometry/segments.ts';
import { findSelfIntersection, type PointMetres } from './planeGeometry.ts';

/** Smallest lot accepted, m² (exterior minus holes). */
export const MIN_LOT_SQUARE_METRES = 1;
/** Largest lot accepted, m² (10 km²: larger than any lot, smaller than the city). */
export const MAX_LOT_SQUARE_METRES = 1e7;
/** Most positions of one ring (the self-intersection check is quadratic in them). */
export const MAX_RING_POSITIONS = 10_000;

/** A WGS84 position [longitude, latitude] in degrees. */
export type LonLat = [number, number];

/** One lot (thửa đất) read from a parcels GeoJSON file. Rings are open (no repeated last position). */
export interface Parcel {
  /** `properties.id`, as given (string or integer). */
  id: string | number;
  /** Zone code, a key of the zoning rules. */
  zone: string;
  /** Exterior ring in WGS84 degrees, ring order as given; edge i joins positions i and i + 1. */
  exterior: LonLat[];
  /** Hole rings (rare for lots); their edges get the side setback. */
  holes: LonLat[][];
  /** Index of the exterior edge that faces the street, when the file gives it. */
  frontEdge?: number;
}

/**
 * Validates a parsed GeoJSON FeatureCollection of Polygon parcels with properties `id`, `zone`
 * (one of `zoneCodes`) and optional `frontEdge`. Throws InputError listing every problem by
 * JSON path, e.g. `features[3].geometry.coordinates[0]: ring is not closed`.
 */
export function parseParcels(value: unknown, zoneCodes: readonly string[]): Parcel[] {
  const c = new Checker();
  const doc = c.object(value, '$');
  if (!doc) throw new InputError(c.problems);
  if (doc.type !== 'FeatureCollection')
    c.fail('type', `expected "FeatureCollection", got ${describe(doc.type)}`);
  const features = c.array(doc.features, 'features') ?? [];
  const parcels: Parcel[] = [];
  const firstIndexOfId = new Map<string | number, number>();
  features.forEach((feature, i) => {
    const parcel = checkParcel(c, feature, `features[${i}]`, zoneCodes);
    const id = rawId(feature);
    const first = id === undefined ? undefined : firstIndexOfId.get(id);
    if (first !== undefined) {
      c.fail(`features[${i}].properties.id`, `duplicate id ${JSON.stringify(id)} (also features[${first}])`);
      return;
    }
    if (id !== undefined) firstIndexOfId.set(id, i);
    if (parcel) parcels.push(parcel);
  });
  if (c.problems.length > 0) throw new InputError(c.problems);
  return parcels;
}

function checkParcel(
  c: Checker,
  value: unknown,
  path: string,
  zoneCodes: readonly string[],
): Parcel | undefined {
  const feature = c.object(value, path);
  if (!feature) return undefined;
  const before = c.problems.length;
  if (feature.type !== 'Feature') c.fail(`${path}.type`, `expected "Feature", got ${describe(feature.type)}`);
  const rings = checkPolygonGeometry(c, feature.geometry, `${path}.geometry`);
  const properties = c.object(feature.properties, `${path}.properties`);
  let id: string | number | undefined;
  let zone: string | undefined;
  let frontEdge: number | undefined;
  if (properties) {
    id = checkId(c, properties.id, `${path}.properties.id`);
    zone = c.string(properties.zone, `${path}.properties.zone`);
    if (zone !== undefined && !zoneCodes.includes(zone)) {
      c.fail(`${path}.properties.zone`, `unknown zone "${zone}" (the rules define ${zoneCodes.join(', ')})`);
    }
    if (properties.frontEdge !== undefined && rings?.[0]) {
      frontEdge = c.integer(properties.frontEdge, `${path}.properties.frontEdge`, 0, rings[0].length - 1);
    }
  }
  if (c.problems.length > before || !rings || id === undefined || zone === undefined) return undefined;
  const [exterior, ...holes] = rings;
  return { id, zone, exterior: exterior!, holes, ...(frontEdge !== undefined ? { frontEdge } : {}) };
}

/** The feature's `properties.id` when it is a usable id, without reporting problems. */
function rawId(feature: unknown): string | number | undefined {
  const id = (feature as { properties?: { id?: unknown } } | null)?.properties?.id;
  return (typeof id === 'string' && id.length > 0) || Number.isInteger(id)
    ? (id as string | number)
    : undefined;
}

function checkId(c: Checker, value: unknown, path: string): string | number | undefined {
  if ((typeof value === 'string' && value.length > 0) || Number.isInteger(value))
    return value as string | number;
  return c.fail(path, `expected a non-empty string or an integer id, got ${describe(value)}`);
}

/** Checks a GeoJSON Polygon and returns its rings opened (last position dropped). */
function checkPolygonGeometry(c: Checker, value: unknown, path: string): LonLat[][] | undefined {
  const geometry = c.object(value, path);
  if (!geometry) return undefined;
  if (geometry.type !== 'Polygon') {
    return c.fail(`${path}.type`, `expected "Polygon", got ${describe(geometry.type)}`);
  }
  const ringList = c.array(geometry.coordinates, `${path}.coordinates`);
  if (!ringList) return undefined;
  if (ringList.length === 0) return c.fail(`${path}.coordinates`, 'expected at least the exterior ring');
  const rings = ringList.map((ring, k) => checkRing(c, ring, `${path}.coordinates[${k}]`));
  if (!rings.every((r) => r !== undefined)) return undefined;
  return checkLot(c, rings as LonLat[][], `${path}.coordinates`);
}

/**
 * Checks the rings of a lot together, in one local frame: each hole inside the exterior (its
 * vertices inside, no edge crossing it) and the lot (exterior minus holes) between
 * MIN_LOT_SQUARE_METRES and MAX_LOT_SQUARE_METRES.
 */
function checkLot(c: Checker, rings: LonLat[][], path: string): LonLat[][] | undefined {
  const frame = localFrameAbout(rings[0]!);
  const [exterior, ...holes] = rings.map((ring) => ring.map(([lon, lat]) => frame.toMetres(lon, lat)));
  const before = c.problems.length;
  let lotArea = ringArea(exterior!);
  holes.forEach((hole, h) => {
    const inside = hole.every(([x, y]) => pointInRing(x, y, exterior!)) && !ringsCross(hole, exterior!);
    if (!inside) c.fail(`${path}[${h + 1}]`, 'hole is not inside the lot');
    lotArea -= ringArea(hole);
  });
  if (c.problems.length > before) return undefined;
  if (!(lotArea >= MIN_LOT_SQUARE_METRES && lotArea <= MAX_LOT_SQUARE_METRES))
    return c.fail(
      path,
      `lot area ${lotArea.toPrecision(3)} m² (holes subtracted) is outside ` +
        `[${MIN_LOT_SQUARE_METRES}, ${MAX_LOT_SQUARE_METRES}] m²`,
    );
  return rings;
}

/** True when an edge of ring `a` crosses or touches an edge of ring `b` (both open, metres). */
function ringsCross(a: readonly PointMetres[], b: readonly PointMetres[]): boolean {
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++)
      if (segmentsIntersect(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!)) return true;
  return false;
}

function checkRing(c: Checker, value: unknown, path: string): LonLat[] | undefined {
  const before = c.problems.length;
  const closed = c.positions(value, path, 4);
  if (!closed || c.problems.length > before) return undefined;
  if (closed.length > MAX_RING_POSITIONS)
    return c.fail(path, `expected at most ${MAX_RING_POSITIONS} positions, got ${closed.length}`);
  const outside = closed.findIndex(([lon, lat]) => !insideCityRegion(lon, lat));
  if (outside >= 0)
    return c.fail(
      `${path}[${outside}]`,
      `position (${closed[outside]!.join(', ')}) lies outside the city region (${CITY_REGION_TEXT})`,
    );
  const first = closed[0]!;
  const last = closed[closed.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return c.fail(path, 'ring is not closed (GeoJSON repeats the first position at the end)');
  }
  const ring = closed.slice(0, -1);
  for (let k = 1; k < ring.length; k++) {
    const a = ring[k - 1]!;
    const b = ring[k]!;
    if (a[0] === b[0] && a[1] === b[1]) c.fail(`${path}[${k}]`, 'repeats the previous position');
  }
  if (c.problems.length > before) return undefined;
  const frame = localFrameAbout(ring);
  const metres: PointMetres[] = ring.map(([lon, lat]) => frame.toMetres(lon, lat));
  const crossing = findSelfIntersection(metres);
  if (crossing) return c.fail(path, `ring crosses itself (edges ${crossing[0]} and ${crossing[1]})`);
  if (Math.abs(ringSignedArea(metres)) < 1e-6) return c.fail(path, 'ring encloses no area');
  return ring;
}
