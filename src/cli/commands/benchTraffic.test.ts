import { describe, expect, it } from 'vitest';
import { twin } from '../../../tests/helpers/twin.ts';

describe('twin bench traffic', () => {
  it('prints one JSON object with the measured rates and the reference comparisons', () => {
    const r = twin('bench', 'traffic', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.assignment.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(result.assignment.seconds).toBeGreaterThan(0);
    expect(result.frankWolfe.sameTimeRelativeGap).toBeGreaterThan(0);
    expect(result.shortestPathTreesPerSecond.grid100x100).toBeGreaterThan(0);
    expect(result.naiveShortestPathTreesPerSecond.grid100x100).toBeGreaterThan(0);
    expect(result.vehicles).toBeGreaterThan(0);
    expect(result.vehicles).toBeLessThanOrEqual(20000); // the fleet cap; the count follows the assigned volumes
    expect(result.vehicleUpdatesPerSecond).toBeGreaterThan(0);
    // the Thủ Đức morning peak of the committed dataset
    expect(result.thuDuc.gap1e4.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(result.thuDuc.gap1e3.iterations).toBeLessThanOrEqual(result.thuDuc.gap1e4.iterations);
  }, 180_000);
});
