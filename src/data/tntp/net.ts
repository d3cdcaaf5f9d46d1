/**
 * Reader for TNTP `_net.tntp` link files: metadata `<NUMBER OF ZONES>`, `<NUMBER OF NODES>`,
 * `<FIRST THRU NODE>`, `<NUMBER OF LINKS>`, optional `<TOLL FACTOR>` and `<DISTANCE FACTOR>`,
 * then one row per link: `init_node term_node capacity length free_flow_time b power speed toll
 * link_type ;` (format: https://github.com/bstabler/TransportationNetworks).
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import type { TntpLink, TntpNetwork } from './tntpTypes.ts';
import { metadataInteger, metadataNumber, splitTntp } from './metadata.ts';

const COLUMNS = 'init_node term_node capacity length free_flow_time b power speed toll link_type';

/** Parses `_net.tntp` text. Every bad row is reported as `line L: expected ...` in one InputError. */
export function parseTntpNetwork(text: string): TntpNetwork {
  const doc = splitTntp(text);
  const nodeCount = metadataInteger(doc, 'NUMBER OF NODES');
  const zoneCount = metadataInteger(doc, 'NUMBER OF ZONES');
  const linkCount = metadataInteger(doc, 'NUMBER OF LINKS');
  const firstThruNode = metadataInteger(doc, 'FIRST THRU NODE', 1);
  const tollFactor = metadataNumber(doc, 'TOLL FACTOR', 0);
  const distanceFactor = metadataNumber(doc, 'DISTANCE FACTOR', 0);
  const problems: InputProblem[] = [];
  const links: TntpLink[] = [];
  for (const { lineNumber, text: row } of doc.body) {
    const path = `line ${lineNumber}`;
    const fields = row.replace(/;\s*$/, '').trim().split(/\s+/);
    const values = fields.map(Number);
    if (fields.length !== 10 || values.some((v) => !Number.isFinite(v))) {
      problems.push({ path, message: `expected 10 numbers "${COLUMNS} ;", got "${row}"` });
      continue;
    }
    const [initNode, termNode, capacity, length, freeFlowTime, b, power, speed, toll, linkType] =
      values as number[];
    const link: TntpLink = {
      initNode: initNode!,
      termNode: termNode!,
      capacity: capacity!,
      length: length!,
      freeFlowTime: freeFlowTime!,
      b: b!,
      power: power!,
      speed: speed!,
      toll: toll!,
      linkType: linkType!,
    };
    for (const key of ['initNode', 'termNode'] as const) {
      if (!Number.isInteger(link[key]) || link[key] < 1 || link[key] > nodeCount) {
        problems.push({
          path,
          message: `expected ${key === 'initNode' ? 'init_node' : 'term_node'} in 1..${nodeCount}, got ${link[key]}`,
        });
      }
    }
    if (!(link.capacity > 0)) problems.push({ path, message: `expected capacity > 0, got ${link.capacity}` });
    for (const key of ['length', 'freeFlowTime', 'b', 'power', 'toll'] as const) {
      if (link[key] < 0) problems.push({ path, message: `expected ${key} >= 0, got ${link[key]}` });
    }
    links.push(link);
  }
  if (problems.length === 0 && links.length !== linkCount) {
    problems.push({
      path: `line ${doc.metadata.get('NUMBER OF LINKS')?.lineNumber ?? 1}`,
      message: `<NUMBER OF LINKS> says ${linkCount} but the file has ${links.length} link rows`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { nodeCount, zoneCount, firstThruNode, tollFactor, distanceFactor, links };
}
