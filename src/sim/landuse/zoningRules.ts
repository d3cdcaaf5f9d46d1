import { Checker } from '../../core/check.ts';
import { InputError } from '../../core/errors.ts';
import type { ZoneRules } from '../../scenario/scenario.ts';
import { checkZoneRules } from '../../scenario/validate.ts';

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
  const zones: Record<string, ZoneRules> = {};
  if (zonesObject) {
    const codes = Object.keys(zonesObject);
    if (codes.length === 0) c.fail('zones', 'expected at least one zone');
    for (const code of codes) {
      const rules = checkZoneRules(c, zonesObject[code], `zones.${code}`);
      if (rules) zones[code] = rules;
    }
  }
  if (c.problems.length > 0) throw new InputError(c.problems);
  return { format: ZONING_RULES_FORMAT, zones };
}
