/**
 * Assigned traffic on the roads.json links: each loaded link drawn along its polyline, shifted
 * to the right of its direction of travel so both directions show, coloured by volume/capacity
 * (or by the volume difference to a baseline run) and widened by volume in four width classes
 * (one LineSegments2 draw call per class).
 */
import { Group } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { SegmentsGeometry } from '../segmentsGeometry.ts';
import type { RoadsDocument } from '../../data/formats/roads.ts';
import type { TerrainGrid } from '../city/terrainGrid.ts';
import { hexColor, type Legend, type RampStop, rampColor } from '../legend.ts';

/** Volume/capacity ramp: free flow green → capacity red → over capacity dark red. */
export const VOLUME_CAPACITY_LEGEND: Legend = {
  kind: 'ramp',
  unit: 'V/C',
  stops: [
    { value: 0, color: hexColor('#1a9850') },
    { value: 0.5, color: hexColor('#a6d96a') },
    { value: 0.8, color: hexColor('#fee08b') },
    { value: 1, color: hexColor('#f46d43') },
    { value: 1.5, color: hexColor('#a50026') },
  ],
};

/** Volume difference to the baseline, PCU/h: less blue, more red. */
export const VOLUME_DIFFERENCE_LEGEND: Legend = {
  kind: 'ramp',
  unit: 'PCU/h',
  stops: [
    { value: -1000, color: hexColor('#2166ac') },
    { value: -100, color: hexColor('#92c5de') },
    { value: 0, color: hexColor('#f7f7f7') },
    { value: 100, color: hexColor('#f4a582') },
    { value: 1000, color: hexColor('#b2182b') },
  ],
};

/** Upper volume bound of each width class, PCU/h, and its line width in pixels. */
export const VOLUME_WIDTH_CLASSES = [
  { maxVolume: 300, widthPixels: 1.5 },
  { maxVolume: 1000, widthPixels: 3 },
  { maxVolume: 3000, widthPixels: 5 },
  { maxVolume: Number.POSITIVE_INFINITY, widthPixels: 8 },
] as const;

/** Height above the terrain, metres (above the roads layer's 1.5 m). */
const LIFT_METRES = 3;
/** Sideways shift of each direction, metres. */
const SIDE_METRES = 6;
/** Links below this volume (or |difference|) are not drawn, PCU/h. */
const MIN_SHOWN = 1;

/** What to draw: per roads.json link values. */
export interface LinkFlowValues {
  volume: Float32Array;
  /** V/C per link (mode 'ratio') or volume difference in PCU/h (mode 'difference'). */
  colourValue: Float32Array;
  mode: 'ratio' | 'difference';
}

/** The traffic flow layer (see the module comment). */
export class LinkFlowLayer {
  readonly group = new Group();
  private readonly materials = VOLUME_WIDTH_CLASSES.map(
    (c) => new LineMaterial({ linewidth: c.widthPixels, vertexColors: true }),
  );
  private readonly heights: Float32Array;
  private shownSegments = 0;

  constructor(
    private readonly roads: RoadsDocument,
    terrain: TerrainGrid | undefined,
  ) {
    const c = roads.geometries.coordinates;
    this.heights = new Float32Array(c.length / 2);
    for (let v = 0; v < this.heights.length; v++) {
      this.heights[v] = (terrain ? terrain.elevationAt(c[2 * v]!, c[2 * v + 1]!) : 0) + LIFT_METRES;
    }
    this.group.name = 'traffic-links';
  }

  /** Segments drawn by the last `show`. */
  get segmentCount(): number {
    return this.shownSegments;
  }

  /** Replaces the drawn links by `values` (one draw call per width class). */
  show(values: LinkFlowValues): void {
    this.clear();
    const { links, geometries } = this.roads;
    const { offsets, coordinates: c } = geometries;
    const positions: number[][] = VOLUME_WIDTH_CLASSES.map(() => []);
    const colours: number[][] = VOLUME_WIDTH_CLASSES.map(() => []);
    const legend = values.mode === 'ratio' ? VOLUME_CAPACITY_LEGEND : VOLUME_DIFFERENCE_LEGEND;
    const stops: readonly RampStop[] = legend.kind === 'ramp' ? legend.stops : [];
    const rgb: [number, number, number] = [0, 0, 0];
    for (let i = 0; i < links.ids.length; i++) {
      const volume = values.volume[i]!;
      const shown = values.mode === 'ratio' ? volume : Math.abs(values.colourValue[i]!);
      if (!(shown >= MIN_SHOWN)) continue;
      const widthClass = VOLUME_WIDTH_CLASSES.findIndex((w) => Math.max(volume, shown) <= w.maxVolume);
      rampColor(stops, values.colourValue[i]!, rgb);
      const k = links.geometry[i]!;
      // right-hand side of travel: the geometry's right when along it, its left when reversed
      const side = links.reversed[i] ? -SIDE_METRES : SIDE_METRES;
      const out = positions[widthClass]!;
      const colour = colours[widthClass]!;
      for (let v = offsets[k]!; v < offsets[k + 1]! - 1; v++) {
        const ae = c[2 * v]!;
        const an = c[2 * v + 1]!;
        const be = c[2 * v + 2]!;
        const bn = c[2 * v + 3]!;
        const length = Math.hypot(be - ae, bn - an) || 1;
        const re = ((bn - an) / length) * side;
        const rn = (-(be - ae) / length) * side;
        out.push(ae + re, this.heights[v]!, -(an + rn), be + re, this.heights[v + 1]!, -(bn + rn));
        colour.push(rgb[0], rgb[1], rgb[2], rgb[0], rgb[1], rgb[2]);
      }
    }
    VOLUME_WIDTH_CLASSES.forEach((_, w) => {
      if (positions[w]!.length === 0) return;
      const geometry = new SegmentsGeometry();
      geometry.setPositions(positions[w]!);
      geometry.setColors(colours[w]!);
      const lines = new LineSegments2(geometry, this.materials[w]!);
      lines.name = `traffic-links-${w}`;
      lines.renderOrder = 10 + w;
      this.group.add(lines);
      this.shownSegments += positions[w]!.length / 6;
    });
  }

  /** Removes the drawn links (materials are kept for the next `show`). */
  clear(): void {
    for (const child of [...this.group.children]) {
      (child as LineSegments2).geometry.dispose();
      this.group.remove(child);
    }
    this.shownSegments = 0;
  }

  /** Sets the viewport size the screen-space line widths need, pixels. */
  setResolution(width: number, height: number): void {
    for (const m of this.materials) m.resolution.set(width, height);
  }

  dispose(): void {
    this.clear();
    for (const m of this.materials) m.dispose();
  }
}
