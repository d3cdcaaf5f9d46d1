/**
 * Urban growth cells (100 m) of a growth run as flat squares just above the ground, coloured by
 * the year they became urban. Cells are sorted by year once, so showing the city in year Y is
 * drawing the first `count` instances: the year slider animates without rebuilding anything.
 */
import { Color, DoubleSide, InstancedMesh, Matrix4, MeshBasicMaterial, PlaneGeometry } from 'three';
import type { Legend, RampStop } from '../legend.ts';
import { rampColor } from '../legend.ts';

/** Colour ramp of the urbanization year. */
export const GROWTH_YEAR_STOPS: readonly RampStop[] = [
  { value: 2026, color: [1, 0.9, 0.35] },
  { value: 2035, color: [0.96, 0.55, 0.2] },
  { value: 2045, color: [0.75, 0.1, 0.15] },
];

/** Legend of the growth layer (year of urbanization). */
export const GROWTH_LEGEND: Legend = { kind: 'ramp', unit: '', stops: GROWTH_YEAR_STOPS };

/** Height of the squares above the ground, m (before exaggeration). */
const LIFT_METRES = 3;

/** Growth cells as an instanced mesh. */
export class GrowthLayer {
  readonly mesh: InstancedMesh;
  /** Years of the instances, ascending. */
  private readonly years: Uint16Array;

  constructor(
    growth: {
      cellSizeMetres: number;
      eastMetres: Float32Array;
      northMetres: Float32Array;
      groundMetres: Float32Array;
      year: Uint16Array;
    },
    exaggeration: number,
  ) {
    const n = growth.year.length;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => growth.year[a]! - growth.year[b]! || a - b,
    );
    const geometry = new PlaneGeometry(growth.cellSizeMetres * 0.96, growth.cellSizeMetres * 0.96);
    geometry.rotateX(-Math.PI / 2);
    this.mesh = new InstancedMesh(
      geometry,
      new MeshBasicMaterial({ transparent: true, opacity: 0.7, side: DoubleSide, depthWrite: false }),
      Math.max(1, n),
    );
    this.mesh.name = 'landuse-growth';
    this.mesh.renderOrder = 3;
    this.years = new Uint16Array(n);
    const matrix = new Matrix4();
    const colour = new Color();
    const rgb: [number, number, number] = [0, 0, 0];
    order.forEach((i, k) => {
      this.years[k] = growth.year[i]!;
      matrix.makeTranslation(
        growth.eastMetres[i]!,
        (growth.groundMetres[i]! + LIFT_METRES) * exaggeration,
        -growth.northMetres[i]!,
      );
      this.mesh.setMatrixAt(k, matrix);
      rampColor(GROWTH_YEAR_STOPS, growth.year[i]!, rgb);
      this.mesh.setColorAt(k, colour.setRGB(rgb[0], rgb[1], rgb[2]));
    });
    this.mesh.count = 0;
    this.mesh.frustumCulled = false;
  }

  /** Shows the cells urbanized up to and including `year`; returns how many. */
  setYear(year: number): number {
    let lo = 0;
    let hi = this.years.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.years[mid]! <= year) lo = mid + 1;
      else hi = mid;
    }
    this.mesh.count = lo;
    return lo;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as MeshBasicMaterial).dispose();
    this.mesh.dispose();
  }
}
