/**
 * Colour classes of the public site's result layers, shared by the drawing and the legends so
 * both always agree: flood maximum depth (m) and traffic volume (PCU/h).
 */

/** One class of a layer: from `min` (in the layer's unit) up to the next class. */
export interface LayerClass {
  min: number;
  colour: string;
}

/** Flood maximum depth classes, metres; shallower than 0.05 m is not drawn. */
export const FLOOD_DEPTH_CLASSES: readonly LayerClass[] = [
  { min: 0.05, colour: '#c6e3f7' },
  { min: 0.3, colour: '#6baed6' },
  { min: 0.5, colour: '#2171b5' },
  { min: 1, colour: '#08306b' },
];

/** Traffic volume classes, PCU/h, each drawn wider than the one before. */
export const TRAFFIC_VOLUME_CLASSES: readonly LayerClass[] = [
  { min: 0, colour: '#9ecae1' },
  { min: 500, colour: '#fdae61' },
  { min: 1500, colour: '#f46d43' },
  { min: 3000, colour: '#a50026' },
];

/** Colour of roads closed by the scenario or by the flood. */
export const CLOSED_ROAD_COLOUR = '#222222';

/** Index of the class `value` falls in, or -1 below the first class. */
export function classIndexOf(classes: readonly LayerClass[], value: number): number {
  let index = -1;
  for (const [i, layerClass] of classes.entries()) if (value >= layerClass.min) index = i;
  return index;
}

/** Label of class `index`: "from–to", or "≥ from" for the last class; values written by `format`. */
export function classLabel(
  classes: readonly LayerClass[],
  index: number,
  format: (v: number) => string,
): string {
  const from = format(classes[index]!.min);
  const next = classes[index + 1];
  return next ? `${from}–${format(next.min)}` : `≥ ${from}`;
}
