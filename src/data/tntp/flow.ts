/**
 * The TNTP `_flow.tntp` link-flow layout: a header `From To Volume Cost` and one
 * tab-separated row per link (as in bstabler/TransportationNetworks' `SiouxFalls_flow.tntp`).
 */
import { InputError, type InputProblem } from '../../core/errors.ts';

/** Link flows as written to or read from `_flow.tntp`. */
export interface TntpLinkFlows {
  /** Tail node numbers. */
  from: Int32Array;
  /** Head node numbers. */
  to: Int32Array;
  /** Link volume in PCU per period. */
  volume: Float64Array;
  /** Link cost (travel time) in the network time unit. */
  cost: Float64Array;
}

/** Formats link flows as `_flow.tntp` text (full float precision). */
export function formatTntpFlows(flows: TntpLinkFlows): string {
  const rows = ['From \tTo \tVolume \tCost '];
  for (let i = 0; i < flows.from.length; i++) {
    rows.push(`${flows.from[i]} \t${flows.to[i]} \t${flows.volume[i]} \t${flows.cost[i]} `);
  }
  return `${rows.join('\n')}\n`;
}

/** Parses `_flow.tntp` text; bad rows are reported as `line L: expected ...`. */
export function parseTntpFlows(text: string): TntpLinkFlows {
  const problems: InputProblem[] = [];
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const row = line.trim();
    if (row === '' || /^from\b/i.test(row)) return;
    const values = row.split(/\s+/).map(Number);
    if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) {
      problems.push({
        path: `line ${i + 1}`,
        message: `expected 4 numbers "From To Volume Cost", got "${row}"`,
      });
    } else rows.push(values);
  });
  if (problems.length > 0) throw new InputError(problems);
  return {
    from: Int32Array.from(rows, (r) => r[0]!),
    to: Int32Array.from(rows, (r) => r[1]!),
    volume: Float64Array.from(rows, (r) => r[2]!),
    cost: Float64Array.from(rows, (r) => r[3]!),
  };
}
