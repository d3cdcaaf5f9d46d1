/**
 * Storm drainage of the city flood grid: a sink per cell sized by the design storm of the drains
 * serving it, which stops where its outfall is submerged by the river.
 *
 * Capacity: the drains of an area carry the rational-method design flow of their design storm,
 * i.e. the IDF intensity of the design return period P over the catchment's time of concentration
 * (TCVN 7957:2008, §4 and Appendix B; the HCMC IDF curve in hydrology/designStorm.ts) over 30 min. The design
 * return period depends on the area (our reading of TCVN 7957:2008 Table 3 for a special-class
 * city; check it against your copy): dense urban land (impervious ≥ 0.7: centres, commerce,
 * industry) 5 years; ordinary built-up land (impervious ≥ 0.4) 2 years; fields, parks and
 * unbuilt land drain through ditches, taken as 1 year.
 *
 * Outfalls: drains discharge by gravity into the canal network, which stores the runoff while its
 * tide gates are shut and empties into the rivers when the river falls below it (a lumped
 * reservoir of {@link CANAL_STORAGE_SHARE} of the land area: canals, creeks, lakes and low fields).
 * The canal level is the river level while the gates are open and rises with the drained volume
 * while they are shut. A drain's capacity falls linearly to zero as the canal level rises from
 * {@link OUTFALL_HEAD_METRES} below its ground to the ground level: land lying under the water of
 * its outfall cannot drain (tide-locked outfalls, the HCMC problem).
 */
import { type TimeSeries, valueAt } from '../../../core/timeSeries.ts';
import { idfIntensityMmPerHour } from '../../hydrology/designStorm.ts';

/**
 * Time of concentration of the drains' design flow, minutes: inlet time (5–10 min) plus flow time
 * in the branch and trunk pipes of a neighbourhood network (assumption).
 */
export const DRAIN_CONCENTRATION_MINUTES = 30;
/** Head between ground and river the drains need to run full, m (assumption). */
export const OUTFALL_HEAD_METRES = 0.5;

/**
 * Storage area of the canal network per unit land area (assumption: Thủ Đức's canals and creeks
 * (rạch), most narrower than the flood grid resolves, and the lakes, ponds and fish ponds that fill
 * from them: about 10 % of the land).
 */
export const CANAL_STORAGE_SHARE = 0.1;

/** Design return period of the drains of a cell with this impervious fraction, years (module comment). */
export function drainDesignReturnPeriodYears(imperviousFraction: number): number {
  if (imperviousFraction >= 0.7) return 5;
  if (imperviousFraction >= 0.4) return 2;
  return 1;
}

/** Full-bore drain capacity of a cell, mm/h of rain over the cell. */
export function drainCapacityMmPerHour(imperviousFraction: number): number {
  return idfIntensityMmPerHour(drainDesignReturnPeriodYears(imperviousFraction), DRAIN_CONCENTRATION_MINUTES);
}

/** Share (0..1) of its capacity a drain delivers with the river at `riverLevelMetres` and the ground at `groundMetres`. */
export function outfallFactor(groundMetres: number, riverLevelMetres: number): number {
  return Math.min(1, Math.max(0, (groundMetres - riverLevelMetres) / OUTFALL_HEAD_METRES));
}

/** The city's drains: capacity per cell and the outfall control by the river level. */
export interface CityDrainage {
  /** Full capacity per cell, mm/h (0 on water and outside cells). */
  capacityMmPerHour: Float64Array;
  /** Infiltration of the pervious share per cell, mm/h. */
  infiltrationMmPerHour: Float64Array;
  /** Ground level the outfall head is measured from, m. */
  groundMetres: Float64Array;
  /** River level, m above MSL, piecewise linear in seconds. */
  riverLevelMetres: TimeSeries;
  /** Plan area of the canal storage, m². */
  storageAreaM2: number;
}

/**
 * The canal level after an interval: raised by the volume the drains delivered (m³) while the
 * gates are shut, and equal to the river level whenever the river is lower (gates open).
 */
export function nextCanalLevel(
  canalLevelMetres: number,
  riverLevelMetres: number,
  drainedVolumeM3: number,
  storageAreaM2: number,
): number {
  return Math.min(canalLevelMetres + drainedVolumeM3 / storageAreaM2, riverLevelMetres);
}

/**
 * Writes the loss rate of every cell with the canals at `canalLevelMetres` into
 * `lossMetresPerSecond` (the engine's `lossRate`): infiltration plus drain capacity × outfall
 * factor. Returns the drains' share of the summed rates over `wet` cells (1 = wet or rained on),
 * which splits the engine's loss volume into drained and infiltrated water.
 */
export function drainageLossAt(
  drainage: CityDrainage,
  canalLevelMetres: number,
  lossMetresPerSecond: Float64Array,
  wet?: (cell: number) => boolean,
): number {
  const { capacityMmPerHour: cap, infiltrationMmPerHour: inf, groundMetres: ground } = drainage;
  let drained = 0;
  let total = 0;
  for (let k = 0; k < lossMetresPerSecond.length; k++) {
    const drain = cap[k]! > 0 ? cap[k]! * outfallFactor(ground[k]!, canalLevelMetres) : 0;
    lossMetresPerSecond[k] = (inf[k]! + drain) / 3.6e6;
    if (wet && !wet(k)) continue;
    drained += drain;
    total += inf[k]! + drain;
  }
  return total > 0 ? drained / total : 0;
}

/** Loss rates in mm/h at the start of the event (the engine input's `lossMillimetresPerHour`). */
export function initialDrainageLossMmPerHour(drainage: CityDrainage): Float64Array {
  const out = new Float64Array(drainage.capacityMmPerHour.length);
  drainageLossAt(drainage, valueAt(drainage.riverLevelMetres, 0), out);
  for (let k = 0; k < out.length; k++) out[k] = out[k]! * 3.6e6;
  return out;
}
