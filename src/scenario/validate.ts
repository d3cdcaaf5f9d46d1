import { Checker, type SeriesLimits } from '../core/check.ts';
import { CITY_REGION_TEXT, insideCityRegion } from '../core/cityRegion.ts';
import { InputError } from '../core/errors.ts';
import { toSceneMetres } from '../core/geo.ts';
import { ringSignedArea } from '../core/geometry/area.ts';
import { ROAD_CLASSES } from '../core/vocabulary.ts';
import { MAX_RAIN_MILLIMETRES_PER_HOUR, MAX_SERIES_POINTS } from '../sim/flood/floodLimits.ts';
import { findSelfIntersection } from '../sim/landuse/planeGeometry.ts';
import { checkZoneRules } from '../sim/landuse/zoningRules.ts';
import {
  type BilingualText,
  EDIT_TYPES,
  type RainSpec,
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioEdit,
} from './scenario.ts';

/**
 * A check of one parsed edit against a city dataset (see cityReferences.ts): records a problem
 * on `c` for each reference the city lacks. `path` is the edit's path, e.g. `edits[2]`.
 */
export type ScenarioEditCheck = (c: Checker, edit: ScenarioEdit, path: string) => void;

/** Tide levels and dike crests must lie within ± this of mean sea level, m. */
export const MAX_ABS_SCENARIO_LEVEL_METRES = 10;

/** Most positions of one polygon or polyline (the simplicity check is quadratic). */
export const MAX_EDIT_POSITIONS = 5000;

/** Times of a storm's series must lie in [0, this], s (the longest storm event, 240 h). */
export const MAX_STORM_SERIES_SECONDS = 240 * 3600;

/**
 * Validates a parsed JSON value as a `twin-scenario/1` document and returns it typed.
 * Physically impossible values (negative or extreme rain, tides and crests beyond ±10 m),
 * self-intersecting polygons and positions outside the city region are problems too. With
 * `checkInCity` (cityEditCheck of cityReferences.ts), the edits' references are checked against that dataset as well (road links, parcels,
 * zones, geometry inside the city boundary), so a run never meets an edit it cannot apply.
 * Throws InputError listing every problem as `path: message`.
 */
export function parseScenario(value: unknown, checkInCity?: ScenarioEditCheck): Scenario {
  const c = new Checker();
  const scenario = checkScenario(c, value, checkInCity);
  if (c.problems.length > 0 || !scenario) throw new InputError(c.problems);
  return scenario;
}

function checkScenario(
  c: Checker,
  value: unknown,
  checkInCity: ScenarioEditCheck | undefined,
): Scenario | undefined {
  const doc = c.object(value, '$');
  if (!doc) return undefined;
  c.format(doc.format, SCENARIO_FORMAT);
  const id = c.string(doc.id, 'id');
  const name = bilingual(c, doc.name, 'name');
  const description =
    doc.description === undefined ? undefined : bilingual(c, doc.description, 'description');
  const base = doc.base === null ? null : c.string(doc.base, 'base');
  const year = c.integer(doc.year, 'year', 2000, 2100);
  const list = c.array(doc.edits, 'edits') ?? [];
  const edits = list.map((e, i) => checkEdit(c, e, `edits[${i}]`));
  edits.forEach((e, i) => {
    if (e && checkInCity) checkInCity(c, e, `edits[${i}]`);
  });
  const seen = new Map<string, number>();
  edits.forEach((e, i) => {
    if (!e) return;
    const first = seen.get(e.id);
    if (first !== undefined) c.fail(`edits[${i}].id`, `duplicate edit id "${e.id}" (also edits[${first}])`);
    else seen.set(e.id, i);
  });
  for (const single of ['stormEvent', 'growth'] as const) {
    const at = edits.flatMap((e, i) => (e?.type === single ? [i] : []));
    if (at.length > 1)
      c.fail(`edits[${at[1]}]`, `only one "${single}" edit is allowed (first at edits[${at[0]}])`);
  }
  if (c.problems.length > 0 || !id || !name || base === undefined || year === undefined) return undefined;
  return {
    format: SCENARIO_FORMAT,
    id,
    name,
    ...(description ? { description } : {}),
    base,
    year,
    edits: edits as ScenarioEdit[],
  };
}

