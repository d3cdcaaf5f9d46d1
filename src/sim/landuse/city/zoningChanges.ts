import { toSceneMetres } from '../../../core/geo.ts';
import { InputError } from '../../../core/errors.ts';
import { ownZoneRules, type ZoneRules } from '../zoningRules.ts';
import { BASELINE_ZONES } from './baselineZones.ts';
import type { CityParcel } from './cityParcels.ts';
import { bbox } from '../../../core/geometry/bbox.ts';
import { pointInRing } from '../../../core/geometry/pointInPolygon.ts';

/**
 * A zoning change (a scenario's zoning edit has this shape): a zone and optional rules for some
 * parcels by id and/or every parcel inside a WGS84 [longitude, latitude] polygon.
 */
export interface ZoningChange {
  id: string;
  parcelIds?: readonly string[];
  polygon?: ReadonlyArray<readonly [number, number]>;
  zone: string;
  rules?: ZoneRules;
  /** Where the change comes from, for error messages (e.g. `edits[2]` of a scenario). */
  path: string;
}

/** The zone and rules a zoning edit gives a parcel. */
export interface ParcelZoning {
  zone: string;
  rules: ZoneRules;
  editId: string;
}

/**
 * Parcels a zoning edit applies to: its `parcelIds`, plus every parcel whose centroid lies
 * inside its WGS84 `polygon`. Unknown ids are an InputError naming the edit's path.
 */
export function parcelsOfEdit(
  edit: ZoningChange,
  parcels: readonly CityParcel[],
  indexById: ReadonlyMap<string, number>,
): number[] {
  const selected = new Set<number>();
  edit.parcelIds?.forEach((id, j) => {
    const k = indexById.get(id);
    if (k === undefined) {
      throw new InputError([
        {
          path: `${edit.path}.parcelIds[${j}]`,
          message: `unknown parcel "${id}" in the city's zoning layer`,
        },
      ]);
    }
    selected.add(k);
  });
  if (edit.polygon && edit.polygon.length >= 3) {
    const ring = edit.polygon.map(([lon, lat]) => toSceneMetres(lon, lat));
    const [minE, minN, maxE, maxN] = bbox(ring);
    parcels.forEach((p, k) => {
      if (p.eastMetres < minE || p.eastMetres > maxE || p.northMetres < minN || p.northMetres > maxN) return;
      if (pointInRing(p.eastMetres, p.northMetres, ring)) selected.add(k);
    });
  }
  return [...selected].sort((a, b) => a - b);
}

/**
 * The zoning of every parcel changed by zoning changes, applied in order (a later change
 * overrides an earlier one on the same parcel). Rules: the edit's own `rules`, else the
 * baseline rules of its `zone` code; a zone with neither is an InputError.
 */
export function zoningChanges(
  zonings: readonly ZoningChange[],
  parcels: readonly CityParcel[],
  indexById: ReadonlyMap<string, number>,
): Map<number, ParcelZoning> {
  const changes = new Map<number, ParcelZoning>();
  zonings.forEach((edit) => {
    const rules = edit.rules ?? ownZoneRules(BASELINE_ZONES, edit.zone);
    if (!rules) {
      throw new InputError([
        {
          path: `${edit.path}.zone`,
          message: `zone "${edit.zone}" has no rules: give "rules" or one of ${Object.keys(BASELINE_ZONES).join(', ')}`,
        },
      ]);
    }
    const { label: _label, ...plain } = rules as ZoneRules & { label?: unknown };
    for (const k of parcelsOfEdit(edit, parcels, indexById)) {
      changes.set(k, { zone: edit.zone, rules: plain, editId: edit.id });
    }
  });
  return changes;
}
