/**
 * Screen-space-width line segments (three's LineSegmentsGeometry, drawn by LineSegments2) whose
 * bounds come from one loop over the segment buffer: three's own computeBoundingBox/Sphere walk
 * every vertex through interleaved-attribute getters, a tenth of a second per city layer on the
 * page's critical path. The sphere is the box's circumscribed sphere (looser than three's, which
 * only culls a little less).
 */
import { Box3, type InterleavedBufferAttribute, Sphere } from 'three';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';

export class SegmentsGeometry extends LineSegmentsGeometry {
  override computeBoundingBox(): void {
    const start = this.getAttribute('instanceStart') as InterleavedBufferAttribute | undefined;
    this.boundingBox ??= new Box3();
    const box = this.boundingBox;
    box.makeEmpty();
    if (!start) return;
    const values = start.data.array as Float32Array;
    let minX = Infinity;
    let minY = Infinity;
    let minZ = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let maxZ = -Infinity;
    // [x y z x y z] per segment: every vertex, both ends
    for (let i = 0; i < values.length; i += 3) {
      const x = values[i]!;
      const y = values[i + 1]!;
      const z = values[i + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    if (minX <= maxX) {
      box.min.set(minX, minY, minZ);
      box.max.set(maxX, maxY, maxZ);
    }
  }

  override computeBoundingSphere(): void {
    if (!this.boundingBox) this.computeBoundingBox();
    this.boundingSphere ??= new Sphere();
    this.boundingBox!.getBoundingSphere(this.boundingSphere);
  }
}
