/**
 * Scene frame conventions: the simulation and data layers speak east/north/up metres from
 * core/geo's SCENE_ORIGIN; three.js is y-up, so east → +x, up → +y, north → −z.
 */

/** Writes three.js coordinates of an east/north/up point (metres) into `out` at `offset`. */
export function enuToThree(
  eastMetres: number,
  northMetres: number,
  upMetres: number,
  out: Float32Array | number[],
  offset = 0,
): void {
  out[offset] = eastMetres;
  out[offset + 1] = upMetres;
  out[offset + 2] = -northMetres;
}
