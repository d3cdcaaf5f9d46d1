/**
 * Roads of `roads.json` (twin-roads/1): every segment polyline drawn once as screen-space-width
 * lines (three's LineSegments2, instanced quads), one draw call per road class, coloured and
 * widened by class. Vertices sit ROAD_LIFT_METRES above the terrain (true metres; the layer's
 * `scale.y` applies the vertical exaggeration). Picking: nearest segment to a ground point from a
 * Flatbush R-tree of segment pieces.
 */
import Flatbush from 'flatbush';
import { Group } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { SegmentsGeometry } from '../segmentsGeometry.ts';
import type { RoadsDocument } from '../../data/formats/roads.ts';
import { ROAD_CLASSES, type RoadClass } from '../../core/vocabulary.ts';
import { ROAD_STYLE } from './cityColours.ts';
import { segmentDistanceSquared } from './pickGeometry.ts';
import type { TerrainGrid } from './terrainGrid.ts';

/** Height of road lines above the terrain surface, metres (bridges: BRIDGE_LIFT_METRES). */
const ROAD_LIFT_METRES = 1.5;
const BRIDGE_LIFT_METRES = 6;

/** Inspector attributes of a road (the link along the segment's drawing direction). */
export interface RoadAttributes {
  id: string;
  name: string;
  roadClass: RoadClass;
  lanes: number;
  speedKmh: number;
  capacityPcuPerHour: number;
  oneway: boolean;
  lengthMetres: number;
  bridge: boolean;
}

/** The road network drawn by class, with a pick index. */
export class RoadsLayer {
  readonly group = new Group();
  readonly materials: LineMaterial[] = [];
  /** First link drawn along each geometry (polyline) k, or −1. */
  private readonly linkOfGeometry: Int32Array;
  /** Piece p joins geometry vertices pieceStart[p] and pieceStart[p]+1; pieceGeometry[p] is its polyline. */
  private readonly pieceVertex: Uint32Array;
  private readonly pieceGeometry: Uint32Array;
  private readonly index: Flatbush;
  private readonly coordinates: number[];

  constructor(
    private readonly doc: RoadsDocument,
    terrain: TerrainGrid | undefined,
  ) {
    const { offsets, coordinates } = doc.geometries;
    this.coordinates = coordinates;
    const geometries = offsets.length - 1;
    this.linkOfGeometry = new Int32Array(geometries).fill(-1);
    for (let i = 0; i < doc.links.ids.length; i++) {
      const k = doc.links.geometry[i]!;
      const current = this.linkOfGeometry[k]!;
      if (current === -1 || (doc.links.reversed[current] === 1 && doc.links.reversed[i] === 0))
        this.linkOfGeometry[k] = i;
    }
    let pieces = 0;
    for (let k = 0; k < geometries; k++) pieces += Math.max(0, offsets[k + 1]! - offsets[k]! - 1);
    this.pieceVertex = new Uint32Array(pieces);
    this.pieceGeometry = new Uint32Array(pieces);
    this.index = new Flatbush(Math.max(1, pieces));
    const perClass: number[][] = ROAD_CLASSES.map(() => []);
    const heights = new Float32Array(coordinates.length / 2);
    for (let v = 0; v < heights.length; v++) {
      heights[v] = terrain ? terrain.elevationAt(coordinates[2 * v]!, coordinates[2 * v + 1]!) : 0;
    }
    let p = 0;
    for (let k = 0; k < geometries; k++) {
      const link = this.linkOfGeometry[k]!;
      if (link < 0) continue;
      const lift = doc.links.flags[link]! & doc.flagBits.bridge ? BRIDGE_LIFT_METRES : ROAD_LIFT_METRES;
      const out = perClass[doc.links.roadClass[link]!]!;
      for (let v = offsets[k]!; v < offsets[k + 1]! - 1; v++) {
        const ae = coordinates[2 * v]!;
        const an = coordinates[2 * v + 1]!;
        const be = coordinates[2 * v + 2]!;
        const bn = coordinates[2 * v + 3]!;
        out.push(ae, heights[v]! + lift, -an, be, heights[v + 1]! + lift, -bn);
        this.pieceVertex[p] = v;
        this.pieceGeometry[p] = k;
        this.index.add(Math.min(ae, be), Math.min(an, bn), Math.max(ae, be), Math.max(an, bn));
        p++;
      }
    }
    if (p === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.group.name = 'roads';
    ROAD_CLASSES.forEach((roadClass, c) => {
      const positions = perClass[c]!;
      if (positions.length === 0) return;
      const geometry = new SegmentsGeometry();
      geometry.setPositions(positions);
      const style = ROAD_STYLE[roadClass];
      const material = new LineMaterial({ color: style.colour, linewidth: style.widthPixels });
      this.materials.push(material);
      const lines = new LineSegments2(geometry, material);
      lines.name = `roads-${roadClass}`;
      lines.renderOrder = 1 + c;
      this.group.add(lines);
    });
  }

  /** Geometry (polyline) index nearest to the ground point within `toleranceMetres`, or −1. */
  pick(east: number, north: number, toleranceMetres: number): number {
    let best = -1;
    let bestD = toleranceMetres * toleranceMetres;
    const c = this.coordinates;
    for (const p of this.index.search(
      east - toleranceMetres,
      north - toleranceMetres,
      east + toleranceMetres,
      north + toleranceMetres,
    )) {
      const v = this.pieceVertex[p]!;
      const d = segmentDistanceSquared(east, north, c[2 * v]!, c[2 * v + 1]!, c[2 * v + 2]!, c[2 * v + 3]!);
      if (d <= bestD) {
        bestD = d;
        best = this.pieceGeometry[p]!;
      }
    }
    return best;
  }

  /** Number of polylines. */
  get polylineCount(): number {
    return this.doc.geometries.offsets.length - 1;
  }

  /** Flat [east, north, ...] vertices of polyline k. */
  polyline(k: number): number[] {
    const { offsets, coordinates } = this.doc.geometries;
    return coordinates.slice(2 * offsets[k]!, 2 * offsets[k + 1]!);
  }

  /** Inspector attributes of polyline k's link (the one along its drawing direction). */
  attributes(k: number): RoadAttributes {
    const l = this.doc.links;
    const i = this.linkOfGeometry[k]!;
    let lengthMetres = 0;
    const line = this.polyline(k);
    for (let v = 2; v < line.length; v += 2)
      lengthMetres += Math.hypot(line[v]! - line[v - 2]!, line[v + 1]! - line[v - 1]!);
    return {
      id: l.ids[i]!,
      name: this.doc.names[l.name[i]!] ?? '',
      roadClass: ROAD_CLASSES[l.roadClass[i]!]!,
      lanes: l.lanes[i]!,
      speedKmh: l.speedKmh[i]!,
      capacityPcuPerHour: l.capacityPcuPerHour[i]!,
      oneway: l.oneway[i] === 1,
      lengthMetres: Math.round(lengthMetres * 10) / 10,
      bridge: (l.flags[i]! & this.doc.flagBits.bridge) !== 0,
    };
  }

  /** Frees GPU buffers. */
  dispose(): void {
    for (const child of this.group.children) (child as LineSegments2).geometry.dispose();
    for (const m of this.materials) m.dispose();
  }
}
