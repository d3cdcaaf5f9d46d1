/**
 * Link performance: the Bureau of Public Roads function (Traffic Assignment Manual, 1964)
 * `t(v) = fft · (1 + b · (v/c)^power)` plus the volume-independent generalized cost (toll and
 * distance times their TNTP factors), its derivative and its integral (Beckmann, McGuire &
 * Winsten 1956: the user-equilibrium objective is the sum over links of ∫₀^v t(x) dx).
 */
import type { RoadGraph } from './roadGraph.ts';

/** x^power without Math.pow for the usual small integer exponents; x >= 0. */
export function ratioPower(x: number, power: number): number {
  if (power === 4) {
    const x2 = x * x;
    return x2 * x2;
  }
  if (Number.isInteger(power) && power >= 0 && power <= 16) {
    let result = 1;
    for (let k = 0; k < power; k++) result *= x;
    return result;
  }
  return x > 0 ? Math.exp(power * Math.log(x)) : power === 0 ? 1 : 0;
}

/** BPR travel time of link i at `volume` PCU, without tolls or distance (time units). */
export function linkTravelTime(graph: RoadGraph, i: number, volume: number): number {
  return (
    graph.freeFlowTime[i]! * (1 + graph.b[i]! * ratioPower(volume / graph.capacity[i]!, graph.power[i]!))
  );
}

/** Generalized cost of link i at `volume`: BPR time plus fixed toll/distance cost (time units). */
export function linkCost(graph: RoadGraph, i: number, volume: number): number {
  return linkTravelTime(graph, i, volume) + graph.fixedCost[i]!;
}

/** d(cost)/d(volume) of link i at `volume` (time units per PCU). */
export function linkCostDerivative(graph: RoadGraph, i: number, volume: number): number {
  const power = graph.power[i]!;
  if (power === 0) return 0;
  const c = graph.capacity[i]!;
  return (graph.freeFlowTime[i]! * graph.b[i]! * power * ratioPower(volume / c, power - 1)) / c;
}

/** ∫₀^volume cost(x) dx of link i: its term of the Beckmann objective (time units × PCU). */
export function beckmannLinkTerm(graph: RoadGraph, i: number, volume: number): number {
  const power = graph.power[i]!;
  const ratio = volume / graph.capacity[i]!;
  const bprPart = (graph.b[i]! * volume * ratioPower(ratio, power)) / (power + 1);
  return graph.freeFlowTime[i]! * (volume + bprPart) + graph.fixedCost[i]! * volume;
}

/** Fills `costs` with every link's generalized cost at `volumes`. */
export function updateLinkCosts(graph: RoadGraph, volumes: Float64Array, costs: Float64Array): void {
  for (let i = 0; i < graph.linkCount; i++) costs[i] = linkCost(graph, i, volumes[i]!);
}

/** The Beckmann objective Σ ∫₀^v cost (time units × PCU). */
export function beckmannObjective(graph: RoadGraph, volumes: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < graph.linkCount; i++) sum += beckmannLinkTerm(graph, i, volumes[i]!);
  return sum;
}
