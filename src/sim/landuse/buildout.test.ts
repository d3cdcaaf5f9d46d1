import { describe, expect, it } from 'vitest';
import type { ZoneRules } from './zoningRules.ts';
import { buildOut } from './buildout.ts';
import { localFrameAbout, MEAN_EARTH_RADIUS_METRES } from './localFrame.ts';
import type { LonLat, Parcel } from './parcels.ts';
import type { PointMetres } from './planeGeometry.ts';

const CENTRE: LonLat = [106.77, 10.82];

/** A parcel from a ring in local metres, shifted so its vertex mean sits on CENTRE (buildOut's own frame). */
function parcelFromMetres(id: string, zone: string, ring: PointMetres[], frontEdge?: number): Parcel {
  const frame = localFrameAbout([CENTRE]);
  const me = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const mn = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const exterior = ring.map(([e, n]) => frame.toDegrees(e - me, n - mn));
  return { id, zone, exterior, holes: [], ...(frontEdge !== undefined ? { frontEdge } : {}) };
}

/** Counter-clockwise rectangle: edge 0 south (width), 1 east (depth), 2 north, 3 west. */
function rectangle(id: string, zone: string, width: number, depth: number, frontEdge?: number): Parcel {
  const ring: PointMetres[] = [
    [0, 0],
    [width, 0],
    [width, depth],
    [0, depth],
  ];
  return parcelFromMetres(id, zone, ring, frontEdge);
}

function rules(overrides: Partial<ZoneRules> = {}): ZoneRules {
  return {
    use: 'residential',
    maxCoverage: 0.6,
    maxFAR: 3,
    maxHeight: 25,
    floorHeight: 3.5,
    setbacks: { front: 3, side: 1.5, rear: 2 },
    ...overrides,
  };
}

function one(parcel: Parcel, zoneRules: ZoneRules) {
  return buildOut([parcel], { [parcel.zone]: zoneRules });
}

