import { Checker } from '../core/check.ts';
import { CITY_REGION_TEXT, insideCityRegion } from '../core/cityRegion.ts';
import { InputError } from '../core/errors.ts';
import { kpiDefinition } from './kpis.ts';
import type { BilingualText, Scenario } from './scenario.ts';
import { bilingual, MAX_STORM_SERIES_SECONDS } from './validate.ts';

/**
 * The tour document, format `twin-tour/1`: stops a presenter walks through, each a camera
 * flight, a scenario (or a compare pair), the layers shown, the flood moment or time span to
 * play, the KPI cards to show (by name: the values come from the pipeline's run of the stop's
 * scenario when the stop is shown, never from the document) and a caption in both languages.
 * Positions are WGS84 [longitude, latitude, height above mean sea level m]. docs/tours.md.
 */
export const TOUR_FORMAT = 'twin-tour/1';

/** How a camera flight moves between the two views (see `ease` in tourPlayback.ts). */
export const TOUR_EASINGS = ['linear', 'smoothstep', 'easeInOutCubic', 'easeInOutSine'] as const;
export type TourEasing = (typeof TOUR_EASINGS)[number];

/** How a compare pair is shown: side by side with linked cameras, or overlaid with a divider. */
export const TOUR_COMPARE_MODES = ['split', 'swipe'] as const;
export type TourCompareMode = (typeof TOUR_COMPARE_MODES)[number];

/** A WGS84 position: [longitude °, latitude °, height above mean sea level m]. */
export type TourPosition = [number, number, number];

/** Where the camera flies to for a stop, how long it takes (s) and how it eases. */
export interface TourCamera {
  position: TourPosition;
  target: TourPosition;
  /** Flight duration, s (0 = cut). */
  durationSeconds: number;
  easing: TourEasing;
}

/** Two scenarios shown against each other: B − A. */
export interface TourCompare {
  a: string;
  b: string;
  mode: TourCompareMode;
}

/** The flood moment shown: one event-clock time, or a span played from `fromSeconds` to `toSeconds`. */
export type TourTime = { atSeconds: number } | { fromSeconds: number; toSeconds: number };

/** One stop of a tour: exactly one of `scenario` or `compare`. */
export interface TourStop {
  id: string;
  camera: TourCamera;
  /** The scenario run and drawn at this stop. */
  scenario?: string;
  /** The pair compared at this stop (A and B are both run). */
  compare?: TourCompare;
  /** Map layer id → visible, applied at the stop (layers not named keep their state). */
  layers: Record<string, boolean>;
  /** The flood at this stop (only for a scenario with a storm event). */
  time?: TourTime;
  /** Stage-qualified KPI names (twin-kpis/2) whose cards are shown. */
  kpis: string[];
  caption: BilingualText;
  /** Seconds this stop stays up when the tour advances by itself. */
  holdSeconds?: number;
}

/** A parsed `twin-tour/1` document. */
export interface Tour {
  format: typeof TOUR_FORMAT;
  id: string;
  title: BilingualText;
  stops: TourStop[];
}

/** What a tour may refer to: the scenarios it can run, and the layer ids the app draws. */
export interface TourReferences {
  scenarios: readonly Scenario[];
  /** Known map layer ids; layer names are not checked when absent. */
  layerIds?: readonly string[];
}

/** Longest camera flight, s. */
export const MAX_FLIGHT_SECONDS = 60;
/** Longest a stop stays up when advancing by itself, s. */
export const MAX_HOLD_SECONDS = 600;
/** Most stops of one tour. */
export const MAX_TOUR_STOPS = 100;
/** Most KPI cards of one stop (a wall of numbers is no story). */
export const MAX_STOP_KPIS = 8;
/** Camera heights allowed, m above mean sea level. */
const CAMERA_HEIGHT_METRES: [number, number] = [-100, 100_000];

/**
 * Validates a parsed JSON value as a `twin-tour/1` document against the scenarios it may run
 * (and the app's layer ids, when given): unknown scenarios, KPI names outside the KPI contract,
 * flood KPIs or flood times for a scenario without a storm event, positions outside the city
 * region are problems as well as wrong shapes. Throws InputError listing every problem as
 * `path: message`.
 */
export function parseTour(value: unknown, references: TourReferences): Tour {
  const c = new Checker();
  const tour = checkTour(c, value, references);
  if (c.problems.length > 0 || !tour) throw new InputError(c.problems);
  return tour;
}

