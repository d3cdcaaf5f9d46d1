/**
 * The one ring representation of the project's geometry (`src/core/geometry/*`).
 *
 * - A **position** is `[x, y]` in one planar frame: scene metres (east, north; `core/geo`),
 *   grid units (x east, y as the grid counts its rows), or degrees [longitude, latitude] where a
 *   caller says so (containment and bounds only: the area and centroid formulas lose precision
 *   far from the origin, so compute those in a local metric frame).
 * - A **ring** is a list of positions, open (`[a, b, c]`) or closed (`[a, b, c, a]`) as GeoJSON
 *   writes it: every function here gives the same result, to the bit, for both (a repeated
 *   closing position adds an exact zero to every sum).
 * - A **polygon** is a list of rings, the exterior first, then its holes, any orientation
 *   (GeoJSON Polygon coordinates); a **multipolygon** is a list of polygons.
 *
 * Packed buffers (offsets + flat `[x0, y0, x1, y1, ...]` coordinates, for the GPU and for
 * transfer between workers) are a storage format of render/ and of worker protocols, not a
 * ring: read a ring out of them with `ringOfFlat`.
 */

/** A position `[x, y]` in the caller's planar frame. */
export type Position = readonly [number, number];

/** A ring of positions, open or closed (see the module comment). */
export type Ring = ReadonlyArray<Position>;

/** A polygon: exterior ring first, then holes. */
export type Polygon = ReadonlyArray<Ring>;

/** A multipolygon: a list of polygons. */
export type MultiPolygon = ReadonlyArray<Polygon>;

/**
 * The ring stored in a flat coordinate array `[x0, y0, x1, y1, ...]` from vertex `start` to
 * `end` − 1 (whole array by default), as positions.
 */
export function ringOfFlat(
  coordinates: ArrayLike<number>,
  start = 0,
  end = coordinates.length / 2,
): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  for (let v = start; v < end; v++) ring.push([coordinates[2 * v]!, coordinates[2 * v + 1]!]);
  return ring;
}
