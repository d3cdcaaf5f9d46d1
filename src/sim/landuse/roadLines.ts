import { Checker, describe } from '../../core/check.ts';
import { InputError } from '../../core/errors.ts';
import type { LonLat } from './parcels.ts';

/**
 * Reads road centre lines from a GeoJSON FeatureCollection of LineString / MultiLineString
 * features (WGS84). Other geometry types are skipped; malformed lines are reported by path.
 */
export function parseRoadLines(value: unknown): LonLat[][] {
  const c = new Checker();
  const doc = c.object(value, '$');
  if (!doc) throw new InputError(c.problems);
  if (doc.type !== 'FeatureCollection')
    c.fail('type', `expected "FeatureCollection", got ${describe(doc.type)}`);
  const lines: LonLat[][] = [];
  (c.array(doc.features, 'features') ?? []).forEach((feature, i) => {
    const geometry = c.object(c.object(feature, `features[${i}]`)?.geometry, `features[${i}].geometry`);
    const path = `features[${i}].geometry.coordinates`;
    if (geometry?.type === 'LineString') {
      const line = c.positions(geometry.coordinates, path, 2);
      if (line) lines.push(line);
    } else if (geometry?.type === 'MultiLineString') {
      (c.array(geometry.coordinates, path) ?? []).forEach((part, k) => {
        const line = c.positions(part, `${path}[${k}]`, 2);
        if (line) lines.push(line);
      });
    }
  });
  if (c.problems.length > 0) throw new InputError(c.problems);
  return lines;
}
