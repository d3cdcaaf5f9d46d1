import { describe, expect, it } from 'vitest';
import { fromSceneMetres, SCENE_ORIGIN, toSceneMetres } from './geo.ts';

describe('scene frame', () => {
  it('uses the WGS84 radii of curvature at 10.82° N', () => {
    // one arc-minute of latitude at 10.82° N is 1842.9 m on WGS84 (M ≈ 6.3355e6 m); of longitude 1821.6 m × ...
    const [, north] = toSceneMetres(SCENE_ORIGIN.longitudeDegrees, SCENE_ORIGIN.latitudeDegrees + 1 / 60);
    const a = 6378137;
    const e2 = 0.00669437999014;
    const s = Math.sin((10.82 * Math.PI) / 180);
    const m = (a * (1 - e2)) / (1 - e2 * s * s) ** 1.5;
    expect(north).toBeCloseTo((m * Math.PI) / 180 / 60, 6);
    expect(north).toBeGreaterThan(1842);
    expect(north).toBeLessThan(1844);
  });
  it('round-trips through fromSceneMetres', () => {
    const [lon, lat] = fromSceneMetres(...toSceneMetres(106.8123, 10.7456));
    expect(lon).toBeCloseTo(106.8123, 10);
    expect(lat).toBeCloseTo(10.7456, 10);
  });
});
