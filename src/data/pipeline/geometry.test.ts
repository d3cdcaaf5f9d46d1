import { describe, expect, it } from 'vitest';
import { ringSignedArea } from '../../core/geometry/area.ts';
import { counterClockwise } from '../../core/geometry/orientation.ts';
import { pointInPolygon } from '../../core/geometry/pointInPolygon.ts';
import {
  geodesicMetres,
  haversineMetres,
  ringsOverlap,
  segmentRingDistance,
  type Point,
} from './geometry.ts';

const square: Point[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

describe('geometry', () => {
  it('haversine: one degree of latitude is 111.195 km on the mean-radius sphere (pi R / 180)', () => {
    expect(haversineMetres(106.77, 10, 106.77, 11)).toBeCloseTo((Math.PI * 6_371_008.8) / 180, 3);
  });
  it('ellipsoidal edge length matches Vincenty (WGS84) to < 1 mm over 300 m', () => {
    // Reference values: Vincenty's inverse formula on WGS84, computed independently.
    expect(Math.abs(geodesicMetres(106.75, 10.8, 106.753, 10.8) - 328.08171)).toBeLessThan(1e-3);
    expect(Math.abs(geodesicMetres(106.75, 10.8, 106.75, 10.802) - 221.226561)).toBeLessThan(1e-3);
  });
  it('shoelace area and orientation', () => {
    expect(ringSignedArea(square)).toBe(100);
    const clockwise = [...square].reverse();
    expect(ringSignedArea(clockwise)).toBe(-100);
    expect(ringSignedArea(counterClockwise([...clockwise, clockwise[0]!]))).toBe(100);
  });
  it('point in polygon with a hole', () => {
    const hole: Point[] = [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
    ];
    expect(pointInPolygon(2, 2, [square, hole])).toBe(true);
    expect(pointInPolygon(5, 5, [square, hole])).toBe(false);
    expect(pointInPolygon(11, 5, [square, hole])).toBe(false);
  });
  it('ring overlap: crossing, containment and separation', () => {
    const shifted = square.map(([x, y]) => [x + 5, y + 5] as Point);
    const inner = square.map(([x, y]) => [x / 5 + 4, y / 5 + 4] as Point);
    const apart = square.map(([x, y]) => [x + 10.5, y] as Point);
    expect(ringsOverlap(square, shifted)).toBe(true);
    expect(ringsOverlap(square, inner)).toBe(true);
    expect(ringsOverlap(square, apart)).toBe(false);
  });
  it('segment to ring distance', () => {
    expect(segmentRingDistance([13, -5], [13, 15], square)).toBe(3);
    expect(segmentRingDistance([5, -5], [5, 15], square)).toBe(0);
  });
});
