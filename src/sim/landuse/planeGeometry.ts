/**
 * Plane geometry in local metres for lots and envelopes beyond core/geometry (areas, distances
 * and segment tests are there). Rings are open (the first position is not repeated at the end).
 */
import { segmentsIntersect } from '../../core/geometry/segments.ts';

/** A position in local metres [east, north] (a core/geometry Position the lot code may write to). */
export type PointMetres = [number, number];

/**
 * The first pair of non-adjacent edges [i, j] of an open ring that touch or cross, or undefined
 * when the ring is simple. Edge i joins ring[i] to ring[i + 1]. O(n²), fine for lot rings.
 */
export function findSelfIntersection(ring: readonly PointMetres[]): [number, number] | undefined {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsIntersect(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return [i, j];
    }
  }
  return undefined;
}
