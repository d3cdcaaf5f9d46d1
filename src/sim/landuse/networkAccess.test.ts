import { describe, expect, it } from 'vitest';
import {
  distanceToNearestTarget,
  type RoadGraph,
  shareOfResidentsWithin,
  snapToNodes,
} from './networkAccess.ts';

/**
 * Hand graph (metres), nodes on the x axis except node 5:
 *   0 —300— 1 —300— 2 —400— 3 —600— 4        and   1 —200— 5 (a side street at (300, 200))
 * Links are two-way except 3 → 4, which is one-way.
 */
function handGraph(): RoadGraph {
  const twoWay = [
    [0, 1, 300],
    [1, 2, 300],
    [2, 3, 400],
    [1, 5, 200],
  ];
  const links = [
    ...twoWay.flatMap(([a, b, l]) => [
      [a!, b!, l!],
      [b!, a!, l!],
    ]),
    [3, 4, 600],
  ];
  return {
    nodeCount: 6,
    nodeEastMetres: [0, 300, 600, 1000, 1600, 300],
    nodeNorthMetres: [0, 0, 0, 0, 0, 200],
    linkFrom: links.map((l) => l[0]!),
    linkTo: links.map((l) => l[1]!),
    linkLengthMetres: links.map((l) => l[2]!),
  };
}

describe('distanceToNearestTarget (multi-source Dijkstra)', () => {
  it('gives each node its distance to the nearest of two targets (walking: links both ways)', () => {
    // Targets 0 and 4: node 2 is 600 from 0 and 1000 from 4; node 3 is 1000 from 0 and 600 from 4.
    const d = distanceToNearestTarget(handGraph(), [0, 4], [0, 0]);
    expect(Array.from(d)).toEqual([0, 300, 600, 600, 0, 500]);
  });

  it('respects one-way links when not bidirectional: 4 cannot reach anything', () => {
    // Distances travelled from each node to target 0; node 4 only has the incoming link 3 → 4.
    const d = distanceToNearestTarget(handGraph(), [0], [0], false);
    expect(Array.from(d)).toEqual([0, 300, 600, 1000, Infinity, 500]);
    // To target 4: only node 3 (and nodes that reach 3) can get there.
    const to4 = distanceToNearestTarget(handGraph(), [4], [0], false);
    expect(Array.from(to4)).toEqual([1600, 1300, 1000, 600, 0, 1500]);
  });

  it('starts targets at their initial distance', () => {
    const d = distanceToNearestTarget(handGraph(), [0, 4], [50, 0]);
    expect(d[1]).toBe(350);
    expect(d[0]).toBe(50);
  });
});

describe('snapToNodes', () => {
  it('snaps each point to its nearest node with the straight-line distance', () => {
    const s = snapToNodes(handGraph(), [310, 990, 300], [40, -30, 180]);
    expect(Array.from(s.node)).toEqual([1, 3, 5]);
    expect(s.distanceMetres[0]).toBeCloseTo(Math.hypot(10, 40), 12);
    expect(s.distanceMetres[1]).toBeCloseTo(Math.hypot(10, 30), 12);
    expect(s.distanceMetres[2]).toBeCloseTo(20, 12);
  });
});

describe('shareOfResidentsWithin', () => {
  it('counts residents whose home → POI walk is within 500 m and 1 km', () => {
    // POI (a school) at (0, 10) → node 0, 10 m off-network.
    // Homes: 100 people at (300, 230): node 5 (+30 m) → 30 + 500 + 10 = 540 m.
    //        50 people at (600, 0): node 2 → 600 + 10 = 610 m.
    //        30 people at (305, 0): node 1 (+5 m) → 5 + 300 + 10 = 315 m.
    //        20 people at (1600, 0): node 4 → 1600 + 10 = 1610 m.
    const shares = shareOfResidentsWithin(
      handGraph(),
      { eastMetres: [300, 600, 305, 1600], northMetres: [230, 0, 0, 0], residents: [100, 50, 30, 20] },
      [0],
      [10],
      [500, 1000],
    );
    expect(shares[0]).toEqual({ withinMetres: 500, share: 30 / 200 });
    expect(shares[1]).toEqual({ withinMetres: 1000, share: 180 / 200 });
  });
});
