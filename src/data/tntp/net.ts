/**
 * Reader for TNTP `_net.tntp` link files: metadata `<NUMBER OF ZONES>`, `<NUMBER OF NODES>`,
 * `<FIRST THRU NODE>`, `<NUMBER OF LINKS>`, optional `<TOLL FACTOR>` and `<DISTANCE FACTOR>`,
 * then one row per link: `init_node term_node capacity length free_flow_time b power speed toll
 * link_type ;` (format: https://github.com/bstabler/TransportationNetworks).
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import {
  checkAtMost,
  formatLimit,
  MAX_TNTP_LINKS,
  MAX_TNTP_NODES,
  MAX_TNTP_ZONES,
} from '../../core/limits.ts';
import type { TntpLink, TntpNetwork } from './tntpTypes.ts';
import { metadataInteger, metadataNumber, splitTntp, type TntpDocument } from './metadata.ts';

const COLUMNS = 'init_node term_node capacity length free_flow_time b power speed toll link_type';

/**
 * Plausible range of each link field, so that BPR costs and the Beckmann objective stay finite
 * for any accepted demand (docs/limits.md): capacity from 1e-6 (a unit flow per million periods)
 * to 1e12, free-flow time, length, speed and toll up to 1e6 of the file's units, BPR b ≤ 100,
 * power ≤ 10 (BPR uses 4).
 */
const LINK_RANGES: Record<
  'capacity' | 'length' | 'freeFlowTime' | 'b' | 'power' | 'speed' | 'toll',
  [number, number]
> = {
  capacity: [1e-6, 1e12],
  length: [0, 1e6],
  freeFlowTime: [0, 1e6],
  b: [0, 100],
  power: [0, 10],
  speed: [0, 1e6],
  toll: [0, 1e6],
};

/** Parses `_net.tntp` text. Every bad row is reported as `line L: expected ...` in one InputError. */
export function parseTntpNetwork(text: string): TntpNetwork {
  const doc = splitTntp(text);
  const nodeCount = metadataInteger(doc, 'NUMBER OF NODES');
  const zoneCount = metadataInteger(doc, 'NUMBER OF ZONES');
  const linkCount = metadataInteger(doc, 'NUMBER OF LINKS');
  checkDeclaredSizes(doc, nodeCount, zoneCount, linkCount);
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
    for (const [key, [low, high]] of Object.entries(LINK_RANGES) as [
      keyof typeof LINK_RANGES,
      [number, number],
    ][]) {
      if (!(link[key] >= low && link[key] <= high))
        problems.push({
          path,
          message: `expected ${key} in ${formatLimit(low)}..${formatLimit(high)}, got ${link[key]}`,
        });
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

/**
 * Checks the declared node, zone and link counts against the maxima and against the file
 * before anything is sized by them: zones are nodes, and every node beyond the zones ends a
 * link, so a file cannot declare more than zones + 2 × its link rows nodes.
 */
function checkDeclaredSizes(
  doc: TntpDocument,
  nodeCount: number,
  zoneCount: number,
  linkCount: number,
): void {
  const at = (key: string) => `line ${doc.metadata.get(key)?.lineNumber ?? 1}`;
  checkAtMost(nodeCount, MAX_TNTP_NODES, '<NUMBER OF NODES>', at('NUMBER OF NODES'));
  checkAtMost(zoneCount, MAX_TNTP_ZONES, '<NUMBER OF ZONES>', at('NUMBER OF ZONES'));
  checkAtMost(linkCount, MAX_TNTP_LINKS, '<NUMBER OF LINKS>', at('NUMBER OF LINKS'));
  checkAtMost(zoneCount, nodeCount, '<NUMBER OF ZONES> (zones are nodes)', at('NUMBER OF ZONES'));
  const reachable = zoneCount + 2 * doc.body.length;
  if (nodeCount > reachable) {
    throw new InputError([
      {
        path: at('NUMBER OF NODES'),
        message: `<NUMBER OF NODES> says ${nodeCount} but ${doc.body.length} link rows can reach at most ${reachable} nodes`,
      },
    ]);
  }
}
