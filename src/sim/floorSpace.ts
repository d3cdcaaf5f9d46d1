/**
 * Floor space of the city, one entry per building or build-out parcel: what the land-use model
 * produces and the flood (homes, residents affected) and traffic (trip generation) models read.
 * Positions in scene metres (core/geo frame).
 */
export interface FloorSpace {
  eastMetres: Float64Array;
  northMetres: Float64Array;
  grossFloorAreaM2: Float64Array;
  /** Index into LAND_USES. */
  use: Uint8Array;
  /** 1 for proposed (build-out or growth), 0 for existing. */
  proposed: Uint8Array;
  /**
   * Persons living in each entry's floor space in the scenario year (census-calibrated by the
   * land-use model); absent where no calibration ran (then 28 m² of residential floor space per person).
   */
  residents?: Float64Array;
}
