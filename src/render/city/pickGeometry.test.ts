import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';
import { rayPrism, segmentDistanceSquared } from './pickGeometry.ts';

// 10 m × 20 m rectangle, east 0..10, north 0..20 (counter-clockwise)
const square = [0, 0, 10, 0, 10, 20, 0, 20];

describe('point in ring on flat scene buffers (core/geometry through ringOfFlat)', () => {
  it('classifies points inside, outside and in a concave notch of an L shape', () => {
    expect(pointInRing(5, 5, ringOfFlat(square, 0, 4))).toBe(true);
    expect(pointInRing(11, 5, ringOfFlat(square, 0, 4))).toBe(false);
    const l = [0, 0, 10, 0, 10, 4, 4, 4, 4, 10, 0, 10];
    expect(pointInRing(2, 8, ringOfFlat(l, 0, 6))).toBe(true);
    expect(pointInRing(8, 8, ringOfFlat(l, 0, 6))).toBe(false);
  });
});

describe('rayPrism', () => {
  it('hits the roof of a 30 m box from straight above at t = 70 (origin 100 m up)', () => {
    const ray = {
      originEast: 5,
      originNorth: 5,
      originUp: 100,
      directionEast: 0,
      directionNorth: 0,
      directionUp: -1,
    };
    expect(rayPrism(ray, square, 0, 4, 0, 30)).toBeCloseTo(70, 9);
  });
  it('hits the west wall of a box from a horizontal ray at the wall distance', () => {
    const ray = {
      originEast: -25,
      originNorth: 10,
      originUp: 12,
      directionEast: 1,
      directionNorth: 0,
      directionUp: 0,
    };
    expect(rayPrism(ray, square, 0, 4, 0, 30)).toBeCloseTo(25, 9);
  });
  it('misses when the ray passes over the roof, and when it points away', () => {
    const over = {
      originEast: -25,
      originNorth: 10,
      originUp: 40,
      directionEast: 1,
      directionNorth: 0,
      directionUp: 0,
    };
    expect(rayPrism(over, square, 0, 4, 0, 30)).toBe(Infinity);
    const away = {
      originEast: -25,
      originNorth: 10,
      originUp: 12,
      directionEast: -1,
      directionNorth: 0,
      directionUp: 0,
    };
    expect(rayPrism(away, square, 0, 4, 0, 30)).toBe(Infinity);
  });
  it('finds a 45° downward ray hitting the roof edge region (t = 30·√2 for a 30 m drop onto the roof)', () => {
    // from (−20, 10, 60) going east and down at 45°: reaches up = 30 at east = 10 → on the roof's east edge
    const ray = {
      originEast: -20,
      originNorth: 10,
      originUp: 60,
      directionEast: 1,
      directionNorth: 0,
      directionUp: -1,
    };
    // the west wall is reached at east = 0, up = 40 > top, so the first hit is the roof at east 10, t = 30
    expect(rayPrism(ray, square, 0, 4, 0, 30)).toBeCloseTo(30, 9);
  });
});

describe('segmentDistanceSquared', () => {
  it('measures perpendicular and end-point distances', () => {
    expect(segmentDistanceSquared(5, 3, 0, 0, 10, 0)).toBeCloseTo(9, 12);
    expect(segmentDistanceSquared(13, 4, 0, 0, 10, 0)).toBeCloseTo(25, 12);
  });
});
