import { describe, expect, it } from 'vitest';
import { doublyConstrainedGravity, gammaFriction } from './gravity.ts';

describe('doublyConstrainedGravity', () => {
  it('matches row and column totals on an asymmetric 3-zone case', () => {
    const productions = Float64Array.from([100, 50, 30]);
    const attractions = Float64Array.from([20, 60, 100]);
    const times = [1, 5, 12, 5, 1, 6, 12, 6, 1];
    const friction = Float64Array.from(times.map((t) => gammaFriction(t, { alpha: 0.5, beta: 0.1 })));
    const { trips, undistributed } = doublyConstrainedGravity(
      productions,
      attractions,
      friction,
      1e-10,
      1000,
    );
    for (let i = 0; i < 3; i++) {
      expect(trips[3 * i]! + trips[3 * i + 1]! + trips[3 * i + 2]!).toBeCloseTo(productions[i]!, 6);
      expect(trips[i]! + trips[3 + i]! + trips[6 + i]!).toBeCloseTo(attractions[i]!, 6);
    }
    expect(undistributed).toBeLessThan(1e-6);
  });

  it('uniform friction gives the product solution T_ij = O_i D_j / total', () => {
    const productions = Float64Array.from([10, 30]);
    const attractions = Float64Array.from([25, 15]);
    const { trips } = doublyConstrainedGravity(productions, attractions, new Float64Array(4).fill(1));
    expect(trips[0]).toBeCloseTo((10 * 25) / 40, 9);
    expect(trips[1]).toBeCloseTo((10 * 15) / 40, 9);
    expect(trips[3]).toBeCloseTo((30 * 15) / 40, 9);
  });

  it('an origin that reaches no destination leaves its productions undistributed', () => {
    const f = Float64Array.from([1, 1, 0, 1, 1, 0, 0, 0, 0]);
    const r = doublyConstrainedGravity(Float64Array.from([5, 5, 7]), Float64Array.from([8, 9, 0]), f);
    expect(r.undistributed).toBeCloseTo(7, 6);
  });
});

describe('gammaFriction', () => {
  it('is t^-a e^-bt and 0 for unreachable pairs', () => {
    expect(gammaFriction(10, { alpha: 0.5, beta: 0.1 })).toBeCloseTo(10 ** -0.5 * Math.exp(-1), 12);
    expect(gammaFriction(Number.POSITIVE_INFINITY, { alpha: 0.5, beta: 0.1 })).toBe(0);
  });
});
