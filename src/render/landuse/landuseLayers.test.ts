import { describe, expect, it } from 'vitest';
import { GrowthLayer } from './growthLayer.ts';
import { createMassingMesh } from './massingLayer.ts';

describe('land-use render layers', () => {
  it('extrudes a massing square into 2 roof triangles and 4 wall quads at ground × exaggeration + true height', () => {
    const mesh = createMassingMesh(
      {
        offsets: Int32Array.from([0, 4]),
        coordinates: Float32Array.from([0, 0, 10, 0, 10, 10, 0, 10]),
        use: Uint8Array.from([0]),
        heightMetres: Float32Array.from([30]),
        groundMetres: Float32Array.from([2]),
      },
      2,
    );
    const position = mesh.geometry.getAttribute('position');
    expect(position.count).toBe(2 * 3 + 4 * 6);
    let maxY = -Infinity;
    let minY = Infinity;
    for (let i = 0; i < position.count; i++) {
      maxY = Math.max(maxY, position.getY(i));
      minY = Math.min(minY, position.getY(i));
    }
    expect(minY).toBe(4);
    expect(maxY).toBe(34);
  });

  it('shows the growth cells urbanized up to the slider year', () => {
    const layer = new GrowthLayer(
      {
        cellSizeMetres: 100,
        eastMetres: Float32Array.from([0, 100, 200, 300]),
        northMetres: Float32Array.from([0, 0, 0, 0]),
        groundMetres: Float32Array.from([1, 1, 1, 1]),
        year: Uint16Array.from([2040, 2026, 2030, 2030]),
      },
      1,
    );
    expect(layer.setYear(2025)).toBe(0);
    expect(layer.setYear(2026)).toBe(1);
    expect(layer.setYear(2030)).toBe(3);
    expect(layer.setYear(2045)).toBe(4);
    expect(layer.mesh.count).toBe(4);
    layer.dispose();
  });
});
