/**
 * Reader for TNTP `_node.tntp` coordinate files: a header `Node X Y ;` and rows
 * `node x y ;` (https://github.com/bstabler/TransportationNetworks). Coordinates are returned as
 * given (Sioux Falls' are lon/lat-like and, per its README, artificial).
 */
import { InputError, type InputProblem } from '../../core/errors.ts';

/** Node coordinates indexed by 0-based node (node k at index k − 1); NaN for nodes not listed. */
export interface TntpNodeCoordinates {
  x: Float64Array;
  y: Float64Array;
}

/** Parses `_node.tntp` text for a network of `nodeCount` nodes; errors name the line. */
export function parseTntpNodes(text: string, nodeCount: number): TntpNodeCoordinates {
  const x = new Float64Array(nodeCount).fill(Number.NaN);
  const y = new Float64Array(nodeCount).fill(Number.NaN);
  const problems: InputProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const row = line.replace(/~.*$/, '').replace(/;\s*$/, '').trim();
    if (row === '' || /^node\b/i.test(row)) return;
    const values = row.split(/\s+/).map(Number);
    const node = values[0]!;
    if (values.length !== 3 || values.some((v) => !Number.isFinite(v))) {
      problems.push({ path: `line ${i + 1}`, message: `expected "node x y ;", got "${line.trim()}"` });
    } else if (!Number.isInteger(node) || node < 1 || node > nodeCount) {
      problems.push({
        path: `line ${i + 1}`,
        message: `expected a node number in 1..${nodeCount}, got ${node}`,
      });
    } else {
      x[node - 1] = values[1]!;
      y[node - 1] = values[2]!;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return { x, y };
}
