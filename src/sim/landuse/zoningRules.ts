import { Checker } from '../../core/check.ts';
import { InputError } from '../../core/errors.ts';
import { LAND_USES, type LandUse } from '../../core/vocabulary.ts';

/** Zoning rules for one zone (QCVN 01:2021/BXD terms; see `twin-zoning-rules/1`). */
export interface ZoneRules {
  use: LandUse;
  /** Mật độ xây dựng: maximum building coverage, 0..1. */
  maxCoverage: number;
  /** Hệ số sử dụng đất: maximum floor-area ratio. */
  maxFAR: number;
  maxHeight: number;
  floorHeight: number;
  setbacks: { front: number; side: number; rear: number };
  /** Minimum share of the lot kept green, 0..1. */
  minGreenRatio?: number;
}

/** Format tag of a zoning rules document. */
export const ZONING_RULES_FORMAT = 'twin-zoning-rules/1';

/** A `twin-zoning-rules/1` document: rules by zone code (e.g. "R1"); lengths in metres. */
export interface ZoningRules {
  format: typeof ZONING_RULES_FORMAT;
  zones: Record<string, ZoneRules>;
}

/**
 * Validates a parsed JSON value as `twin-zoning-rules/1` and returns it typed.
 * Throws InputError listing every problem as `path: message` (e.g. `zones.R1.setbacks.front`).
 */
export function parseZoningRules(value: unknown): ZoningRules {
  const c = new Checker();
  const doc = c.object(value, '$');
  if (!doc) throw new InputError(c.problems);
  if (doc.format !== ZONING_RULES_FORMAT) c.fail('format', `expected "${ZONING_RULES_FORMAT}"`);
  const zonesObject = c.object(doc.zones, 'zones');
  const entries: Array<[string, ZoneRules]> = [];
  if (zonesObject) {
    const codes = Object.keys(zonesObject);
    if (codes.length === 0) c.fail('zones', 'expected at least one zone');
    for (const code of codes) {
      const rules = checkZoneRules(c, zonesObject[code], `zones.${code}`);
      if (rules) entries.push([code, rules]);
    }
  }
  if (c.problems.length > 0) throw new InputError(c.problems);
  // fromEntries defines own properties, so even a zone called "__proto__" stays a zone.
  return { format: ZONING_RULES_FORMAT, zones: Object.fromEntries(entries) };
}

/** Checks one zone's rules (shared by the `twin-zoning-rules/1` loader and scenario validation). */
export function checkZoneRules(c: Checker, value: unknown, path: string): ZoneRules | undefined {
  const r = c.object(value, path);
  if (!r) return undefined;
  const use = c.oneOf(r.use, `${path}.use`, LAND_USES);
  const maxCoverage = c.number(r.maxCoverage, `${path}.maxCoverage`, 0, 1);
  const maxFAR = positiveAtMost(c, r.maxFAR, `${path}.maxFAR`, 100);
  const maxHeight = positiveAtMost(c, r.maxHeight, `${path}.maxHeight`, 1000);
  const floorHeight = c.number(r.floorHeight, `${path}.floorHeight`, 2, 10);
  const s = c.object(r.setbacks, `${path}.setbacks`);
  const front = s ? c.number(s.front, `${path}.setbacks.front`, 0, 100) : undefined;
  const side = s ? c.number(s.side, `${path}.setbacks.side`, 0, 100) : undefined;
  const rear = s ? c.number(s.rear, `${path}.setbacks.rear`, 0, 100) : undefined;
  const minGreenRatio =
    r.minGreenRatio === undefined ? undefined : c.number(r.minGreenRatio, `${path}.minGreenRatio`, 0, 1);
  if (
    use === undefined ||
    maxCoverage === undefined ||
    maxFAR === undefined ||
    maxHeight === undefined ||
    floorHeight === undefined ||
    front === undefined ||
    side === undefined ||
    rear === undefined
  ) {
    return undefined;
  }
  return {
    use,
    maxCoverage,
    maxFAR,
    maxHeight,
    floorHeight,
    setbacks: { front, side, rear },
    ...(minGreenRatio !== undefined ? { minGreenRatio } : {}),
  };
}

/** A number in (0, max], or a problem. */
function positiveAtMost(c: Checker, value: unknown, path: string, max: number): number | undefined {
  const n = c.number(value, path);
  if (n !== undefined && !(n > 0 && n <= max))
    return c.fail(path, `expected a number in (0, ${max}], got ${n}`);
  return n;
}

/** The rules of `zone` when `zones` defines it as its own property (never an inherited one such as `constructor`). */
export function ownZoneRules<R>(zones: Readonly<Record<string, R>>, zone: string): R | undefined {
  return Object.hasOwn(zones, zone) ? zones[zone] : undefined;
}
