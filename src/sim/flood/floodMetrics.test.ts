import { describe, expect, it } from 'vitest';
import {
  floodedAreaSquareMetres,
  floodedBuildingCount,
  impassableLinks,
  maxDepthAlong,
  toGridCoordinates,
} from './floodMetrics.ts';

// 4 × 3 grid (row 0 north):
//   0.0 0.1 0.5 0.0
//   0.2 0.0 0.0 0.0
//   0.0 0.0 0.0 0.9
const grid = { columns: 4, rows: 3, depthMetres: [0, 0.1, 0.5, 0, 0.2, 0, 0, 0, 0, 0, 0, 0.9] };

describe('flood metrics', () => {
  it('counts flooded area above a threshold', () => {
    expect(floodedAreaSquareMetres(grid, 10, 0.05)).toBe(400); // 0.1, 0.5, 0.2, 0.9
    expect(floodedAreaSquareMetres(grid, 10, 0.3)).toBe(200);
  });

  it('finds the deepest cell crossed by a polyline, including cells between vertices', () => {
    // Along row 0 from the west edge to the east edge: crosses 0, 0.1, 0.5, 0.
    expect(
      maxDepthAlong(grid, [
        [0.1, 0.5],
        [3.9, 0.5],
      ]),
    ).toBe(0.5);
    // Along row 1: 0.2 at its west end.
    expect(
      maxDepthAlong(grid, [
        [0.5, 1.5],
        [3.5, 1.5],
      ]),
    ).toBe(0.2);
    // A diagonal from (1.5, 2.5) to (3.5, 2.5) then north to (3.5, 1.2): reaches the 0.9 cell.
    expect(
      maxDepthAlong(grid, [
        [1.5, 2.5],
        [3.5, 2.5],
        [3.5, 1.2],
      ]),
    ).toBe(0.9);
  });

  it('lists impassable links (> 0.3 m) with their depth, in input order', () => {
    const links = [
      {
        id: 'north',
        points: [
          [0.1, 0.5],
          [3.9, 0.5],
        ] as const,
      },
      {
        id: 'middle',
        points: [
          [0.5, 1.5],
          [3.5, 1.5],
        ] as const,
      },
      {
        id: 'south-east',
        points: [
          [2.5, 2.5],
          [3.5, 2.5],
        ] as const,
      },
    ];
    expect(impassableLinks(grid, links)).toEqual([
      { id: 'north', maxDepthMetres: 0.5 },
      { id: 'south-east', maxDepthMetres: 0.9 },
    ]);
    expect(impassableLinks(grid, links, 0.1).map((l) => l.id)).toEqual(['north', 'middle', 'south-east']);
  });

  it('counts buildings whose centroid is flooded; converts CRS metres to grid coordinates', () => {
    const shape = { rows: 3, xllCornerMetres: 1000, yllCornerMetres: 500, cellSizeMetres: 10 };
    // Centre of the north-east-but-one cell (row 0, col 2) = x 1025, y 525.
    expect(toGridCoordinates(1025, 525, shape)).toEqual([2.5, 0.5]);
    const centroids = [
      toGridCoordinates(1025, 525, shape),
      [3.2, 2.9] as const,
      [1.5, 1.5] as const,
      [9, 9] as const,
    ];
    expect(floodedBuildingCount(grid, centroids, 0.15)).toBe(2);
  });
});
