import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.ts';
import { buildableEnvelope, type EdgeSetback } from './envelope.ts';
import { multiPolygonArea, ringSignedArea } from '../../core/geometry/area.ts';
import type { PointMetres } from './planeGeometry.ts';

function edgesOf(ring: PointMetres[], setbacks: number[]): EdgeSetback[] {
  return ring.map((from, i) => ({ from, to: ring[(i + 1) % ring.length]!, setbackMetres: setbacks[i]! }));
}

/**
 * Independent reference for convex lots: clip the lot by each edge's half-plane shifted inward by
 * its setback (Sutherland–Hodgman). For a convex lot with one setback on every edge this is
 * exactly the set of points at least that far from the boundary.
 */
function halfPlaneInset(ring: PointMetres[], setback: number): PointMetres[] {
  const orientation = Math.sign(ringSignedArea(ring));
  let out = ring;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    // Inward unit normal (left of a→b for counter-clockwise rings).
    const nx = (-orientation * (b[1] - a[1])) / length;
    const ny = (orientation * (b[0] - a[0])) / length;
    const inside = (p: PointMetres) => (p[0] - a[0]) * nx + (p[1] - a[1]) * ny - setback;
    const next: PointMetres[] = [];
    for (let k = 0; k < out.length; k++) {
      const p = out[k]!;
      const q = out[(k + 1) % out.length]!;
      const dp = inside(p);
      const dq = inside(q);
      if (dp >= 0) next.push(p);
      if (dp * dq < 0) {
        const t = dp / (dp - dq);
        next.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
    out = next;
    if (out.length < 3) return [];
  }
  return out;
}

describe('buildableEnvelope', () => {
  it('equals the half-plane inset on 200 random convex lots with one setback (independent method)', () => {
    const random = seededRandom(11);
    let worst = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + random.int(6);
      const radius = random.range(8, 40);
      const angles = Array.from({ length: n }, () => random.range(0, 2 * Math.PI)).sort((x, y) => x - y);
      const ring: PointMetres[] = angles.map((a) => [radius * Math.cos(a), radius * Math.sin(a)]);
      if (Math.abs(ringSignedArea(ring)) < 50) continue;
      const setback = random.range(0.5, 5);
      const envelope = buildableEnvelope(
        [ring],
        edgesOf(
          ring,
          ring.map(() => setback),
        ),
      );
      const inset = halfPlaneInset(ring, setback);
      const reference = inset.length === 0 ? 0 : Math.abs(ringSignedArea(inset));
      const difference = Math.abs(multiPolygonArea(envelope) - reference);
      // Circumscribed 32-gon caps may shave ≤ ~0.0013·s² per cap at nearly straight corners.
      expect(difference).toBeLessThanOrEqual(0.003 * setback * setback * n + 1e-4);
      worst = Math.max(worst, difference);
    }
    expect(worst).toBeLessThan(1e-3); // measured 4.2e-5 m² with seed 11
  });

  it('a rotated 20 × 30 m rectangle with front 3 / side 1.5 / rear 2 still gives 17 × 25 = 425 m²', () => {
    const angle = (30 * Math.PI) / 180;
    const rotate = ([x, y]: PointMetres): PointMetres => [
      x * Math.cos(angle) - y * Math.sin(angle),
      x * Math.sin(angle) + y * Math.cos(angle),
    ];
    const ring: PointMetres[] = (
      [
        [0, 0],
        [20, 0],
        [20, 30],
        [0, 30],
      ] as PointMetres[]
    ).map(rotate);
    const area = multiPolygonArea(buildableEnvelope([ring], edgesOf(ring, [3, 1.5, 2, 1.5])));
    expect(area).toBeCloseTo(425, 4);
  });

  it('a lot with a hole loses a side-setback ring around the hole', () => {
    // 40 × 40 lot, 10 × 10 hole in the middle, 2 m on every edge:
    // outer inset 36 × 36 = 1296 minus the hole grown by 2 m with rounded corners:
    // 14 × 14 − 4·(2² − π·2²/4) = 196 − 16 + 4π = 180 + 4π.
    const outer: PointMetres[] = [
      [0, 0],
      [40, 0],
      [40, 40],
      [0, 40],
    ];
    const hole: PointMetres[] = [
      [15, 15],
      [15, 25],
      [25, 25],
      [25, 15],
    ];
    const area = multiPolygonArea(
      buildableEnvelope([outer, hole], [...edgesOf(outer, [2, 2, 2, 2]), ...edgesOf(hole, [2, 2, 2, 2])]),
    );
    const exact = 1296 - (180 + 4 * Math.PI);
    expect(area).toBeLessThanOrEqual(exact + 1e-6);
    expect(area).toBeGreaterThan(exact - 0.02);
  });
});
