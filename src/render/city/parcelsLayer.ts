/**
 * Land-use parcels of `landuse.geojson` for picking and outlining (their colours are drawn by
 * the terrain's land-cover texture). Point-in-polygon (even-odd, holes included) on candidates
 * from a Flatbush R-tree of polygon bounds; where parcels overlap the smallest one wins.
 */
import Flatbush from 'flatbush';
import type { Feature } from '../../data/pipeline/geojson.ts';
import { polygonArea } from '../../core/geometry/area.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import { pointInPolygon } from '../../core/geometry/pointInPolygon.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';
import { type FeatureCollection, type ScenePolygon, scenePolygons } from './sceneGeoJson.ts';

/** Parcels with a spatial index. */
export class ParcelsLayer {
  private readonly polygons: ScenePolygon[] = [];
  private readonly featureOf: number[] = [];
  private readonly areas: number[] = [];
  private readonly index: Flatbush;

  constructor(private readonly collection: FeatureCollection) {
    collection.features.forEach((feature, f) => {
      for (const polygon of scenePolygons(feature)) {
        if (!polygon[0] || polygon[0].length < 6) continue;
        this.polygons.push(polygon);
        this.featureOf.push(f);
        this.areas.push(polygonArea(polygon.map((ring) => ringOfFlat(ring))));
      }
    });
    this.index = new Flatbush(Math.max(1, this.polygons.length));
    for (const polygon of this.polygons) this.index.add(...bbox(ringOfFlat(polygon[0]!)));
    if (this.polygons.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Polygon index containing the scene point (smallest if several), or −1. */
  pick(east: number, north: number): number {
    let best = -1;
    for (const p of this.index.search(east, north, east, north)) {
      const polygon = this.polygons[p];
      if (!polygon) continue;
      const inside = pointInPolygon(
        east,
        north,
        polygon.map((ring) => ringOfFlat(ring)),
      );
      if (inside && (best < 0 || this.areas[p]! < this.areas[best]!)) best = p;
    }
    return best;
  }

  /** Number of polygons (a MultiPolygon parcel counts once per part). */
  get polygonCount(): number {
    return this.polygons.length;
  }

  /** Rings of polygon p (flat scene east/north). */
  rings(p: number): ScenePolygon {
    return this.polygons[p] ?? [];
  }

  /** Inspector attributes of polygon p: its feature's properties and area. */
  attributes(p: number): Record<string, string | number | boolean> {
    const feature: Feature | undefined = this.collection.features[this.featureOf[p]!];
    const out: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(feature?.properties ?? {})) if (v !== null && v !== '') out[k] = v;
    out.areaSquareMetres = Math.round(this.areas[p] ?? 0);
    return out;
  }
}
