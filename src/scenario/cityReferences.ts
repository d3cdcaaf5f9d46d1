/**
 * What a scenario's edits refer to in a city dataset, and the check of each edit against it:
 * road links that exist, parcels of the baseline zoning layer, zones with rules, and geometry
 * inside the city boundary. `twin scenario validate`, `scenario run` and `compare` all check a
 * scenario this way before running it, so a run never skips an edit it cannot apply.
 */
import type { Checker } from '../core/check.ts';
import { toSceneMetres } from '../core/geo.ts';
import { pointInRing } from '../core/geometry/pointInPolygon.ts';
import type { Ring } from '../core/geometry/ring.ts';
import { pointToSegmentDistance } from '../core/geometry/segments.ts';
import type { CityFiles } from '../data/dataset/cityFiles.ts';
import { BASELINE_ZONES } from '../sim/landuse/city/baselineZones.ts';
import { prepareCityLanduse } from '../sim/landuse/city/cityLanduseModel.ts';
import { ownZoneRules } from '../sim/landuse/zoningRules.ts';
import type { ScenarioEdit } from './scenario.ts';
import type { ScenarioEditCheck } from './validate.ts';

/**
 * How far outside the city boundary an edit's vertex may lie, m: the boundary runs along the
 * Saigon and Đồng Nai rivers, and polygons and dikes drawn along a bank cross it a little.
 */
export const CITY_EDGE_TOLERANCE_METRES = 1000;

/** The ids and shapes of a dataset that scenario edits may refer to. */
export interface CityReferences {
  /** `roads.json` link ids. */
  linkIds: ReadonlySet<string>;
  /** Source ids of the land-use areas (`landuse.geojson` osmId) and `u` for unmapped land. */
  parcelSources: ReadonlySet<string>;
  /** Ids of the baseline parcels; the subdivision takes seconds, so it runs on first call. */
  parcelIds(): ReadonlySet<string>;
  /** Exterior rings of the city boundary in scene metres; empty when the dataset has none. */
  boundaryRings: Ring[];
}

/** The references of a dataset (parcels are subdivided lazily, only for edits naming parcels). */
export function cityReferences(files: CityFiles): CityReferences {
  let parcelIds: Set<string> | undefined;
  const sources = new Set<string>(['u']);
  for (const f of files.landUse?.features ?? []) {
    const osmId = (f.properties as { osmId?: unknown } | null)?.osmId;
    if (typeof osmId === 'string') sources.add(osmId);
  }
  return {
    linkIds: new Set(files.roads?.links.ids ?? []),
    parcelSources: sources,
    parcelIds() {
      parcelIds ??= new Set(prepareCityLanduse(files).parcels.map((p) => p.id));
      return parcelIds;
    },
    boundaryRings: boundaryRingsOf(files),
  };
}

/** Exterior rings (scene metres) of the admin layer's `boundary` features. */
function boundaryRingsOf(files: CityFiles): Ring[] {
  const rings: Ring[] = [];
  for (const f of files.admin?.features ?? []) {
    if ((f.properties as { kind?: unknown } | null)?.kind !== 'boundary') continue;
    const g = f.geometry as { type: string; coordinates: unknown };
    const polygons = (
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
    ) as Array<Array<Array<[number, number]>>>;
    for (const polygon of polygons)
      if (polygon[0]) rings.push(polygon[0].map(([lon, lat]) => toSceneMetres(lon, lat)));
  }
  return rings;
}

/** A parcel id of the baseline layer: `<source>-<column>_<row>-<piece>` (cityParcels.ts). */
const PARCEL_ID = /^(.+)-(-?\d+)_(-?\d+)-(\d+)$/;

/** Records a problem for each reference of `edit` (at `path`) that `city` does not have. */
export function checkEditInCity(c: Checker, edit: ScenarioEdit, path: string, city: CityReferences): void {
  switch (edit.type) {
    case 'roadClosure':
      edit.linkIds.forEach((id, i) => {
        if (!city.linkIds.has(id)) c.fail(`${path}.linkIds[${i}]`, `unknown road link "${id}" (roads.json)`);
      });
      return;
    case 'zoning':
      if (!edit.rules && !ownZoneRules(BASELINE_ZONES, edit.zone))
        c.fail(
          `${path}.zone`,
          `unknown zone "${edit.zone}": give "rules" or one of ${Object.keys(BASELINE_ZONES).join(', ')}`,
        );
      edit.parcelIds?.forEach((id, i) => {
        // A malformed id or an unknown source fails at once, without subdividing the city.
        const source = PARCEL_ID.exec(id)?.[1];
        if (source === undefined || !city.parcelSources.has(source) || !city.parcelIds().has(id))
          c.fail(`${path}.parcelIds[${i}]`, `unknown parcel "${id}" in the city's zoning layer`);
      });
      if (edit.polygon) insideCity(c, edit.polygon, `${path}.polygon`, city);
      return;
    case 'newRoad':
    case 'dike':
      insideCity(c, edit.coordinates, `${path}.coordinates`, city);
      return;
    case 'pond':
      insideCity(c, edit.polygon, `${path}.polygon`, city);
      return;
    case 'stormEvent':
    case 'growth':
      return;
  }
}

/** A problem at the first position lying outside the boundary by more than CITY_EDGE_TOLERANCE_METRES. */
function insideCity(
  c: Checker,
  positions: ReadonlyArray<readonly [number, number]>,
  path: string,
  city: CityReferences,
): void {
  if (city.boundaryRings.length === 0) return;
  const k = positions.findIndex(([lon, lat]) => {
    const p = toSceneMetres(lon, lat);
    return !city.boundaryRings.some((ring) => pointInRing(p[0], p[1], ring) || nearRing(p, ring));
  });
  if (k >= 0)
    c.fail(
      `${path}[${k}]`,
      `position (${positions[k]!.join(', ')}) lies outside the city boundary (more than ${CITY_EDGE_TOLERANCE_METRES} m)`,
    );
}

/** True when p lies within CITY_EDGE_TOLERANCE_METRES of the ring's edges. */
function nearRing(p: readonly [number, number], ring: Ring): boolean {
  for (let i = 0; i < ring.length; i++)
    if (pointToSegmentDistance(p, ring[i]!, ring[(i + 1) % ring.length]!) <= CITY_EDGE_TOLERANCE_METRES)
      return true;
  return false;
}

/** The edit check parseScenario takes, on the references of `files`. */
export function cityEditCheck(files: CityFiles): ScenarioEditCheck {
  const city = cityReferences(files);
  return (c, edit, path) => checkEditInCity(c, edit, path, city);
}
