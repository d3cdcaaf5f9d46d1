import earcut from 'earcut';

/**
 * Merged triangle mesh of extruded building prisms, glTF y-up, float32 positions relative to a
 * tile centre. glTF axes are x = east, y = up, z = −north, so that the standard 3D Tiles y-up →
 * z-up rotation (+90° about x) gives back (east, north, up).
 */
export interface PrismMesh {
  /** xyz per vertex, metres relative to the tile centre, glTF y-up. */
  positions: Float32Array;
  /** Unit normal per vertex, glTF y-up (flat shading: walls and roofs have their own vertices). */
  normals: Float32Array;
  /**
   * Index of the building (row of the property table) per vertex, as float32 (exact below 2^24):
   * glTF requires 4-byte aligned vertex elements, so a packed uint16 attribute would be invalid.
   */
  featureIds: Float32Array;
  /** Triangle list, counter-clockwise seen from outside. */
  indices: Uint16Array | Uint32Array;
  /** Axis-aligned extent in tile-relative glTF coordinates: [minX, minY, minZ, maxX, maxY, maxZ]. */
  bounds: [number, number, number, number, number, number];
}

/** A clean footprint (see cleanFootprint), its roof height above its base and its base, metres. */
export interface Prism {
  /** Counter-clockwise ring, flat [e0, n0, e1, n1, ...] scene metres, not closed. */
  ring: readonly number[];
  heightMetres: number;
  /** Height of the walls' foot above the tile frame's z = 0 (the ground under the building), metres. Default 0. */
  baseMetres?: number;
}

/**
 * Extrudes each footprint into a prism from its base up to base + heightMetres: per edge a wall quad (4 vertices, 2 triangles, outward
 * normal), and a flat roof at heightMetres triangulated by ear clipping (earcut; Mapbox, after
 * Held, "FIST: Fast industrial-strength triangulation of polygons", Algorithmica 2001):
 * n − 2 triangles for a simple n-gon. No floor (it sits on the ground). Vertex i of prism k
 * carries feature id k.
 */
export function extrudePrisms(prisms: readonly Prism[], centreEast: number, centreNorth: number): PrismMesh {
  const roofTriangles = prisms.map((prism) => orientedRoofTriangles(prism.ring));
  let vertexCount = 0;
  let indexCount = 0;
  prisms.forEach((prism, k) => {
    const n = prism.ring.length / 2;
    vertexCount += 5 * n;
    indexCount += 6 * n + roofTriangles[k]!.length;
  });
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const featureIds = new Float32Array(vertexCount);
  const indices = vertexCount <= 65536 ? new Uint16Array(indexCount) : new Uint32Array(indexCount);
  let v = 0;
  let t = 0;
  const put = (east: number, north: number, up: number, ne: number, nn: number, nu: number) => {
    positions[3 * v] = east - centreEast;
    positions[3 * v + 1] = up;
    positions[3 * v + 2] = -(north - centreNorth);
    normals[3 * v] = ne;
    normals[3 * v + 1] = nu;
    normals[3 * v + 2] = -nn;
    v++;
  };
  prisms.forEach((prism, k) => {
    const { ring } = prism;
    const base = prism.baseMetres ?? 0;
    const roof = base + prism.heightMetres;
    const n = ring.length / 2;
    const first = v;
    for (let i = 0; i < n; i++) {
      const j = i + 1 === n ? 0 : i + 1;
      const ae = ring[2 * i]!;
      const an = ring[2 * i + 1]!;
      const be = ring[2 * j]!;
      const bn = ring[2 * j + 1]!;
      const length = Math.hypot(be - ae, bn - an);
      const ne = (bn - an) / length;
      const nn = -(be - ae) / length;
      const quad = v;
      put(ae, an, base, ne, nn, 0);
      put(be, bn, base, ne, nn, 0);
      put(be, bn, roof, ne, nn, 0);
      put(ae, an, roof, ne, nn, 0);
      indices[t++] = quad;
      indices[t++] = quad + 1;
      indices[t++] = quad + 2;
      indices[t++] = quad;
      indices[t++] = quad + 2;
      indices[t++] = quad + 3;
    }
    const roofBase = v;
    for (let i = 0; i < n; i++) put(ring[2 * i]!, ring[2 * i + 1]!, roof, 0, 0, 1);
    for (const corner of roofTriangles[k]!) indices[t++] = roofBase + corner;
    featureIds.fill(k, first, v);
  });
  return { positions, normals, featureIds, indices, bounds: boundsOf(positions) };
}

/** Earcut triangles of a ring, each flipped if needed to be counter-clockwise (roof faces up). */
export function orientedRoofTriangles(ring: readonly number[]): number[] {
  const triangles = earcut(ring as number[]);
  for (let i = 0; i < triangles.length; i += 3) {
    const a = triangles[i]!;
    const b = triangles[i + 1]!;
    const c = triangles[i + 2]!;
    const cross =
      (ring[2 * b]! - ring[2 * a]!) * (ring[2 * c + 1]! - ring[2 * a + 1]!) -
      (ring[2 * b + 1]! - ring[2 * a + 1]!) * (ring[2 * c]! - ring[2 * a]!);
    if (cross < 0) {
      triangles[i + 1] = c;
      triangles[i + 2] = b;
    }
  }
  return triangles;
}

function boundsOf(positions: Float32Array): [number, number, number, number, number, number] {
  const bounds: [number, number, number, number, number, number] = [
    Infinity,
    Infinity,
    Infinity,
    -Infinity,
    -Infinity,
    -Infinity,
  ];
  for (let i = 0; i < positions.length; i += 3) {
    for (let axis = 0; axis < 3; axis++) {
      const value = positions[i + axis]!;
      if (value < bounds[axis]!) bounds[axis] = value;
      if (value > bounds[axis + 3]!) bounds[axis + 3] = value;
    }
  }
  return bounds;
}
