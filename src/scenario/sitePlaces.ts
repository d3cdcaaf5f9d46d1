/**
 * The streets and places of the public site's search (`data/places.json`), from the dataset: each
 * named street (every road link with that name, OSM 2018) and each named point of interest
 * (schools, clinics, markets… from pois.geojson), with its bounding box in WGS84 degrees.
 */
import { fromSceneMetres } from '../core/geo.ts';
import type { RoadGraph } from '../data/formats/roads.ts';

/** A street or place to fly to: its name, kind and [west, south, east, north] box, degrees. */
export interface SitePlace {
  name: string;
  kind: 'street' | 'place';
  bounds: [number, number, number, number];
}

/** Named points as pois.geojson holds them. */
interface NamedPoints {
  features: ReadonlyArray<{ properties: unknown; geometry: { type: string; coordinates: unknown } }>;
}

/** Degrees kept in the file (≈ 1 m). */
const DECIMALS = 5;
/** Half the box drawn around a point of interest, degrees (≈ 150 m). */
const POINT_HALF_BOX_DEGREES = 0.0015;

const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Streets (one per distinct name, its links' box) then places (one per named point). */
export function sitePlacesOf(
  roads: Pick<RoadGraph, 'links' | 'names' | 'geometries'>,
  pois?: NamedPoints,
): SitePlace[] {
  const boxes = new Map<string, [number, number, number, number]>();
  const { offsets, coordinates } = roads.geometries;
  roads.links.name.forEach((nameIndex, i) => {
    const name = roads.names[nameIndex]?.trim();
    if (!name) return;
    const g = roads.links.geometry[i]!;
    const box = boxes.get(name) ?? [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = offsets[g]!; v < offsets[g + 1]!; v++) {
      const [lon, lat] = fromSceneMetres(coordinates[2 * v]!, coordinates[2 * v + 1]!);
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
    boxes.set(name, box);
  });
  const places: SitePlace[] = [...boxes].map(([name, b]) => ({
    name,
    kind: 'street',
    bounds: [round(b[0]), round(b[1]), round(b[2]), round(b[3])],
  }));
  for (const feature of pois?.features ?? []) {
    const name = (feature.properties as { name?: unknown } | null)?.name;
    const point = feature.geometry.coordinates;
    if (
      typeof name !== 'string' ||
      !name.trim() ||
      feature.geometry.type !== 'Point' ||
      !Array.isArray(point)
    )
      continue;
    const [lon, lat] = point as [number, number];
    places.push({
      name: name.trim(),
      kind: 'place',
      bounds: [
        round(lon - POINT_HALF_BOX_DEGREES),
        round(lat - POINT_HALF_BOX_DEGREES),
        round(lon + POINT_HALF_BOX_DEGREES),
        round(lat + POINT_HALF_BOX_DEGREES),
      ],
    });
  }
  return places;
}
