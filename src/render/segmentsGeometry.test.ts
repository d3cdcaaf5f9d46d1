import { Vector3 } from 'three';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { describe, expect, it } from 'vitest';
import { SegmentsGeometry } from './segmentsGeometry.ts';

// two segments: (−5, 1, 2)–(3, 4, −7) and (10, −2, 0)–(0, 0, 6)
const positions = [-5, 1, 2, 3, 4, -7, 10, -2, 0, 0, 0, 6];

describe('SegmentsGeometry', () => {
  it('has the same bounding box as three’s LineSegmentsGeometry', () => {
    const fast = new SegmentsGeometry().setPositions(positions);
    const three = new LineSegmentsGeometry().setPositions(positions);
    expect(fast.boundingBox!.min.toArray()).toEqual([-5, -2, -7]);
    expect(fast.boundingBox!.max.toArray()).toEqual([10, 4, 6]);
    expect(fast.boundingBox!.equals(three.boundingBox!)).toBe(true);
  });

  it('has a bounding sphere holding every end point', () => {
    const sphere = new SegmentsGeometry().setPositions(positions).boundingSphere!;
    for (let i = 0; i < positions.length; i += 3) {
      const point = new Vector3(positions[i], positions[i + 1], positions[i + 2]);
      expect(sphere.containsPoint(point)).toBe(true);
    }
  });

  it('is empty without segments', () => {
    expect(new SegmentsGeometry().setPositions([]).boundingBox!.isEmpty()).toBe(true);
  });
});
