/**
 * Finding the parcel under a point of the map and the ground point under the pointer, for the
 * zoning editor (scene metres; three.js x = east, y = up, z = −north).
 */
import Flatbush from 'flatbush';
import type { ParcelOutlines } from '../../scenario/stages/landuseView.ts';
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';

/** An R-tree over the parcel outlines; returns the parcel index at a scene point or −1. */
export function parcelFinder(outlines: ParcelOutlines): (east: number, north: number) => number {
  const n = outlines.ids.length;
  const index = new Flatbush(Math.max(1, n));
  for (let k = 0; k < n; k++) {
    let minE = Infinity;
    let minN = Infinity;
    let maxE = -Infinity;
    let maxN = -Infinity;
    for (let v = outlines.offsets[k]!; v < outlines.offsets[k + 1]!; v++) {
      minE = Math.min(minE, outlines.coordinates[2 * v]!);
      maxE = Math.max(maxE, outlines.coordinates[2 * v]!);
      minN = Math.min(minN, outlines.coordinates[2 * v + 1]!);
      maxN = Math.max(maxN, outlines.coordinates[2 * v + 1]!);
    }
    index.add(minE, minN, maxE, maxN);
  }
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return (east, north) => {
    for (const k of index.search(east, north, east, north)) {
      if (k >= n) continue;
      if (pointInRing(east, north, ringOfFlat(parcelRing(outlines, k)))) return k;
    }
    return -1;
  };
}

/** The exterior ring of parcel k (flat [east, north, ...]). */
export function parcelRing(outlines: ParcelOutlines, k: number): Float32Array {
  return outlines.coordinates.subarray(2 * outlines.offsets[k]!, 2 * outlines.offsets[k + 1]!);
}

/** A ray in three.js world coordinates. */
export interface WorldRay {
  origin: { x: number; y: number; z: number };
  direction: { x: number; y: number; z: number };
}

/**
 * Where a ray meets the (exaggerated) ground: the plane at height 0 first, then the plane at
 * the terrain height found there, repeated until the height moves less than 1 mm (at most 10
 * times; a fixed-point iteration that converges where the ground is flatter than the ray).
 * Scene [east, north], or undefined when the ray points upwards.
 */
export function groundPoint(
  ray: WorldRay,
  elevationAt: (east: number, north: number) => number,
  exaggeration: number,
): [number, number] | undefined {
  if (ray.direction.y >= -1e-6) return undefined;
  let height = 0;
  let east = 0;
  let north = 0;
  for (let i = 0; i < 10; i++) {
    const t = (height - ray.origin.y) / ray.direction.y;
    east = ray.origin.x + t * ray.direction.x;
    north = -(ray.origin.z + t * ray.direction.z);
    const next = elevationAt(east, north) * exaggeration;
    if (Math.abs(next - height) < 0.001) break;
    height = next;
  }
  return [east, north];
}
