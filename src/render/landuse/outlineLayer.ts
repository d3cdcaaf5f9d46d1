/**
 * Outlines for the zoning editor: selected parcels and the polygon being drawn, as line
 * segments lifted above the ground (scene metres → three.js: x = east, y = up, z = −north).
 */
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';

/** A ring (open, flat [east, north, ...]) with the ground height to draw it at, m. */
export interface OutlineRing {
  ring: ArrayLike<number>;
  groundMetres: number;
  closed: boolean;
}

/** Builds line segments for the rings (one draw call). */
export function createOutlines(
  rings: readonly OutlineRing[],
  colour: string,
  exaggeration: number,
): LineSegments {
  const positions: number[] = [];
  for (const { ring, groundMetres, closed } of rings) {
    const n = ring.length / 2;
    const y = (groundMetres + 4) * exaggeration;
    for (let i = 0; i < (closed ? n : n - 1); i++) {
      const j = (i + 1) % n;
      positions.push(ring[2 * i]!, y, -ring[2 * i + 1]!, ring[2 * j]!, y, -ring[2 * j + 1]!);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  const lines = new LineSegments(geometry, new LineBasicMaterial({ color: colour, depthTest: false }));
  lines.renderOrder = 4;
  return lines;
}

/** Frees the outline's geometry and material. */
export function disposeOutlines(lines: LineSegments): void {
  lines.geometry.dispose();
  (lines.material as LineBasicMaterial).dispose();
}