/** A `{vi, en}` text of two non-empty strings at `path`, or problems on `c`. */
export function bilingual(c: Checker, value: unknown, path: string): BilingualText | undefined {
  const o = c.object(value, path);
  if (!o) return undefined;
  const vi = c.string(o.vi, `${path}.vi`);
  const en = c.string(o.en, `${path}.en`);
  return vi && en ? { vi, en } : undefined;
}

function checkEdit(c: Checker, value: unknown, path: string): ScenarioEdit | undefined {
  const e = c.object(value, path);
  if (!e) return undefined;
  const type = c.oneOf(e.type, `${path}.type`, EDIT_TYPES);
  const id = c.string(e.id, `${path}.id`);
  if (!type || !id) return undefined;
  const before = c.problems.length;
  const edit = checkEditBody(c, e, path, type, id);
  return c.problems.length === before ? edit : undefined;
}

function checkEditBody(
  c: Checker,
  e: Record<string, unknown>,
  path: string,
  type: ScenarioEdit['type'],
  id: string,
): ScenarioEdit | undefined {
  switch (type) {
    case 'zoning': {
      const hasParcels = e.parcelIds !== undefined;
      const hasPolygon = e.polygon !== undefined;
      if (hasParcels === hasPolygon) c.fail(path, 'give exactly one of "parcelIds" or "polygon"');
      const parcelIds = hasParcels ? stringList(c, e.parcelIds, `${path}.parcelIds`) : undefined;
      const polygon = hasPolygon ? simplePolygon(c, e.polygon, `${path}.polygon`) : undefined;
      const zone = c.string(e.zone, `${path}.zone`);
      const rules = e.rules === undefined ? undefined : checkZoneRules(c, e.rules, `${path}.rules`);
      return {
        type,
        id,
        zone: zone ?? '',
        ...(parcelIds ? { parcelIds } : {}),
        ...(polygon ? { polygon } : {}),
        ...(rules ? { rules } : {}),
      };
    }
    case 'roadClosure':
      return { type, id, linkIds: stringList(c, e.linkIds, `${path}.linkIds`) ?? [] };
    case 'newRoad': {
      const coordinates = regionalLine(c, e.coordinates, `${path}.coordinates`) ?? [];
      const name = e.name === undefined ? undefined : bilingual(c, e.name, `${path}.name`);
      return {
        type,
        id,
        ...(name ? { name } : {}),
        coordinates,
        roadClass: c.oneOf(e.roadClass, `${path}.roadClass`, ROAD_CLASSES) ?? 'primary',
        lanes: c.integer(e.lanes, `${path}.lanes`, 1, 12) ?? 1,
        maxSpeedKmh: c.number(e.maxSpeedKmh, `${path}.maxSpeedKmh`, 5, 130) ?? 0,
        oneWay: c.boolean(e.oneWay, `${path}.oneWay`) ?? false,
      };
    }
    case 'dike':
      return {
        type,
        id,
        coordinates: regionalLine(c, e.coordinates, `${path}.coordinates`) ?? [],
        crestHeightMetres:
          c.number(
            e.crestHeightMetres,
            `${path}.crestHeightMetres`,
            -MAX_ABS_SCENARIO_LEVEL_METRES,
            MAX_ABS_SCENARIO_LEVEL_METRES,
          ) ?? 0,
      };
    case 'pond':
      return {
        type,
        id,
        polygon: simplePolygon(c, e.polygon, `${path}.polygon`) ?? [],
        depthMetres: c.number(e.depthMetres, `${path}.depthMetres`, 0.1, 30) ?? 0,
      };
    case 'stormEvent': {
      const durationHours = c.number(e.durationHours, `${path}.durationHours`, 0.1, 240) ?? 0;
      const rain = e.rain === undefined ? undefined : checkRain(c, e.rain, `${path}.rain`);
      const tideObj = e.tide === undefined ? undefined : c.object(e.tide, `${path}.tide`);
      const tide = tideObj
        ? c.boundedTimeSeries(tideObj.levelMetres, `${path}.tide.levelMetres`, STORM_SERIES, {
            min: -MAX_ABS_SCENARIO_LEVEL_METRES,
            max: MAX_ABS_SCENARIO_LEVEL_METRES,
            what: 'a tide level (m above mean sea level)',
          })
        : undefined;
      if (e.rain === undefined && e.tide === undefined)
        c.fail(path, 'a storm event needs "rain", "tide" or both');
      return {
        type,
        id,
        durationHours,
        ...(rain ? { rain } : {}),
        ...(tide ? { tide: { levelMetres: tide } } : {}),
      };
    }
    case 'growth':
      return {
        type,
        id,
        toYear: c.integer(e.toYear, `${path}.toYear`, 2000, 2100) ?? 0,
        seed: c.integer(e.seed, `${path}.seed`, 0, 2 ** 32 - 1) ?? 0,
        excludeFloodProne: c.boolean(e.excludeFloodProne, `${path}.excludeFloodProne`) ?? false,
        demandGrowthPercentPerYear:
          c.number(e.demandGrowthPercentPerYear, `${path}.demandGrowthPercentPerYear`, -10, 20) ?? 0,
      };
  }
}