function checkTour(c: Checker, value: unknown, references: TourReferences): Tour | undefined {
  const doc = c.object(value, '$');
  if (!doc) return undefined;
  c.format(doc.format, TOUR_FORMAT);
  const id = c.string(doc.id, 'id');
  const title = bilingual(c, doc.title, 'title');
  const list = c.array(doc.stops, 'stops') ?? [];
  if (Array.isArray(doc.stops) && list.length === 0) c.fail('stops', 'expected at least one stop');
  if (list.length > MAX_TOUR_STOPS)
    c.fail('stops', `expected at most ${MAX_TOUR_STOPS} stops, got ${list.length}`);
  const stops = list.slice(0, MAX_TOUR_STOPS).map((s, i) => checkStop(c, s, `stops[${i}]`, references));
  const seen = new Map<string, number>();
  stops.forEach((s, i) => {
    if (!s) return;
    const first = seen.get(s.id);
    if (first !== undefined) c.fail(`stops[${i}].id`, `duplicate stop id "${s.id}" (also stops[${first}])`);
    else seen.set(s.id, i);
  });
  if (c.problems.length > 0 || !id || !title) return undefined;
  return { format: TOUR_FORMAT, id, title, stops: stops as TourStop[] };
}

function checkStop(
  c: Checker,
  value: unknown,
  path: string,
  references: TourReferences,
): TourStop | undefined {
  const s = c.object(value, path);
  if (!s) return undefined;
  const before = c.problems.length;
  const id = c.string(s.id, `${path}.id`);
  const camera = checkCamera(c, s.camera, `${path}.camera`);
  if ((s.scenario === undefined) === (s.compare === undefined))
    c.fail(path, 'give exactly one of "scenario" or "compare"');
  const scenario =
    s.scenario === undefined ? undefined : scenarioRef(c, s.scenario, `${path}.scenario`, references);
  const compare =
    s.compare === undefined ? undefined : checkCompare(c, s.compare, `${path}.compare`, references);
  const shown = [scenario, compare?.a, compare?.b].filter((x): x is Scenario => x !== undefined);
  const layers =
    s.layers === undefined ? {} : checkLayers(c, s.layers, `${path}.layers`, references.layerIds);
  const flooded = shown.length > 0 && shown.some(hasStorm);
  const time = s.time === undefined ? undefined : checkTime(c, s.time, `${path}.time`);
  if (time && shown.length > 0 && !flooded)
    c.fail(`${path}.time`, 'a flood time needs a scenario with a storm event (no flood is run without one)');
  const kpiList = c.array(s.kpis, `${path}.kpis`) ?? [];
  if (kpiList.length > MAX_STOP_KPIS)
    c.fail(`${path}.kpis`, `expected at most ${MAX_STOP_KPIS} KPI cards, got ${kpiList.length}`);
  const kpis = kpiList.map((k, i) => checkKpi(c, k, `${path}.kpis[${i}]`, shown.length > 0 ? flooded : true));
  const caption = bilingual(c, s.caption, `${path}.caption`);
  const holdSeconds =
    s.holdSeconds === undefined
      ? undefined
      : c.number(s.holdSeconds, `${path}.holdSeconds`, 1, MAX_HOLD_SECONDS);
  if (c.problems.length > before || !id || !camera || !caption) return undefined;
  return {
    id,
    camera,
    ...(scenario ? { scenario: scenario.id } : {}),
    ...(compare ? { compare: { a: compare.a.id, b: compare.b.id, mode: compare.mode } } : {}),
    layers: layers ?? {},
    ...(time ? { time } : {}),
    kpis: kpis as string[],
    caption,
    ...(holdSeconds !== undefined ? { holdSeconds } : {}),
  };
}

/** Whether the scenario runs the flood stage (it has a storm event; cityStages). */
function hasStorm(scenario: Scenario): boolean {
  return scenario.edits.some((e) => e.type === 'stormEvent');
}

function checkCamera(c: Checker, value: unknown, path: string): TourCamera | undefined {
  const o = c.object(value, path);
  if (!o) return undefined;
  const position = checkPosition(c, o.position, `${path}.position`);
  const target = checkPosition(c, o.target, `${path}.target`);
  const durationSeconds = c.number(o.durationSeconds, `${path}.durationSeconds`, 0, MAX_FLIGHT_SECONDS);
  const easing = c.oneOf(o.easing, `${path}.easing`, TOUR_EASINGS);
  if (position && target && position.every((v, i) => v === target[i]))
    c.fail(path, 'the camera position and its target must differ');
  if (!position || !target || durationSeconds === undefined || !easing) return undefined;
  return { position, target, durationSeconds, easing };
}

