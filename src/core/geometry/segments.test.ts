import { describe, expect, it } from 'vitest';
import { pointToSegmentDistance, segmentsIntersect } from './segments.ts';

describe('segments', () => {
  it('finds crossing and touching segments, not parallel or apart ones', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [1, 0], [1, 1])).toBe(true); // end touches end
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true); // collinear overlap
    expect(segmentsIntersect([0, 0], [1, 0], [0, 1], [1, 1])).toBe(false); // parallel
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false); // collinear apart
  });

  it('measures a point to a segment: perpendicular foot inside, nearest end outside', () => {
    expect(pointToSegmentDistance([1, 3], [0, 0], [2, 0])).toBe(3);
    expect(pointToSegmentDistance([5, 4], [0, 0], [2, 0])).toBe(5);
    expect(pointToSegmentDistance([3, 4], [0, 0], [0, 0])).toBe(5);
  });
});
