/**
 * Hover and selection highlights: a translucent glowing copy of a picked building's prism, a wide
 * line over a picked road, an outline around a picked parcel. Built once per pick change (never
 * per frame).
 */
import { BufferAttribute, BufferGeometry, Group, Mesh, MeshBasicMaterial, type Object3D } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { CityModel, CityPick } from './cityModel.ts';

/** Colours of the hover and the selection highlight (hex). */
export const HIGHLIGHT_COLOURS = { hover: '#ffe600', selected: '#00e5ff' } as const;
/** Highlight geometry grows this much beyond the building, metres (avoids z-fighting). */
const GROW_METRES = 0.6;

/** Segments [a, b, b, c, ...] of a flat east/north polyline at heights from `heightAt`, three.js coordinates. */
function segments(
  line: readonly number[],
  closed: boolean,
  heightAt: (e: number, n: number) => number,
): number[] {
  const out: number[] = [];
  const n = line.length / 2;
  const last = closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    const ae = line[2 * i]!;
    const an = line[2 * i + 1]!;
    const be = line[2 * j]!;
    const bn = line[2 * j + 1]!;
    out.push(ae, heightAt(ae, an), -an, be, heightAt(be, bn), -bn);
  }
  return out;
}

function lines(positions: number[], colour: string, widthPixels: number): LineSegments2 {
  const geometry = new LineSegmentsGeometry();
  geometry.setPositions(positions);
  const material = new LineMaterial({
    color: colour,
    linewidth: widthPixels,
    depthTest: false,
    transparent: true,
  });
  const object = new LineSegments2(geometry, material);
  object.renderOrder = 100;
  return object;
}

function buildingPrism(model: CityModel, i: number, colour: string): Mesh {
  const b = model.buildings!;
  const start = b.vertexStart[i]!;
  const n = b.vertexStart[i + 1]! - start;
  const [ce, cn] = b.centroid(i);
  const [base, top] = b.verticalExtent(i);
  const positions = new Float32Array(n * 6);
  for (let j = 0; j < n; j++) {
    let de = b.coords[2 * (start + j)]! - ce;
    let dn = b.coords[2 * (start + j) + 1]! - cn;
    const d = Math.hypot(de, dn) || 1;
    de += (de / d) * GROW_METRES;
    dn += (dn / d) * GROW_METRES;
    positions.set([ce + de, base, -(cn + dn)], 3 * j);
    positions.set([ce + de, top + GROW_METRES, -(cn + dn)], 3 * (n + j));
  }
  const index: number[] = [];
  for (let j = 0; j < n; j++) {
    const k = (j + 1) % n;
    index.push(j, k, n + k, j, n + k, n + j);
  }
  for (let j = 1; j < n - 1; j++) index.push(n, n + j, n + j + 1);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setIndex(index);
  const material = new MeshBasicMaterial({
    color: colour,
    transparent: true,
    opacity: 0.55,
    depthWrite: false,
  });
  const mesh = new Mesh(geometry, material);
  mesh.renderOrder = 100;
  return mesh;
}

/** The highlight object of a pick (empty group for null); `exaggeration` seats roads and outlines. */
export function createHighlight(
  model: CityModel,
  pick: CityPick,
  colour: string,
  exaggeration: number,
): Object3D {
  const group = new Group();
  group.name = 'highlight';
  if (!pick) return group;
  const ground = (e: number, n: number) =>
    (model.terrain ? model.terrain.elevationAt(e, n) : 0) * exaggeration + 3;
  if (pick.layer === 'buildings' && model.buildings) group.add(buildingPrism(model, pick.index, colour));
  else if (pick.layer === 'roads' && model.roads)
    group.add(lines(segments(model.roads.polyline(pick.index), false, ground), colour, 7));
  else if (pick.layer === 'landuse' && model.parcels) {
    const positions = model.parcels.rings(pick.index).flatMap((ring) => segments(ring, true, ground));
    group.add(lines(positions, colour, 3));
  }
  return group;
}

/** Frees a highlight's GPU resources. */
export function disposeHighlight(object: Object3D): void {
  object.traverse((o) => {
    const m = o as Mesh;
    m.geometry?.dispose();
    (m.material as { dispose?: () => void } | undefined)?.dispose?.();
  });
}