describe('buildOut: rectangles (hand-computed)', () => {
  it('20 m × 30 m, front 3 / side 1.5 / rear 2, coverage-limited footprint, FAR-limited floors', () => {
    // Front = south edge (20 m). Envelope: (20 − 1.5 − 1.5) × (30 − 3 − 2) = 17 × 25 = 425 m².
    // footprint = min(425, 0.6 × 600 = 360) = 360 m² (coverage-limited).
    // floors = min(⌊25 / 3.5⌋ = 7, ⌊3 × 600 / 360⌋ = 5) = 5; GFA = 1800 m²; height = 17.5 m.
    const { parcels, envelopes } = one(rectangle('A', 'R1', 20, 30), rules());
    const p = parcels[0]!;
    expect(p.lotArea).toBeCloseTo(600, 4);
    expect(p.envelopeArea).toBeCloseTo(425, 4);
    expect(p.footprintArea).toBeCloseTo(360, 4);
    expect(p.floors).toBe(5);
    expect(p.grossFloorArea).toBeCloseTo(1800, 3);
    expect(p.height).toBeCloseTo(17.5, 12);
    expect(p.reason).toBeUndefined();
    // The returned envelope is the 17 × 25 m rectangle: x ∈ [1.5, 18.5], y ∈ [3, 28] before centring.
    const frame = localFrameAbout([CENTRE]);
    const pts = envelopes[0]!.flat(2).map(([lon, lat]) => frame.toMetres(lon, lat));
    const xs = pts.map((q) => q[0]);
    const ys = pts.map((q) => q[1]);
    expect(Math.min(...xs)).toBeCloseTo(1.5 - 10, 6);
    expect(Math.max(...xs)).toBeCloseTo(18.5 - 10, 6);
    expect(Math.min(...ys)).toBeCloseTo(3 - 15, 6);
    expect(Math.max(...ys)).toBeCloseTo(28 - 15, 6);
  });

  it('envelope-limited footprint with FAR-limited floors', () => {
    // maxCoverage 0.8: 0.8 × 600 = 480 > 425, so footprint = envelope = 425 m².
    // floors = min(7, ⌊1800 / 425 = 4.235⌋ = 4) = 4; GFA = 1700 m²; height = 14 m.
    const p = one(rectangle('A', 'R1', 20, 30), rules({ maxCoverage: 0.8 })).parcels[0]!;
    expect(p.footprintArea).toBeCloseTo(425, 4);
    expect(p.floors).toBe(4);
    expect(p.grossFloorArea).toBeCloseTo(1700, 3);
    expect(p.height).toBeCloseTo(14, 12);
  });

  it('height-limited floors', () => {
    // maxFAR 10: ⌊6000 / 360⌋ = 16, but ⌊12 / 4⌋ = 3 floors; GFA = 3 × 360 = 1080 m²; height 12 m.
    const p = one(rectangle('A', 'R1', 20, 30), rules({ maxFAR: 10, maxHeight: 12, floorHeight: 4 }))
      .parcels[0]!;
    expect(p.floors).toBe(3);
    expect(p.grossFloorArea).toBeCloseTo(1080, 3);
    expect(p.height).toBe(12);
  });

  it('counts exactly-representable FAR ratios as whole floors (3 / 0.6 = 5, not 4.999…)', () => {
    // Coverage-limited footprint: maxFAR·lot / (maxCoverage·lot) = 3 / 0.6 = 5 floors.
    const p = one(rectangle('A', 'R1', 40, 40), rules({ maxHeight: 100 })).parcels[0]!;
    expect(p.footprintArea).toBeCloseTo(0.6 * 1600, 3);
    expect(p.floors).toBe(5);
  });

  it('honours frontEdge: the east side as front gives a different, hand-computed envelope', () => {
    // Front = edge 1 (east, 30 m long), rear = edge 3 (west), sides = north and south.
    // Envelope: (20 − 3 − 2) × (30 − 1.5 − 1.5) = 15 × 27 = 405 m² (425 m² with the south front).
    const p = one(rectangle('A', 'R1', 20, 30, 1), rules({ maxCoverage: 1 })).parcels[0]!;
    expect(p.envelopeArea).toBeCloseTo(405, 4);
    const south = one(rectangle('A', 'R1', 20, 30, 0), rules({ maxCoverage: 1 })).parcels[0]!;
    expect(south.envelopeArea).toBeCloseTo(425, 4);
  });

  it('a clockwise ring gives the same envelope (orientation does not matter)', () => {
    const ccw = rectangle('A', 'R1', 20, 30, 0);
    // Reversed ring: edge k of the reversed ring is edge (n − 2 − k) mod n of the original; south is edge 2.
    const cw: Parcel = { ...ccw, exterior: [...ccw.exterior].reverse(), frontEdge: 2 };
    const p = one(cw, rules()).parcels[0]!;
    expect(p.envelopeArea).toBeCloseTo(425, 4);
  });

  it('chooses the edge nearest a road as front when frontEdge is absent', () => {
    // A road running north–south 5 m east of the lot: the east edge becomes front → 405 m².
    const lot = rectangle('A', 'R1', 20, 30);
    const frame = localFrameAbout([CENTRE]);
    const road: LonLat[] = [frame.toDegrees(15, -40), frame.toDegrees(15, 40)];
    const [p] = buildOut([lot], { R1: rules({ maxCoverage: 1 }) }, [road]).parcels;
    expect(p!.envelopeArea).toBeCloseTo(405, 4);
    // No roads: edge 0 (south) is the front → 425 m².
    expect(buildOut([lot], { R1: rules({ maxCoverage: 1 }) }).parcels[0]!.envelopeArea).toBeCloseTo(425, 4);
  });

  it('a lot too narrow for its setbacks gets zero floors and a reason', () => {
    // 2.5 m wide, side setbacks 1.5 + 1.5 = 3 m > 2.5 m: empty envelope.
    const p = one(rectangle('A', 'R1', 2.5, 20), rules()).parcels[0]!;
    expect(p.envelopeArea).toBe(0);
    expect(p.footprintArea).toBe(0);
    expect(p.floors).toBe(0);
    expect(p.grossFloorArea).toBe(0);
    expect(p.height).toBe(0);
    expect(p.reason).toMatch(/no buildable envelope/);
    expect(p.lotArea).toBeCloseTo(50, 4);
  });

  it('exactly as wide as its side setbacks: empty envelope too', () => {
    const p = one(rectangle('A', 'R1', 3, 20), rules()).parcels[0]!;
    expect(p.floors).toBe(0);
    expect(p.reason).toBeDefined();
  });

  it('a height limit below one floor gives zero floors with a reason', () => {
    const p = one(rectangle('A', 'R1', 20, 30), rules({ maxHeight: 3 })).parcels[0]!;
    expect(p.floors).toBe(0);
    expect(p.grossFloorArea).toBe(0);
    expect(p.reason).toMatch(/below one floor/);
  });
});

