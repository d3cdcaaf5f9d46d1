/**
 * Hand-worked fixtures of the geometry tests (areas and centroids computed on paper; see each).
 * Rings are open and counter-clockwise unless the name says otherwise.
 */
import type { Polygon, Ring } from './ring.ts';

/** The unit square (0,0)–(1,1): area 1, centroid (0.5, 0.5). */
export const SQUARE: Ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

/** The unit square closed (first position repeated), as GeoJSON writes it. */
export const SQUARE_CLOSED: Ring = [...SQUARE, [0, 0]];

/** A closed counter-clockwise square of side `side` with its south-west corner at (x, y), as GeoJSON writes it. */
export function closedSquare(x: number, y: number, side: number): Ring {
  return [
    [x, y],
    [x + side, y],
    [x + side, y + side],
    [x, y + side],
    [x, y],
  ];
}

/** The unit square clockwise: signed area −1. */
export const SQUARE_CW: Ring = [...SQUARE].reverse();

/**
 * An L: the 2 × 1 bar [0,2]×[0,1] (area 2, centroid (1, 0.5)) and the 1 × 1 block [0,1]×[1,2]
 * on it (area 1, centroid (0.5, 1.5)). Area 3; centroid ((2·1 + 0.5)/3, (2·0.5 + 1.5)/3) =
 * (5/6, 5/6), which lies inside the L; the notch (1.5, 1.5) lies outside.
 */
export const L_SHAPE: Ring = [
  [0, 0],
  [2, 0],
  [2, 1],
  [1, 1],
  [1, 2],
  [0, 2],
];

/**
 * The square [0,4]² (area 16, centroid (2, 2)) with the hole [1,2]² (area 1, centroid
 * (1.5, 1.5)), the hole wound clockwise as GeoJSON asks. Area 15; centroid
 * ((16·2 − 1·1.5)/15, same) = (61/30, 61/30).
 */
export const HOLED: Polygon = [
  [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
  ],
  [
    [1, 1],
    [1, 2],
    [2, 2],
    [2, 1],
  ],
];
