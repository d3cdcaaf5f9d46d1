import { hashValue } from '../core/hash.ts';
import type { Scenario } from './scenario.ts';

/**
 * How a scenario is run (not what it describes): the options that change a run's results
 * without being part of the scenario document. A run is keyed by the scenario and these, so a
 * 20 m flood run and an 80 m one are different results, cached and compared separately.
 */
export interface RunOptions {
  /** Flood grid cell, m: one of {@link FLOOD_CELL_SIZES_METRES} (20 m is the terrain's resolution). */
  floodCellSizeMetres: number;
  /** Relative gap at which the traffic assignment stops: one of {@link TRAFFIC_RELATIVE_GAPS}. */
  trafficRelativeGap: number;
}

/** Flood grid cells the app offers, m (whole multiples of the 20 m terrain). */
export const FLOOD_CELL_SIZES_METRES = [20, 40, 80] as const;

/** Traffic assignment stopping gaps the app offers. */
export const TRAFFIC_RELATIVE_GAPS = [1e-2, 1e-3, 1e-4] as const;

/** The CLI's defaults (`twin scenario run`): 80 m flood cells, relative gap 1e-3. */
export const DEFAULT_RUN_OPTIONS: Readonly<RunOptions> = {
  floodCellSizeMetres: 80,
  trafficRelativeGap: 1e-3,
};

/** The options as a short stable text, e.g. `flood80m-gap1e-3`. */
export function runOptionsKey(options: RunOptions): string {
  return `flood${options.floodCellSizeMetres}m-gap${options.trafficRelativeGap.toExponential(0).replace('+', '')}`;
}

/** The key of a scenario's run with `options`: `<scenario id>@<options key>`. */
export function runKey(scenarioId: string, options: RunOptions): string {
  return `${scenarioId}@${runOptionsKey(options)}`;
}

/**
 * A hash of what a scenario describes (year and edits; not its name), to tell whether a stored
 * run still matches the scenario or was made from an earlier version of it.
 */
export function scenarioFingerprint(scenario: Pick<Scenario, 'year' | 'edits'>): string {
  return hashValue({ year: scenario.year, edits: scenario.edits });
}
