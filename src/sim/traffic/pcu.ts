/**
 * Multi-class demand in passenger-car units. The default factors are assumptions inside the
 * ranges of the Vietnamese road design standard TCVN 4054:2005 as we read it (flat terrain:
 * motorcycle 0.3, car 1, two-axle truck and small bus 2, larger trucks and buses 2.5); verify
 * against the standard and change them per study.
 */
import { InputError } from '../../core/errors.ts';
import type { OdDemand } from './network.ts';

/** Vehicle classes of the demand. */
export type VehicleClass = 'motorbike' | 'car' | 'bus' | 'truck';

/** PCU per vehicle of each class (assumed defaults; see the module comment). */
export const DEFAULT_PCU_FACTORS: Readonly<Record<VehicleClass, number>> = {
  motorbike: 0.3,
  car: 1,
  bus: 2.5,
  truck: 2.5,
};

/** Vehicle trips of one class, zone×zone in vehicles per period. */
export interface ClassDemand {
  vehicleClass: VehicleClass;
  demand: OdDemand;
}

/** Sums class demands into one PCU demand: Σ_class factor × vehicles. */
export function toPcuDemand(
  classes: readonly ClassDemand[],
  factors: Readonly<Record<VehicleClass, number>> = DEFAULT_PCU_FACTORS,
): OdDemand {
  const first = classes[0];
  if (!first) throw new InputError([{ path: 'classes', message: 'expected at least one vehicle class' }]);
  const zoneCount = first.demand.zoneCount;
  const flows = new Float64Array(zoneCount * zoneCount);
  classes.forEach(({ vehicleClass, demand }, i) => {
    if (demand.zoneCount !== zoneCount) {
      throw new InputError([
        { path: `classes[${i}].demand.zoneCount`, message: `expected ${zoneCount} zones` },
      ]);
    }
    const factor = factors[vehicleClass];
    for (let k = 0; k < flows.length; k++) flows[k]! += factor * demand.flows[k]!;
  });
  return { zoneCount, flows };
}
