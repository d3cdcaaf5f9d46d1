import { CONTROL_RAIN_VOLUME, CONTROL_SOURCE_VOLUME, type FloodState } from './floodState.ts';

/** The volume account of a run, m³ (spec `volume` block plus losses). */
export interface FloodVolume {
  /** Water on the grid at t = 0. */
  initial: number;
  /** Volume added by point sources. */
  sources: number;
  /** Volume added by rain. */
  rain: number;
  /** Net volume in (+) or out (-) through open edges. */
  boundaryNet: number;
  /** Volume removed by infiltration / drainage losses. */
  losses: number;
  /** Water on the grid now. */
  final: number;
  /** |initial + sources + rain + boundaryNet - losses - final| / max(final, initial + sources + rain, 1). */
  relativeError: number;
}

/** Water volume on the grid now, m³ (summed in cell order, so deterministic). */
export function storedVolume(s: FloodState): number {
  let sum = 0;
  for (let k = 0; k < s.depth.length; k++) sum += s.depth[k]!;
  return sum * s.cellSizeMetres * s.cellSizeMetres;
}

/** The volume account since the state was created with `initialVolume` m³ on the grid. */
export function volumeAccount(s: FloodState, initialVolume: number): FloodVolume {
  let boundaryNet = 0;
  let losses = 0;
  for (let j = 0; j < s.rows; j++) {
    boundaryNet += s.rowBoundaryVolume[j]!;
    losses += s.rowLossVolume[j]!;
  }
  const sources = s.control[CONTROL_SOURCE_VOLUME]!;
  const rain = s.control[CONTROL_RAIN_VOLUME]!;
  const final = storedVolume(s);
  const inputs = initialVolume + sources + rain;
  return {
    initial: initialVolume,
    sources,
    rain,
    boundaryNet,
    losses,
    final,
    relativeError: Math.abs(inputs + boundaryNet - losses - final) / Math.max(final, inputs, 1),
  };
}
