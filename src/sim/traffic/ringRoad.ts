/**
 * A single-lane ring road of identical IDM vehicles: the classic numerical experiment for
 * measuring flow at a given density (Treiber & Kesting 2013, ch. 11). A detector at position 0
 * counts crossings.
 */
import { ballisticAdvance, type IdmParameters, idmAcceleration } from './idm.ts';

/** Measured result of a ring-road run. */
export interface RingRoadMeasurement {
  /** Crossings of the detector per hour over the measuring window. */
  detectorFlowPerHour: number;
  /** Mean speed at the end, m/s. */
  meanSpeedMetresPerSecond: number;
  /** Smallest bumper-to-bumper gap seen, m (negative would mean a collision). */
  minimumGapMetres: number;
}

/**
 * Starts `vehicleCount` vehicles at rest, evenly spaced on a ring of `ringLengthMetres`; runs
 * `warmupSeconds`, then counts detector crossings for `measureSeconds` (time step `dtSeconds`).
 */
export function simulateRingRoad(
  p: IdmParameters,
  vehicleCount: number,
  ringLengthMetres: number,
  warmupSeconds: number,
  measureSeconds: number,
  dtSeconds: number,
): RingRoadMeasurement {
  const position = new Float64Array(vehicleCount);
  const speed = new Float64Array(vehicleCount);
  const acceleration = new Float64Array(vehicleCount);
  for (let i = 0; i < vehicleCount; i++) position[i] = (i * ringLengthMetres) / vehicleCount;
  let crossings = 0;
  let minimumGap = Number.POSITIVE_INFINITY;
  const steps = Math.round((warmupSeconds + measureSeconds) / dtSeconds);
  const warmupSteps = Math.round(warmupSeconds / dtSeconds);
  for (let step = 0; step < steps; step++) {
    for (let i = 0; i < vehicleCount; i++) {
      const leader = (i + 1) % vehicleCount;
      let gap = position[leader]! - position[i]! - p.vehicleLengthMetres;
      if (gap < -p.vehicleLengthMetres) gap += ringLengthMetres; // leader is across the wrap
      if (gap < minimumGap) minimumGap = gap;
      acceleration[i] = idmAcceleration(
        p,
        p.desiredSpeedMetresPerSecond,
        speed[i]!,
        gap,
        speed[i]! - speed[leader]!,
      );
    }
    for (let i = 0; i < vehicleCount; i++) {
      let x = position[i]! + ballisticAdvance(speed[i]!, acceleration[i]!, dtSeconds);
      speed[i] = Math.max(0, speed[i]! + acceleration[i]! * dtSeconds);
      if (x >= ringLengthMetres) {
        x -= ringLengthMetres;
        if (step >= warmupSteps) crossings++;
      }
      position[i] = x;
    }
  }
  let speedSum = 0;
  for (let i = 0; i < vehicleCount; i++) speedSum += speed[i]!;
  return {
    detectorFlowPerHour: (crossings * 3600) / measureSeconds,
    meanSpeedMetresPerSecond: speedSum / vehicleCount,
    minimumGapMetres: minimumGap,
  };
}
