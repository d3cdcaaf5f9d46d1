/**
 * Loss capacity per cell (mm/h) from land cover: infiltration on the pervious share of the cell
 * plus the capacity of the storm drains serving it,
 *   loss = (1 − impervious) × infiltration + drainage,
 * a constant-rate ("φ-index") loss model. Typical infiltration capacities of saturated soils are
 * 1–10 mm/h for clays to 10–30 mm/h for sandy loams; urban drains are often designed for 30–80 mm/h.
 */
export function lossRateFromImperviousness(
  imperviousFraction: ArrayLike<number>,
  infiltrationMillimetresPerHour: number,
  drainageMillimetresPerHour = 0,
): Float64Array {
  const out = new Float64Array(imperviousFraction.length);
  for (let k = 0; k < out.length; k++) {
    const impervious = Math.min(1, Math.max(0, imperviousFraction[k]!));
    out[k] = (1 - impervious) * infiltrationMillimetresPerHour + drainageMillimetresPerHour;
  }
  return out;
}
