import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  BAR_METRES_PER_M2,
  BAR_WIDTH_METRES,
  FloorSpaceChangeLayer,
  markerHeightMetres,
} from './floorSpaceChangeLayer.ts';

describe('floor-space change markers', () => {
  it('makes bars 1 m tall per 500 m² of changed floor area, with a visible minimum', () => {
    expect(BAR_METRES_PER_M2).toBe(1 / 500);
    expect(markerHeightMetres(50_000)).toBeCloseTo(100, 9);
    expect(markerHeightMetres(-50_000)).toBeCloseTo(100, 9);
    expect(markerHeightMetres(1)).toBe(10);
  });

  it('draws new sites solid and removed sites as wireframe, at their scene position', () => {
    const layer = new FloorSpaceChangeLayer(
      {
        eastMetres: Float64Array.of(100, 200, 300),
        northMetres: Float64Array.of(50, 60, 70),
        use: Uint8Array.of(0, 1, 2),
        grossFloorAreaDifferenceM2: Float64Array.of(100_000, -3_600, 7_200),
      },
      undefined,
      3,
    );
    expect(layer.counts).toEqual([2, 1]);
    const [added, removed] = layer.group.children as InstancedMesh[];
    expect(added!.count).toBe(2);
    expect(removed!.count).toBe(1);
    const m = new Matrix4();
    added!.getMatrixAt(0, m);
    const position = new Vector3();
    const scale = new Vector3();
    m.decompose(position, new Quaternion(), scale);
    expect([position.x, position.y, position.z]).toEqual([100, 0, -50]);
    expect(scale.y).toBeCloseTo(200, 6); // 100 000 m² / 500
    expect(scale.x).toBeCloseTo(BAR_WIDTH_METRES, 6);
    layer.dispose();
  });
});
