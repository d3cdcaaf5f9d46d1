/**
 * Static user equilibrium (Wardrop 1952) by path-based gradient projection with column
 * generation (Jayakrishnan, Tsai, Prashker & Rajadhyaksha 1994, "A faster path-based algorithm
 * for traffic assignment", Transportation Research Record 1443).
 *
 * Each iteration visits the origins in turn: one shortest-path tree at current costs adds any new
 * shortest path to each OD pair's path set, then flow moves from every costlier path to the
 * cheapest one by a Newton step Δ = (c_p − c_min) / Σ_{a ∈ p ⊕ p_min} t'_a (capped at the path's
 * flow), updating link volumes and costs immediately (Gauss–Seidel). A few inner passes then
 * re-equilibrate the existing path sets without new trees. Convergence is measured by the relative
 * gap (TSTT − SPTT) / TSTT with a fresh all-or-nothing pass.
 */
import { isCancelled } from '../../core/cancel.ts';
import { CancelledError, InputError } from '../../core/errors.ts';
import { allOrNothing, totalSystemTravelTime } from './allOrNothing.ts';
import { beckmannObjective, linkCost, linkCostDerivative, updateLinkCosts } from './linkCost.ts';
import type { OdDemand } from './network.ts';
import type { PathSet } from './pathSet.ts';
import type { RoadGraph } from './roadGraph.ts';
import { createShortestPathSolver } from './shortestPath.ts';

/** Passes over the existing path sets after each column-generation pass (a tuning choice). */
const INNER_PASSES = 10;
/** Smallest second derivative used in the Newton step (guards links at zero volume with power > 1). */
const MIN_CURVATURE = 1e-12;

/** A running equilibrium computation; `iterate()` improves it, `relativeGap()` measures it. */
export interface UserEquilibrium {
  /** Link volumes, PCU per period (live view). */
  readonly volumes: Float64Array;
  /** Link generalized costs at `volumes`, time units (live view). */
  readonly costs: Float64Array;
  /** One column-generation pass over all origins plus inner equilibration passes. */
  iterate(): void;
  /** (TSTT − SPTT) / TSTT at the current volumes; also refreshes `odCosts`. */
  relativeGap(): number;
  /** Shortest OD costs from the last `relativeGap()` call (zone×zone, time units). */
  readonly odCosts: Float64Array;
  /** The current paths with positive flow. */
  pathSet(): PathSet;
}

/**
 * Starts an equilibrium from an all-or-nothing loading at free-flow costs. Throws InputError
 * when some OD demand has no path.
 */