function checkPosition(c: Checker, value: unknown, path: string): TourPosition | undefined {
  if (!Array.isArray(value) || value.length !== 3)
    return c.fail(path, 'expected [longitude, latitude, height m]');
  const lon = c.number(value[0], `${path}[0]`, -180, 180);
  const lat = c.number(value[1], `${path}[1]`, -90, 90);
  const height = c.number(value[2], `${path}[2]`, ...CAMERA_HEIGHT_METRES);
  if (lon === undefined || lat === undefined || height === undefined) return undefined;
  if (!insideCityRegion(lon, lat)) return c.fail(path, `outside the city region (${CITY_REGION_TEXT})`);
  return [lon, lat, height];
}

function scenarioRef(
  c: Checker,
  value: unknown,
  path: string,
  references: TourReferences,
): Scenario | undefined {
  const id = c.string(value, path);
  if (id === undefined) return undefined;
  const scenario = references.scenarios.find((s) => s.id === id);
  if (!scenario)
    return c.fail(
      path,
      `unknown scenario "${id}"; known: ${references.scenarios.map((s) => `"${s.id}"`).join(', ')}`,
    );
  return scenario;
}

function checkCompare(
  c: Checker,
  value: unknown,
  path: string,
  references: TourReferences,
): { a: Scenario; b: Scenario; mode: TourCompareMode } | undefined {
  const o = c.object(value, path);
  if (!o) return undefined;
  const a = scenarioRef(c, o.a, `${path}.a`, references);
  const b = scenarioRef(c, o.b, `${path}.b`, references);
  const mode = c.oneOf(o.mode, `${path}.mode`, TOUR_COMPARE_MODES);
  if (a && b && a.id === b.id) c.fail(path, 'compare two different scenarios');
  return a && b && mode ? { a, b, mode } : undefined;
}

function checkLayers(
  c: Checker,
  value: unknown,
  path: string,
  layerIds: readonly string[] | undefined,
): Record<string, boolean> | undefined {
  const o = c.object(value, path);
  if (!o) return undefined;
  const out: Record<string, boolean> = {};
  for (const [id, visible] of Object.entries(o)) {
    if (layerIds && !layerIds.includes(id)) {
      c.fail(`${path}.${id}`, `unknown layer; known: ${layerIds.map((l) => `"${l}"`).join(', ')}`);
      continue;
    }
    const shown = c.boolean(visible, `${path}.${id}`);
    if (shown !== undefined) out[id] = shown;
  }
  return out;
}

function checkTime(c: Checker, value: unknown, path: string): TourTime | undefined {
  const o = c.object(value, path);
  if (!o) return undefined;
  const range = [0, MAX_STORM_SERIES_SECONDS] as const;
  if (o.atSeconds !== undefined) {
    if (o.fromSeconds !== undefined || o.toSeconds !== undefined)
      return c.fail(path, 'give either "atSeconds" or "fromSeconds" and "toSeconds"');
    const atSeconds = c.number(o.atSeconds, `${path}.atSeconds`, ...range);
    return atSeconds === undefined ? undefined : { atSeconds };
  }
  const fromSeconds = c.number(o.fromSeconds, `${path}.fromSeconds`, ...range);
  const toSeconds = c.number(o.toSeconds, `${path}.toSeconds`, ...range);
  if (fromSeconds === undefined || toSeconds === undefined) return undefined;
  if (toSeconds <= fromSeconds)
    return c.fail(
      `${path}.toSeconds`,
      `expected a time after fromSeconds (${fromSeconds}), got ${toSeconds}`,
    );
  return { fromSeconds, toSeconds };
}

function checkKpi(c: Checker, value: unknown, path: string, flooded: boolean): string | undefined {
  const name = c.string(value, path);
  if (name === undefined) return undefined;
  if (!kpiDefinition(name)) return c.fail(path, `unknown KPI "${name}" (not in twin-kpis/2, docs/kpis.md)`);
  if (!flooded && name.startsWith('flood.'))
    return c.fail(path, `"${name}" needs a scenario with a storm event (no flood is run without one)`);
  return name;
}
