/**
 * Largest strongly connected component of a directed graph (Kosaraju 1978 / Sharir 1981: a
 * depth-first finishing order on the graph, then reachability on the reversed graph in reverse
 * finishing order). Iterative, typed arrays; O(nodes + links).
 */

/**
 * Marks the nodes of the largest strongly connected component of the graph with links
 * `tail[i] → head[i]` (0-based nodes) among the links with `useLink[i] = 1`.
 * Returns 1 per node in that component, 0 elsewhere.
 */
export function largestStronglyConnected(
  nodeCount: number,
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  useLink: Uint8Array,
): Uint8Array {
  const forward = forwardStar(nodeCount, tail, head, useLink);
  const backward = forwardStar(nodeCount, head, tail, useLink);
  const order = new Int32Array(nodeCount);
  let orderCount = 0;
  const visited = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  for (let start = 0; start < nodeCount; start++) {
    if (visited[start]) continue;
    let top = 0;
    stack[0] = start;
    visited[start] = 1;
    cursor[start] = forward.first[start]!;
    while (top >= 0) {
      const node = stack[top]!;
      if (cursor[node]! < forward.first[node + 1]!) {
        const next = forward.target[cursor[node]!]!;
        cursor[node]!++;
        if (!visited[next]) {
          visited[next] = 1;
          cursor[next] = forward.first[next]!;
          stack[++top] = next;
        }
      } else {
        order[orderCount++] = node;
        top--;
      }
    }
  }
  const component = new Int32Array(nodeCount).fill(-1);
  const sizes: number[] = [];
  for (let k = nodeCount - 1; k >= 0; k--) {
    const root = order[k]!;
    if (component[root] !== -1) continue;
    const id = sizes.length;
    let size = 0;
    let top = 0;
    stack[0] = root;
    component[root] = id;
    while (top >= 0) {
      const node = stack[top--]!;
      size++;
      for (let e = backward.first[node]!; e < backward.first[node + 1]!; e++) {
        const next = backward.target[e]!;
        if (component[next] === -1) {
          component[next] = id;
          stack[++top] = next;
        }
      }
    }
    sizes.push(size);
  }
  let best = 0;
  for (let id = 1; id < sizes.length; id++) if (sizes[id]! > sizes[best]!) best = id;
  const out = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) out[n] = component[n] === best ? 1 : 0;
  return out;
}

function forwardStar(
  nodeCount: number,
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  useLink: Uint8Array,
): { first: Int32Array; target: Int32Array } {
  const first = new Int32Array(nodeCount + 1);
  for (let i = 0; i < useLink.length; i++) if (useLink[i]) first[tail[i]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) first[n + 1]! += first[n]!;
  const fill = first.slice(0, nodeCount);
  const target = new Int32Array(first[nodeCount]!);
  for (let i = 0; i < useLink.length; i++) if (useLink[i]) target[fill[tail[i]!]!++] = head[i]!;
  return { first, target };
}
