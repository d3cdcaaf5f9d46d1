/**
 * The Intelligent Driver Model (Treiber, Hennecke & Helbing 2000, "Congested traffic states in
 * empirical observations and microscopic simulations", Phys. Rev. E 62, 1805):
 *
 *   dv/dt = a · [1 − (v/v0)^δ − (s*(v, Δv)/s)²],   s*(v, Δv) = s0 + v·T + v·Δv / (2√(a·b))
 *
 * with gap s to the leader's rear, approaching rate Δv = v − v_leader. The steady state of a
 * homogeneous stream has s_e(v) = s*(v, 0) / √(1 − (v/v0)^δ) and flow Q = v / (s_e + l).
 */
import { ratioPower } from './linkCost.ts';

/** IDM parameters in SI units. */
export interface IdmParameters {
  /** v0, m/s. */
  desiredSpeedMetresPerSecond: number;
  /** T, s. */
  timeHeadwaySeconds: number;
  /** s0, m. */
  minimumGapMetres: number;
  /** a, m/s². */
  maxAccelerationMetresPerSecond2: number;
  /** b, m/s². */
  comfortableDecelerationMetresPerSecond2: number;
  /** δ (dimensionless, 4 in the original paper). */
  accelerationExponent: number;
  /** l, m. */
  vehicleLengthMetres: number;
}

/**
 * The project's reference highway-car set: v0 = 120 km/h, T = 1.5 s, s0 = 2 m, a = 1 m/s²,
 * b = 1.5 m/s², δ = 4, l = 5 m (of the order of the values in Treiber, Hennecke & Helbing 2000
 * and Treiber & Kesting, "Traffic Flow Dynamics", 2013; not calibrated to Ho Chi Minh City).
 */
export const IDM_HIGHWAY_CAR: Readonly<IdmParameters> = {
  desiredSpeedMetresPerSecond: 120 / 3.6,
  timeHeadwaySeconds: 1.5,
  minimumGapMetres: 2,
  maxAccelerationMetresPerSecond2: 1,
  comfortableDecelerationMetresPerSecond2: 1.5,
  accelerationExponent: 4,
  vehicleLengthMetres: 5,
};

/**
 * IDM acceleration (m/s²) at `speed` (m/s) with `gap` (m) to the leader's rear and
 * `approachingRate` = own speed − leader speed (m/s). Pass gap = Infinity on a free road.
 */
export function idmAcceleration(
  p: IdmParameters,
  desiredSpeed: number,
  speed: number,
  gap: number,
  approachingRate: number,
): number {
  const a = p.maxAccelerationMetresPerSecond2;
  const free = 1 - ratioPower(speed / desiredSpeed, p.accelerationExponent);
  if (gap === Number.POSITIVE_INFINITY) return a * free;
  const desiredGap =
    p.minimumGapMetres +
    Math.max(
      0,
      speed * p.timeHeadwaySeconds +
        (speed * approachingRate) / (2 * Math.sqrt(a * p.comfortableDecelerationMetresPerSecond2)),
    );
  const ratio = desiredGap / gap;
  return a * (free - ratio * ratio);
}

/** Steady-state gap (m) of a homogeneous stream at `speed` < v0 (m/s). */
export function idmEquilibriumGap(p: IdmParameters, speed: number): number {
  const free = 1 - ratioPower(speed / p.desiredSpeedMetresPerSecond, p.accelerationExponent);
  return (p.minimumGapMetres + speed * p.timeHeadwaySeconds) / Math.sqrt(free);
}

/** Steady-state flow at `speed`: v / (s_e + l), vehicles per hour. */
export function idmEquilibriumFlowPerHour(p: IdmParameters, speed: number): number {
  return (3600 * speed) / (idmEquilibriumGap(p, speed) + p.vehicleLengthMetres);
}

/** The maximum of the steady-state flow–speed relation (the lane capacity). */
export interface IdmCapacity {
  /** Vehicles per hour per lane. */
  flowPerHour: number;
  /** Speed at capacity, m/s. */
  speedMetresPerSecond: number;
  /** Density at capacity, vehicles per km. */
  densityPerKm: number;
}

/** Lane capacity: golden-section search of the flow over speed in (0, v0). */
export function idmCapacity(p: IdmParameters): IdmCapacity {
  const golden = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = p.desiredSpeedMetresPerSecond;
  for (let k = 0; k < 100; k++) {
    const m1 = hi - golden * (hi - lo);
    const m2 = lo + golden * (hi - lo);
    if (idmEquilibriumFlowPerHour(p, m1) < idmEquilibriumFlowPerHour(p, m2)) lo = m1;
    else hi = m2;
  }
  const speed = (lo + hi) / 2;
  return {
    flowPerHour: idmEquilibriumFlowPerHour(p, speed),
    speedMetresPerSecond: speed,
    densityPerKm: 1000 / (idmEquilibriumGap(p, speed) + p.vehicleLengthMetres),
  };
}

/**
 * Ballistic update of one vehicle over `dt` (Treiber & Kanagaraj 2015): speed never negative.
 * Returns the distance advanced (m); writes nothing, the caller stores `nextSpeed`.
 */
export function ballisticAdvance(speed: number, acceleration: number, dt: number): number {
  const next = speed + acceleration * dt;
  if (next >= 0) return speed * dt + 0.5 * acceleration * dt * dt;
  return acceleration < 0 ? (-0.5 * speed * speed) / acceleration : 0;
}
