/**
 * Reader for TNTP `_trips.tntp` demand files: metadata `<NUMBER OF ZONES>` and optional
 * `<TOTAL OD FLOW>`, then blocks `Origin o` followed by `destination : flow;` pairs, several
 * per line (format: https://github.com/bstabler/TransportationNetworks).
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import { checkAtMost, formatLimit, MAX_TNTP_ZONES, MAX_TRIPS_PER_PAIR } from '../../core/limits.ts';
import type { TntpTrips } from './tntpTypes.ts';
import { metadataInteger, metadataNumber, splitTntp } from './metadata.ts';

/** Relative tolerance when checking `<TOTAL OD FLOW>` against the sum of the pairs (files round). */
const TOTAL_TOLERANCE = 1e-3;

/** Parses `_trips.tntp` text into a zone-by-zone matrix; errors name the line. */
export function parseTntpTrips(text: string): TntpTrips {
  const doc = splitTntp(text);
  const zoneCount = metadataInteger(doc, 'NUMBER OF ZONES');
  const zonesLine = `line ${doc.metadata.get('NUMBER OF ZONES')?.lineNumber ?? 1}`;
  checkAtMost(zoneCount, MAX_TNTP_ZONES, '<NUMBER OF ZONES>', zonesLine);
  const declaredTotal = metadataNumber(doc, 'TOTAL OD FLOW', Number.NaN);
  const flows = new Float64Array(zoneCount * zoneCount);
  const problems: InputProblem[] = [];
  let origin = 0;
  for (const { lineNumber, text: row } of doc.body) {
    const path = `line ${lineNumber}`;
    const originMatch = /^origin\s+(\S+)$/i.exec(row);
    if (originMatch) {
      origin = Number(originMatch[1]);
      if (!Number.isInteger(origin) || origin < 1 || origin > zoneCount) {
        problems.push({
          path,
          message: `expected an origin zone in 1..${zoneCount}, got "${originMatch[1]}"`,
        });
        origin = -1;
      }
      continue;
    }
    if (origin === 0) {
      problems.push({ path, message: `expected "Origin N" before destination pairs, got "${row}"` });
      continue;
    }
    for (const pair of row.split(';')) {
      if (pair.trim() === '') continue;
      const m = /^\s*(\S+)\s*:\s*(\S+)\s*$/.exec(pair);
      const destination = Number(m?.[1]);
      const flow = Number(m?.[2]);
      if (!m || !Number.isInteger(destination) || destination < 1 || destination > zoneCount) {
        problems.push({
          path,
          message: `expected "destination : flow;" with destination in 1..${zoneCount}, got "${pair.trim()}"`,
        });
      } else if (!(flow >= 0 && flow <= MAX_TRIPS_PER_PAIR)) {
        problems.push({
          path,
          message: `expected a flow in 0..${formatLimit(MAX_TRIPS_PER_PAIR)} for destination ${destination}, got "${m[2]}"`,
        });
      } else if (origin > 0) {
        flows[(origin - 1) * zoneCount + destination - 1]! += flow;
      }
    }
  }
  if (problems.length === 0 && Number.isFinite(declaredTotal)) {
    const total = flows.reduce((a, b) => a + b, 0);
    if (Math.abs(total - declaredTotal) > TOTAL_TOLERANCE * Math.max(1, declaredTotal)) {
      const at = doc.metadata.get('TOTAL OD FLOW')!.lineNumber;
      problems.push({
        path: `line ${at}`,
        message: `<TOTAL OD FLOW> says ${declaredTotal} but the pairs sum to ${total}`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { zoneCount, flows };
}
