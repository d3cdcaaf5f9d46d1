import tourDocument from '../../../scenarios/tours/thu-duc-2045.json';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { parseTour, type Tour } from '../../scenario/tour.ts';
import { parseScenario } from '../../scenario/validate.ts';
import { MAP_LAYERS } from '../layers/mapLayerList.ts';

/** The shipped scenarios (scenarios/*.json), bundled so a tour runs without the workbench. */
const SCENARIO_DOCUMENTS = import.meta.glob<unknown>('../../../scenarios/*.json', {
  eager: true,
  import: 'default',
});

/** Layer ids a tour stop may show or hide: every map layer, its parts, and the view's grid and ground. */
export function mapLayerIds(): string[] {
  return [...MAP_LAYERS.flatMap((l) => [l.id, ...(l.parts ?? []).map((p) => p.id)]), 'grid', 'ground'];
}

/** A tour ready to play with the scenarios it runs, or why it cannot be played. */
export type LoadedTour =
  | { ok: true; tour: Tour; scenarios: ReadonlyMap<string, Scenario> }
  | { ok: false; problem: string };

/**
 * The shipped tour "Thủ Đức 2045" (scenarios/tours/thu-duc-2045.json), validated against the
 * shipped scenarios and the app's layers. A document that fails (a broken build) is reported,
 * never played half-checked.
 */
export function loadShippedTour(): LoadedTour {
  try {
    const scenarios = Object.entries(SCENARIO_DOCUMENTS).map(([path, doc]) =>
      inFile(path.replace(/^(\.\.\/)+/, ''), () => parseScenario(doc)),
    );
    const tour = inFile(TOUR_FILE, () => parseTour(tourDocument, { scenarios, layerIds: mapLayerIds() }));
    return { ok: true, tour, scenarios: new Map(scenarios.map((s) => [s.id, s])) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

const TOUR_FILE = 'scenarios/tours/thu-duc-2045.json';

/** `parse()`, its InputError attributed to `file`. */
function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof InputError ? error.inFile(file) : error;
  }
}
