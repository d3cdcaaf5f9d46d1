import { describe, expect, it } from 'vitest';
import {
  IDM_HIGHWAY_CAR,
  idmAcceleration,
  idmCapacity,
  idmEquilibriumFlowPerHour,
  idmEquilibriumGap,
} from './idm.ts';
import { simulateRingRoad } from './ringRoad.ts';

const p = IDM_HIGHWAY_CAR;
const v0 = p.desiredSpeedMetresPerSecond;

describe('Intelligent Driver Model', () => {
  it('accelerates at a from rest on a free road and not at all at v0', () => {
    expect(idmAcceleration(p, v0, 0, Number.POSITIVE_INFINITY, 0)).toBe(1);
    expect(idmAcceleration(p, v0, v0, Number.POSITIVE_INFINITY, 0)).toBeCloseTo(0, 12);
  });

  it('has zero acceleration at the equilibrium gap for any speed below v0', () => {
    for (const v of [2, 10, 20, 30]) {
      expect(idmAcceleration(p, v0, v, idmEquilibriumGap(p, v), 0)).toBeCloseTo(0, 10);
    }
  });

  it('brakes harder than b when closing fast on a near leader', () => {
    expect(idmAcceleration(p, v0, 20, 20, 10)).toBeLessThan(-p.comfortableDecelerationMetresPerSecond2);
  });

  it('gives the textbook lane capacity of 1,800-1,900 veh/h at the optimal density', () => {
    const capacity = idmCapacity(p);
    expect(capacity.flowPerHour).toBeGreaterThan(1800);
    expect(capacity.flowPerHour).toBeLessThan(1900);
    // it is a maximum of the flow-speed relation
    expect(idmEquilibriumFlowPerHour(p, capacity.speedMetresPerSecond * 0.9)).toBeLessThan(
      capacity.flowPerHour,
    );
    expect(idmEquilibriumFlowPerHour(p, capacity.speedMetresPerSecond * 1.1)).toBeLessThan(
      capacity.flowPerHour,
    );
    // Q = ρ · v
    expect(capacity.densityPerKm * capacity.speedMetresPerSecond * 3.6).toBeCloseTo(capacity.flowPerHour, 6);
  });

  it('measures the same capacity on a simulated ring road at the optimal density', () => {
    const capacity = idmCapacity(p);
    const vehicles = 50;
    const ringLength = (vehicles * 1000) / capacity.densityPerKm;
    const run = simulateRingRoad(p, vehicles, ringLength, 600, 1800, 0.1);
    expect(run.minimumGapMetres).toBeGreaterThan(0);
    expect(run.meanSpeedMetresPerSecond).toBeCloseTo(capacity.speedMetresPerSecond, 1);
    expect(run.detectorFlowPerHour).toBeGreaterThan(1800);
    expect(run.detectorFlowPerHour).toBeLessThan(1900);
    expect(Math.abs(run.detectorFlowPerHour - capacity.flowPerHour) / capacity.flowPerHour).toBeLessThan(
      0.01,
    );
  });
});
