/**
 * Planar polygon helpers in scene metres. A polygon is a list of rings (exterior first, then
 * holes), each a flat [east, north, east, north, ...] array, open (no repeated last vertex).
 */
export type FlatRing = number[];

/** Signed shoelace area of a flat ring, m² (positive counter-clockwise). */
export function flatRingSignedArea(ring: FlatRing): number {
  let twice = 0;
  const n = ring.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    twice += ring[i]! * ring[j + 1]! - ring[j]! * ring[i + 1]!;
  }
  return twice / 2;
}

/** Area of a polygon (exterior minus holes), m². */
export function polygonArea(rings: readonly FlatRing[]): number {
  let area = 0;
  rings.forEach((ring, k) => {
    const a = Math.abs(flatRingSignedArea(ring));
    area += k === 0 ? a : -a;
  });
  return area;
}

/** Area-weighted centroid of a polygon (holes subtracted), scene metres. */
export function polygonCentroid(rings: readonly FlatRing[]): [number, number] {
  let sumA = 0;
  let sumE = 0;
  let sumN = 0;
  rings.forEach((ring, k) => {
    const sign = (k === 0 ? 1 : -1) * Math.sign(flatRingSignedArea(ring));
    const n = ring.length;
    for (let i = 0; i < n; i += 2) {
      const j = (i + 2) % n;
      const cross = ring[i]! * ring[j + 1]! - ring[j]! * ring[i + 1]!;
      sumA += sign * cross;
      sumE += sign * (ring[i]! + ring[j]!) * cross;
      sumN += sign * (ring[i + 1]! + ring[j + 1]!) * cross;
    }
  });
  if (sumA === 0) return [rings[0]?.[0] ?? 0, rings[0]?.[1] ?? 0];
  return [sumE / (3 * sumA), sumN / (3 * sumA)];
}

/** Even-odd point-in-polygon over all rings (holes excluded). */
export function pointInPolygon(rings: readonly FlatRing[], east: number, north: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const ei = ring[i]!;
      const ni = ring[i + 1]!;
      const ej = ring[j]!;
      const nj = ring[j + 1]!;
      if (ni > north !== nj > north && east < ((ej - ei) * (north - ni)) / (nj - ni) + ei) inside = !inside;
    }
  }
  return inside;
}

/** Bounding box [minEast, minNorth, maxEast, maxNorth] of a ring. */
export function ringBounds(ring: FlatRing): [number, number, number, number] {
  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    minE = Math.min(minE, ring[i]!);
    maxE = Math.max(maxE, ring[i]!);
    minN = Math.min(minN, ring[i + 1]!);
    maxN = Math.max(maxN, ring[i + 1]!);
  }
  return [minE, minN, maxE, maxN];
}