export function createUserEquilibrium(graph: RoadGraph, demand: OdDemand): UserEquilibrium {
  const zones = demand.zoneCount;
  const solver = createShortestPathSolver(graph);
  const volumes = new Float64Array(graph.linkCount);
  const costs = new Float64Array(graph.linkCount);
  const odCosts = new Float64Array(zones * zones);
  updateLinkCosts(graph, volumes, costs);

  // OD pairs with demand, grouped by origin
  const odOrigin: number[] = [];
  const odDestination: number[] = [];
  const odDemand: number[] = [];
  for (let o = 0; o < zones; o++) {
    for (let d = 0; d < zones; d++) {
      const flow = demand.flows[o * zones + d]!;
      if (flow > 0 && d !== o) {
        odOrigin.push(o);
        odDestination.push(d);
        odDemand.push(flow);
      }
    }
  }
  const odCount = odDemand.length;
  const odPaths: number[][] = Array.from({ length: odCount }, () => []);

  // path storage: links in a growable pool
  let pool = new Int32Array(1024);
  let poolSize = 0;
  let pathStart = new Int32Array(256);
  let pathLength = new Int32Array(256);
  let pathFlow = new Float64Array(256);
  let pathCount = 0;
  const scratch = new Int32Array(graph.nodeCount);
  const mark = new Int32Array(graph.linkCount);
  let stamp = 0;

  const addPath = (links: Int32Array, length: number, flow: number): number => {
    if (poolSize + length > pool.length) pool = grow(pool, poolSize + length);
    if (pathCount === pathStart.length) {
      pathStart = grow(pathStart, pathCount + 1);
      pathLength = grow(pathLength, pathCount + 1);
      pathFlow = grow(pathFlow, pathCount + 1);
    }
    for (let j = 0; j < length; j++) pool[poolSize + j] = links[j]!;
    pathStart[pathCount] = poolSize;
    pathLength[pathCount] = length;
    pathFlow[pathCount] = flow;
    poolSize += length;
    return pathCount++;
  };

  /** Writes the tree path to `destination` into `scratch` in travel order; returns its length. */
  const treePath = (destination: number): number => {
    let length = 0;
    for (let node = destination, link = solver.predecessorLink[node]!; link >= 0; ) {
      scratch[length++] = link;
      node = graph.tail[link]!;
      link = solver.predecessorLink[node]!;
    }
    scratch.subarray(0, length).reverse();
    return length;
  };

  /** True when one of `paths` has exactly the links in scratch[0 .. length). */
  const containsScratchPath = (paths: number[], length: number): boolean => {
    for (let k = 0; k < paths.length; k++) {
      const p = paths[k]!;
      if (pathLength[p] !== length) continue;
      const start = pathStart[p]!;
      let j = 0;
      while (j < length && pool[start + j] === scratch[j]) j++;
      if (j === length) return true;
    }
    return false;
  };

  const pathCost = (p: number): number => {
    let sum = 0;
    for (let j = pathStart[p]!, end = j + pathLength[p]!; j < end; j++) sum += costs[pool[j]!]!;
    return sum;
  };

  const shiftFlow = (p: number, delta: number): void => {
    pathFlow[p]! += delta;
    for (let j = pathStart[p]!, end = j + pathLength[p]!; j < end; j++) {
      const link = pool[j]!;
      volumes[link]! += delta;
      if (volumes[link]! < 0) volumes[link] = 0;
      costs[link] = linkCost(graph, link, volumes[link]!);
    }
  };

  /** Moves flow of one OD pair towards its cheapest path (one projected Newton step per path). */
  const equilibrate = (od: number): void => {
    const paths = odPaths[od]!;
    if (paths.length < 2) return;
    let best = paths[0]!;
    let bestCost = pathCost(best);
    for (let k = 1; k < paths.length; k++) {
      const cost = pathCost(paths[k]!);
      if (cost < bestCost) {
        bestCost = cost;
        best = paths[k]!;
      }
    }
    stamp++;
    for (let j = pathStart[best]!, end = j + pathLength[best]!; j < end; j++) mark[pool[j]!] = stamp;
    let kept = 0;
    for (const p of paths) {
      if (p !== best) {
        let bestCurvature = 0;
        for (let j = pathStart[best]!, end = j + pathLength[best]!; j < end; j++) {
          bestCurvature += linkCostDerivative(graph, pool[j]!, volumes[pool[j]!]!);
        }
        let cost = 0;
        let curvature = bestCurvature;
        for (let j = pathStart[p]!, end = j + pathLength[p]!; j < end; j++) {
          const link = pool[j]!;
          cost += costs[link]!;
          const slope = linkCostDerivative(graph, link, volumes[link]!);
          curvature += mark[link] === stamp ? -slope : slope;
        }
        const excess = cost - pathCost(best);
        if (excess > 0) {
          const delta = Math.min(pathFlow[p]!, excess / Math.max(curvature, MIN_CURVATURE));
          shiftFlow(p, -delta);
          shiftFlow(best, delta);
        }
        if (pathFlow[p]! <= 0) continue; // drop the unused path
      }
      paths[kept++] = p;
    }
    paths.length = kept;
  };

  /** Recomputes link volumes from path flows (removes drift from incremental updates). */
  const rebuildVolumes = (): void => {
    volumes.fill(0);
    for (const paths of odPaths) {
      for (const p of paths) {
        const flow = pathFlow[p]!;
        for (let j = pathStart[p]!, end = j + pathLength[p]!; j < end; j++) volumes[pool[j]!]! += flow;
      }
    }
    updateLinkCosts(graph, volumes, costs);
  };

  const columnGenerationPass = (): void => {
    let od = 0;
    while (od < odCount) {
      const origin = odOrigin[od]!;
      solver.run(origin, costs);
      for (; od < odCount && odOrigin[od] === origin; od++) {
        const destination = odDestination[od]!;
        const length = treePath(destination);
        const paths = odPaths[od]!;
        if (!containsScratchPath(paths, length)) paths.push(addPath(scratch, length, 0));
        if (paths.length > 1) equilibrate(od);
      }
    }
  };

  loadFreeFlow();
  return {
    volumes,
    costs,
    odCosts,
    iterate() {
      columnGenerationPass();
      for (let pass = 0; pass < INNER_PASSES; pass++) for (let od = 0; od < odCount; od++) equilibrate(od);
      rebuildVolumes();
    },
    relativeGap() {
      const tstt = totalSystemTravelTime(volumes, costs);
      const sptt = allOrNothing(graph, demand, costs, solver, undefined, odCosts);
      return tstt > 0 ? (tstt - sptt) / tstt : 0;
    },
    pathSet() {
      return compactPaths();
    },
  };

  /** The starting point: every OD flow on its free-flow shortest path (all-or-nothing). */
  function loadFreeFlow(): void {
    let od = 0;
    while (od < odCount) {
      const origin = odOrigin[od]!;
      solver.run(origin, costs);
      for (; od < odCount && odOrigin[od] === origin; od++) {
        const destination = odDestination[od]!;
        if (solver.predecessorLink[destination]! < 0) {
          throw new InputError([
            {
              path: 'demand',
              message: `zone ${origin + 1} has demand to zone ${destination + 1} but no path`,
            },
          ]);
        }
        odPaths[od]!.push(addPath(scratch, treePath(destination), odDemand[od]!));
      }
    }
    rebuildVolumes();
  }

  function compactPaths(): PathSet {
    let count = 0;
    let linkTotal = 0;
    for (const paths of odPaths) {
      count += paths.length;
      for (const p of paths) linkTotal += pathLength[p]!;
    }
    const set: PathSet = {
      origin: new Int32Array(count),
      destination: new Int32Array(count),
      flow: new Float64Array(count),
      linkStart: new Int32Array(count + 1),
      links: new Int32Array(linkTotal),
    };
    let i = 0;
    let at = 0;
    odPaths.forEach((paths, od) => {
      for (const p of paths) {
        set.origin[i] = odOrigin[od]! + 1;
        set.destination[i] = odDestination[od]! + 1;
        set.flow[i] = pathFlow[p]!;
        set.linkStart[i] = at;
        set.links.set(pool.subarray(pathStart[p]!, pathStart[p]! + pathLength[p]!), at);
        at += pathLength[p]!;
        i++;
      }
    });
    set.linkStart[count] = at;
    return set;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, needed: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/** Stopping rules and callbacks of `solveUserEquilibrium`. */
export interface EquilibriumOptions {
  /** Stop when the relative gap is at most this (default 1e-4). */
  relativeGap?: number;
  /** Stop after this many iterations (default 500). */
  maxIterations?: number;
  /** Stop after this many seconds of wall time (default no limit). */
  maxSeconds?: number;
  /** Called after each iteration (by solveUserEquilibrium). */
  onProgress?: (progress: EquilibriumProgress) => void;
  /** A core/cancel flag; when set the solve throws CancelledError between iterations. */
  cancelBuffer?: SharedArrayBuffer | undefined;
}

/** Progress after one iteration. */
export interface EquilibriumProgress {
  iteration: number;
  relativeGap: number;
  /** Estimated fraction done in [0, 1] (log-scale progress of the gap towards the target). */
  fractionDone: number;
}

/** The converged (or stopped) equilibrium. */
export interface EquilibriumResult {
  /** Link volumes, PCU per period. */
  volumes: Float64Array;
  /** Link generalized costs at those volumes, time units. */
  costs: Float64Array;
  /** Beckmann objective Σ ∫₀^v cost (time units × PCU). */
  objective: number;
  /** TSTT = Σ volume × cost (time units × PCU). */
  totalTravelTime: number;
  relativeGap: number;
  iterations: number;
  /** Wall time of the solve, seconds. */
  seconds: number;
  /** True when the gap target was reached. */
  converged: boolean;
  /** Equilibrium shortest OD costs, zone×zone, time units (Infinity when unreachable). */
  odCosts: Float64Array;
  paths: PathSet;
}

/**
 * The solve as a generator: yields progress after each iteration (so an async caller can await
 * between iterations and let a cancel message in) and returns the result. Checks the cancel flag
 * before every iteration.
 */
export function* iterateUserEquilibrium(
  graph: RoadGraph,
  demand: OdDemand,
  options: EquilibriumOptions = {},
): Generator<EquilibriumProgress, EquilibriumResult> {
  const target = options.relativeGap ?? 1e-4;
  const maxIterations = options.maxIterations ?? 500;
  const maxSeconds = options.maxSeconds ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const ue = createUserEquilibrium(graph, demand);
  const progressFloor = Math.max(target, Number.EPSILON);
  let gap = Number.POSITIVE_INFINITY;
  let firstGap = Number.NaN;
  let iterations = 0;
  while (iterations < maxIterations && elapsed() < maxSeconds) {
    if (isCancelled(options.cancelBuffer)) throw new CancelledError();
    ue.iterate();
    iterations++;
    gap = ue.relativeGap();
    if (Number.isNaN(firstGap)) firstGap = Math.max(gap, progressFloor);
    const logRatio = Math.log(firstGap / progressFloor);
    const fractionDone =
      gap <= target ? 1 : logRatio > 0 ? Math.min(1, Math.max(0, Math.log(firstGap / gap) / logRatio)) : 0;
    yield { iteration: iterations, relativeGap: gap, fractionDone };
    if (gap <= target) break;
  }
  if (iterations === 0) gap = ue.relativeGap();
  return {
    volumes: ue.volumes.slice(),
    costs: ue.costs.slice(),
    objective: beckmannObjective(graph, ue.volumes),
    totalTravelTime: totalSystemTravelTime(ue.volumes, ue.costs),
    relativeGap: gap,
    iterations,
    seconds: elapsed(),
    converged: gap <= target,
    odCosts: ue.odCosts.slice(),
    paths: ue.pathSet(),
  };
}

/** Solves user equilibrium to the gap target, iteration limit or time limit, whichever comes first. */
export function solveUserEquilibrium(
  graph: RoadGraph,
  demand: OdDemand,
  options: EquilibriumOptions = {},
): EquilibriumResult {
  const iterations = iterateUserEquilibrium(graph, demand, options);
  for (;;) {
    const next = iterations.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
  }
}
