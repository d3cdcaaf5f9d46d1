import type { MessageKey } from '../i18n/index.ts';

/** A colour as [r, g, b] in 0..1. */
export type Rgb = readonly [number, number, number];

/** One colour stop of a continuous ramp: value in the layer's unit. */
export interface RampStop {
  value: number;
  color: Rgb;
}

/**
 * What a coloured layer shows, with units: categories (land use, road class) or a
 * continuous ramp (depth in m, V/C ratio).
 */
export type Legend =
  | { kind: 'categories'; items: ReadonlyArray<{ label: MessageKey; color: Rgb }> }
  | { kind: 'ramp'; unit: string; stops: readonly RampStop[] };

/** Colour of `value` on a ramp (linear between stops, clamped at the ends), written into `out`. */
export function rampColor(stops: readonly RampStop[], value: number, out: [number, number, number]): void {
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  let a = first;
  let b = last;
  if (value <= first.value) b = first;
  else if (value >= last.value) a = last;
  else {
    for (let i = 1; i < stops.length; i++) {
      const stop = stops[i]!;
      if (value <= stop.value) {
        a = stops[i - 1]!;
        b = stop;
        break;
      }
    }
  }
  const span = b.value - a.value;
  const f = span > 0 ? (value - a.value) / span : 0;
  out[0] = a.color[0] + (b.color[0] - a.color[0]) * f;
  out[1] = a.color[1] + (b.color[1] - a.color[1]) * f;
  out[2] = a.color[2] + (b.color[2] - a.color[2]) * f;
}

/** CSS colour of an Rgb. */
export function cssColor(color: Rgb): string {
  const c = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
  return `rgb(${c(color[0])}, ${c(color[1])}, ${c(color[2])})`;
}

/** Hex `#rrggbb` to Rgb. */
export function hexColor(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}
