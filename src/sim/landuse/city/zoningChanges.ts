import { toSceneMetres } from '../../../core/geo.ts';
import { InputError } from '../../../core/errors.ts';
import type { Scenario, ZoneRules, ZoningEdit } from '../../../scenario/scenario.ts';
import { BASELINE_ZONES } from './baselineZones.ts';
import type { CityParcel } from './cityParcels.ts';
import { pointInPolygon } from './sceneRings.ts';

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
  edit: ZoningEdit,
  editIndex: number,
  parcels: readonly CityParcel[],
  indexById: ReadonlyMap<string, number>,
): number[] {
  const selected = new Set<number>();
  edit.parcelIds?.forEach((id, j) => {
    const k = indexById.get(id);
    if (k === undefined) {
      throw new InputError([
        {
          path: `edits[${editIndex}].parcelIds[${j}]`,
          message: `unknown parcel "${id}" in the city's zoning layer`,
        },
      ]);
    }
    selected.add(k);
  });
  if (edit.polygon && edit.polygon.length >= 3) {
    const ring = edit.polygon.flatMap(([lon, lat]) => toSceneMetres(lon, lat));
    let minE = Infinity;
    let maxE = -Infinity;
    let minN = Infinity;
    let maxN = -Infinity;
    for (let i = 0; i < ring.length; i += 2) {
      minE = Math.min(minE, ring[i]!);
      maxE = Math.max(maxE, ring[i]!);
      minN = Math.min(minN, ring[i + 1]!);
      maxN = Math.max(maxN, ring[i + 1]!);
    }
    parcels.forEach((p, k) => {
      if (p.eastMetres < minE || p.eastMetres > maxE || p.northMetres < minN || p.northMetres > maxN) return;
      if (pointInPolygon([ring], p.eastMetres, p.northMetres)) selected.add(k);
    });
  }
  return [...selected].sort((a, b) => a - b);
}

/**
 * The zoning of every parcel changed by the scenario's zoning edits, applied in order (a later
 * edit overrides an earlier one on the same parcel). Rules: the edit's own `rules`, else the
 * baseline rules of its `zone` code; a zone with neither is an InputError.
 */
export function zoningChanges(
  scenario: Scenario,
  parcels: readonly CityParcel[],
  indexById: ReadonlyMap<string, number>,
): Map<number, ParcelZoning> {
  const changes = new Map<number, ParcelZoning>();
  scenario.edits.forEach((edit, i) => {
    if (edit.type !== 'zoning') return;
    const rules = edit.rules ?? BASELINE_ZONES[edit.zone];
    if (!rules) {
      throw new InputError([
        {
          path: `edits[${i}].zone`,
          message: `zone "${edit.zone}" has no rules: give "rules" or one of ${Object.keys(BASELINE_ZONES).join(', ')}`,
        },
      ]);
    }
    const { label: _label, ...plain } = rules as ZoneRules & { label?: unknown };
    for (const k of parcelsOfEdit(edit, i, parcels, indexById)) {
      changes.set(k, { zone: edit.zone, rules: plain, editId: edit.id });
    }
  });
  return changes;
}