describe('buildOut: L-shaped (concave) lot, hand-computed', () => {
  // 20 × 20 square minus its 10 × 10 north-east quarter, counter-clockwise:
  // edges 0 south, 1 east (lower), 2 step top (y = 10), 3 inner east (x = 10), 4 north (y = 20), 5 west.
  const L: PointMetres[] = [
    [0, 0],
    [20, 0],
    [20, 10],
    [10, 10],
    [10, 20],
    [0, 20],
  ];

  it('equal 1 m setbacks: the mitred inset plus the rounded region at the reflex corner', () => {
    // Inset by 1 m with square corners: [1,19]×[1,9] (144 m²) ∪ [1,9]×[9,19] (80 m²) = 224 m².
    // Points of the square (9,10)×(9,10) farther than 1 m from the reflex vertex (10,10) are also
    // ≥ 1 m from every edge segment: 1 − π/4 = 0.2146 m² more. Total 224.2146 m²; the circumscribed
    // 32-gon caps remove at most ~0.0007 m² extra.
    const p = one(
      parcelFromMetres('L', 'R1', L, 0),
      rules({ maxCoverage: 1, setbacks: { front: 1, side: 1, rear: 1 } }),
    ).parcels[0]!;
    expect(p.lotArea).toBeCloseTo(300, 4);
    expect(p.envelopeArea).toBeGreaterThan(224 + 1 - Math.PI / 4 - 0.002);
    expect(p.envelopeArea).toBeLessThanOrEqual(224 + 1 - Math.PI / 4 + 1e-6);
  });

  it('front 3 / side 1 / rear 2: the rear is the far north edge, the inner step gets the side setback', () => {
    // front: y ≥ 3; rear (edge 4, y = 20): y ≤ 18; sides: x ≥ 1, x ≤ 19 (y < 10), y ≤ 9 (x > 10), x ≤ 9 (y > 10).
    // [1,19]×[3,9] = 108 m² plus [1,9]×[9,18] = 72 m² plus the corner region 1 − π/4 → 180.2146 m².
    // (Had the step been taken as rear, [1,19]×[3,8] ∪ [1,9]×[8,19] = 178 m² plus a corner region.)
    const p = one(
      parcelFromMetres('L', 'R1', L, 0),
      rules({ maxCoverage: 1, setbacks: { front: 3, side: 1, rear: 2 } }),
    ).parcels[0]!;
    expect(p.envelopeArea).toBeGreaterThan(180 + 1 - Math.PI / 4 - 0.002);
    expect(p.envelopeArea).toBeLessThanOrEqual(180 + 1 - Math.PI / 4 + 1e-6);
  });
  it('rotated L lots of any size match the closed form (cases that need the exact-arithmetic fallback)', () => {
    // L of side s (s × s minus its s/2 × s/2 north-east quarter), front 3 / side 1.5 / rear 2:
    // [1.5, s − 1.5] × [3, s/2 − 1.5] ∪ [1.5, s/2 − 1.5] × [s/2 − 1.5, s − 2] plus the reflex bulge
    // 1.5²(1 − π/4). These sizes and angles made polygon-clipping's sweep fail (found by a probe
    // over 3 000 random L lots); the polyclip-ts fallback must give the same answer.
    for (const [side, degrees] of [
      [40.2, 82],
      [20.4, 45],
      [41.8, 25],
      [30, 0],
    ] as const) {
      const angle = (degrees * Math.PI) / 180;
      const ring: PointMetres[] = (
        [
          [0, 0],
          [side, 0],
          [side, side / 2],
          [side / 2, side / 2],
          [side / 2, side],
          [0, side],
        ] as PointMetres[]
      ).map(([x, y]) => [
        x * Math.cos(angle) - y * Math.sin(angle),
        x * Math.sin(angle) + y * Math.cos(angle),
      ]);
      const p = one(parcelFromMetres('L', 'R1', ring, 0), rules({ maxCoverage: 1 })).parcels[0]!;
      const expected =
        (side - 3) * (side / 2 - 4.5) + (side / 2 - 3) * (side / 2 - 0.5) + 2.25 * (1 - Math.PI / 4);
      expect(Math.abs(p.envelopeArea - expected)).toBeLessThan(0.003);
    }
  });
});

