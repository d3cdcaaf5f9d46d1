/**
 * Administrative areas of `admin.geojson` (city boundary, districts, wards) as outlines in two
 * screen-space line widths, plus label anchors (name and scene position) for HTML labels.
 */
import { Group } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { SegmentsGeometry } from '../segmentsGeometry.ts';
import { ADMIN_COLOURS } from './cityColours.ts';
import { ringArea } from '../../core/geometry/area.ts';
import { ringCentroid } from '../../core/geometry/centroid.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';
import { type FeatureCollection, scenePolygons } from './sceneGeoJson.ts';
import type { TerrainGrid } from './terrainGrid.ts';

/** Outlines float this high above the terrain, metres. */
const ADMIN_LIFT_METRES = 4;

/** A label: text and where to put it (three.js coordinates, true-metre height). */
export interface AdminLabel {
  kind: 'district' | 'ward';
  name: string;
  position: [number, number, number];
}

/** Builds the outline group and the label anchors. */
export function createAdminLayer(
  collection: FeatureCollection,
  terrain: TerrainGrid | undefined,
): { group: Group; labels: AdminLabel[]; materials: LineMaterial[] } {
  const group = new Group();
  group.name = 'admin';
  const labels: AdminLabel[] = [];
  const materials: LineMaterial[] = [];
  const byKind: Record<'boundary' | 'district' | 'ward', number[]> = { boundary: [], district: [], ward: [] };
  const height = (e: number, n: number) => (terrain ? terrain.elevationAt(e, n) : 0) + ADMIN_LIFT_METRES;
  for (const feature of collection.features) {
    const kind = feature.properties.kind;
    if (kind !== 'boundary' && kind !== 'district' && kind !== 'ward') continue;
    const polygons = scenePolygons(feature);
    const out = byKind[kind];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        const n = ring.length / 2;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const ae = ring[2 * j]!;
          const an = ring[2 * j + 1]!;
          const be = ring[2 * i]!;
          const bn = ring[2 * i + 1]!;
          out.push(ae, height(ae, an), -an, be, height(be, bn), -bn);
        }
      }
    }
    const name = feature.properties.name;
    const largest = polygons.map((p) => ringOfFlat(p[0] ?? [])).sort((a, b) => ringArea(b) - ringArea(a))[0];
    if (kind !== 'boundary' && typeof name === 'string' && largest && largest.length >= 3) {
      const [e, n] = ringCentroid(largest);
      labels.push({ kind, name, position: [e, height(e, n) + 40, -n] });
    }
  }
  const widths = { boundary: 3.5, district: 2.5, ward: 1.5 } as const;
  for (const kind of ['boundary', 'district', 'ward'] as const) {
    if (byKind[kind].length === 0) continue;
    const geometry = new SegmentsGeometry();
    geometry.setPositions(byKind[kind]);
    const material = new LineMaterial({ color: ADMIN_COLOURS[kind], linewidth: widths[kind] });
    materials.push(material);
    const lines = new LineSegments2(geometry, material);
    lines.name = `admin-${kind}`;
    lines.renderOrder = 10;
    group.add(lines);
  }
  return { group, labels, materials };
}
