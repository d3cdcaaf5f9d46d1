/**
 * Which live stations carry a label on the map. A city of 1,000 stations cannot show 1,000 labels
 * (unreadable, and each label is a DOM node the browser restyles): the map labels the stations on
 * screen nearest the camera, at most {@link MAX_SENSOR_LABELS}, the selected one always when on
 * screen; every marker keeps its colour, and the station list reaches the rest from the keyboard.
 */

/** Most station labels on the map at once. */
export const MAX_SENSOR_LABELS = 60;

/** Margin around the viewport, in normalised device coordinates, within which a label still shows. */
const SCREEN_MARGIN_NDC = 1.1;

/**
 * Indices of the stations to label, nearest first. `ndc` holds each station's normalised device
 * coordinates (x, y, z: three's `Vector3.project`, in front of the camera when z < 1),
 * `distanceMetres` its distance from the camera; `selected` is the index of the selected station
 * (or -1).
 */
export function labelledStations(
  ndc: Float32Array,
  distanceMetres: Float32Array,
  selected: number,
  limit: number = MAX_SENSOR_LABELS,
): number[] {
  const onScreen: number[] = [];
  for (let i = 0; i < distanceMetres.length; i++) {
    const x = ndc[3 * i]!;
    const y = ndc[3 * i + 1]!;
    const z = ndc[3 * i + 2]!;
    if (z < 1 && Math.abs(x) < SCREEN_MARGIN_NDC && Math.abs(y) < SCREEN_MARGIN_NDC) onScreen.push(i);
  }
  onScreen.sort((a, b) => distanceMetres[a]! - distanceMetres[b]! || a - b);
  const chosen = onScreen.slice(0, Math.max(0, limit));
  if (selected >= 0 && onScreen.includes(selected) && !chosen.includes(selected)) {
    if (chosen.length >= limit) chosen.pop();
    chosen.push(selected);
  }
  return chosen;
}
