import { Checker } from '../core/check.ts';
import { InputError } from '../core/errors.ts';
import { ROAD_CLASSES } from '../core/vocabulary.ts';
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
 * Validates a parsed JSON value as a `twin-scenario/1` document and returns it typed.
 * Throws InputError listing every problem as `path: message`.
 */
export function parseScenario(value: unknown): Scenario {
  const c = new Checker();
  const scenario = checkScenario(c, value);
  if (c.problems.length > 0 || !scenario) throw new InputError(c.problems);
  return scenario;
}

function checkScenario(c: Checker, value: unknown): Scenario | undefined {
  const doc = c.object(value, '$');
  if (!doc) return undefined;
  if (doc.format !== SCENARIO_FORMAT) {
    c.fail(
      'format',
      typeof doc.format === 'string' && doc.format.startsWith('twin-scenario/')
        ? `unsupported version ${JSON.stringify(doc.format)}; this build reads "${SCENARIO_FORMAT}"`
        : `expected "${SCENARIO_FORMAT}"`,
    );
  }
  const id = c.string(doc.id, 'id');
  const name = bilingual(c, doc.name, 'name');
  const description =
    doc.description === undefined ? undefined : bilingual(c, doc.description, 'description');
  const base = doc.base === null ? null : c.string(doc.base, 'base');
  const year = c.integer(doc.year, 'year', 2000, 2100);
  const list = c.array(doc.edits, 'edits') ?? [];
  const edits = list.map((e, i) => checkEdit(c, e, `edits[${i}]`));
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

function bilingual(c: Checker, value: unknown, path: string): BilingualText | undefined {
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
      const polygon = hasPolygon ? c.positions(e.polygon, `${path}.polygon`, 3) : undefined;
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
      const coordinates = c.positions(e.coordinates, `${path}.coordinates`, 2) ?? [];
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
        coordinates: c.positions(e.coordinates, `${path}.coordinates`, 2) ?? [],
        crestHeightMetres: c.number(e.crestHeightMetres, `${path}.crestHeightMetres`, -5, 50) ?? 0,
      };
    case 'pond':
      return {
        type,
        id,
        polygon: c.positions(e.polygon, `${path}.polygon`, 3) ?? [],
        depthMetres: c.number(e.depthMetres, `${path}.depthMetres`, 0.1, 30) ?? 0,
      };
    case 'stormEvent': {
      const durationHours = c.number(e.durationHours, `${path}.durationHours`, 0.1, 240) ?? 0;
      const rain = e.rain === undefined ? undefined : checkRain(c, e.rain, `${path}.rain`);
      const tideObj = e.tide === undefined ? undefined : c.object(e.tide, `${path}.tide`);
      const tide = tideObj ? c.timeSeries(tideObj.levelMetres, `${path}.tide.levelMetres`) : undefined;
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
    const intensityMmPerHour = c.timeSeries(r.intensityMmPerHour, `${path}.intensityMmPerHour`);
    return intensityMmPerHour ? { kind, intensityMmPerHour } : undefined;
  }
  return undefined;
}