function stringList(c: Checker, value: unknown, path: string): string[] | undefined {
  const list = c.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) return c.fail(path, 'expected at least one id');
  return list.map((v, i) => c.string(v, `${path}[${i}]`) ?? '');
}

function checkRain(c: Checker, value: unknown, path: string): RainSpec | undefined {
  const r = c.object(value, path);
  if (!r) return undefined;
  const kind = c.oneOf(r.kind, `${path}.kind`, ['design', 'series'] as const);
  if (kind === 'design') {
    const returnPeriodYears = c.number(r.returnPeriodYears, `${path}.returnPeriodYears`, 1, 1000);
    const durationHours = c.number(r.durationHours, `${path}.durationHours`, 0.1, 72);
    if (returnPeriodYears === undefined || durationHours === undefined) return undefined;
    return { kind, returnPeriodYears, durationHours };
  }
  if (kind === 'series') {
    const intensityMmPerHour = c.boundedTimeSeries(
      r.intensityMmPerHour,
      `${path}.intensityMmPerHour`,
      STORM_SERIES,
      {
        min: 0,
        max: MAX_RAIN_MILLIMETRES_PER_HOUR,
        what: 'a rain rate (mm/h)',
      },
    );
    return intensityMmPerHour ? { kind, intensityMmPerHour } : undefined;
  }
  return undefined;
}

/** A storm's time series: at most MAX_SERIES_POINTS points, times in [0, MAX_STORM_SERIES_SECONDS] s. */
const STORM_SERIES: SeriesLimits = { maxPoints: MAX_SERIES_POINTS, seconds: [0, MAX_STORM_SERIES_SECONDS] };

/** At least `minPoints` positions, each inside the city region, or a problem. */
function regionalPositions(
  c: Checker,
  value: unknown,
  path: string,
  minPoints: number,
): Array<[number, number]> | undefined {
  const before = c.problems.length;
  const positions = c.positions(value, path, minPoints);
  if (!positions || c.problems.length > before) return undefined;
  if (positions.length > MAX_EDIT_POSITIONS)
    return c.fail(path, `expected at most ${MAX_EDIT_POSITIONS} positions, got ${positions.length}`);
  const outside = positions.findIndex(([lon, lat]) => !insideCityRegion(lon, lat));
  if (outside >= 0)
    return c.fail(
      `${path}[${outside}]`,
      `position (${positions[outside]!.join(', ')}) lies outside the city region (${CITY_REGION_TEXT})`,
    );
  return positions;
}

/** A polyline of at least two positions inside the city region, or a problem. */
function regionalLine(c: Checker, value: unknown, path: string): Array<[number, number]> | undefined {
  return regionalPositions(c, value, path, 2);
}

/**
 * A polygon ring (open or closed, at least 3 corners) inside the city region that encloses an
 * area and does not cross itself, or a problem.
 */
function simplePolygon(c: Checker, value: unknown, path: string): Array<[number, number]> | undefined {
  const positions = regionalPositions(c, value, path, 3);
  if (!positions) return undefined;
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  const open = first[0] === last[0] && first[1] === last[1] ? positions.slice(0, -1) : positions;
  const ring = open.map(([lon, lat]) => toSceneMetres(lon, lat));
  const crossing = ring.length >= 3 ? findSelfIntersection(ring) : undefined;
  if (crossing)
    return c.fail(
      path,
      `the polygon crosses itself (edges ${crossing[0]} and ${crossing[1]}): not a simple polygon`,
    );
  if (ring.length < 3 || Math.abs(ringSignedArea(ring)) < 1)
    return c.fail(path, 'the polygon encloses no area (less than 1 m²)');
  return positions;
}