describe('buildOut: totals and geodesic area', () => {
  it('sums lot area and gross floor area, and gross floor area by use', () => {
    // R1 20×30: GFA 1800 (above). C1 commercial 20×30 coverage 0.8, FAR 3 → 4 floors × 425 = 1700 m².
    const result = buildOut(
      [rectangle('a', 'R1', 20, 30), rectangle('b', 'C1', 20, 30), rectangle('c', 'R1', 20, 30)],
      {
        R1: rules(),
        C1: rules({ use: 'commercial', maxCoverage: 0.8 }),
      },
    );
    expect(result.totals.lotArea).toBeCloseTo(1800, 3);
    expect(result.totals.grossFloorArea).toBeCloseTo(1800 + 1700 + 1800, 2);
    expect(result.totals.byUse.residential).toBeCloseTo(3600, 2);
    expect(result.totals.byUse.commercial).toBeCloseTo(1700, 2);
    expect(Object.keys(result.totals.byUse).sort()).toEqual(['commercial', 'residential']);
  });

  it('names the feature when the zone of a parcel has no rules', () => {
    expect(() =>
      buildOut([rectangle('a', 'R1', 20, 30), rectangle('b', 'X9', 20, 30)], { R1: rules() }),
    ).toThrow(/features\[1\]\.properties\.zone: no rules for "X9"/);
  });

  it('lot area of a 0.001° × 0.001° lat/lon rectangle equals the spherical formula R²·Δλ·(sin φ2 − sin φ1)', () => {
    const [lon1, lat1, lon2, lat2] = [106.77, 10.82, 106.771, 10.821];
    const parcel: Parcel = {
      id: 'g',
      zone: 'R1',
      exterior: [
        [lon1, lat1],
        [lon2, lat1],
        [lon2, lat2],
        [lon1, lat2],
      ],
      holes: [],
    };
    const rad = Math.PI / 180;
    const expected =
      MEAN_EARTH_RADIUS_METRES ** 2 * (lon2 - lon1) * rad * (Math.sin(lat2 * rad) - Math.sin(lat1 * rad));
    const p = one(parcel, rules({ setbacks: { front: 0, side: 0, rear: 0 } })).parcels[0]!;
    expect(Math.abs(p.lotArea - expected) / expected).toBeLessThan(1e-9);
    // ≈ 109.2 m (0.001° × cos 10.82° × 111.19 km) × 111.2 m ≈ 12 144 m².
    expect(expected).toBeGreaterThan(12_100);
    expect(expected).toBeLessThan(12_200);
    // With zero setbacks the envelope is the lot itself, measured the same way.
    expect(p.envelopeArea).toBeCloseTo(p.lotArea, 4); // the 1 µm snapping grid moves it by ~3e-6 m²
  });
});
