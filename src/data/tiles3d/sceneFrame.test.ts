import { describe, expect, test } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { geodeticToEcef, radiiOfCurvature } from './enuFrame.ts';
import { invertAffine, multiplyMatrices, transformPoint } from './matrix4.ts';
import { sceneToEcefMatrix } from './sceneFrame.ts';

describe('sceneToEcefMatrix', () => {
  const root = sceneToEcefMatrix(0, 0, 0);
  test('maps scene points near the origin to their WGS84 position (error = curvature drop d²/2R ± 1 cm)', () => {
    for (const [east, north] of [
      [0, 0],
      [1000, 0],
      [0, 1000],
      [-700, 700],
      [3000, -2000],
    ] as const) {
      const actual = transformPoint(root, east, north, 0);
      const [longitude, latitude] = fromSceneMetres(east, north);
      const expected = geodeticToEcef(longitude, latitude, 0);
      const error = Math.hypot(actual[0] - expected[0], actual[1] - expected[1], actual[2] - expected[2]);
      const drop = (east * east + north * north) / (2 * 6_371_000);
      expect(Math.abs(error - drop)).toBeLessThan(0.01 + 0.05 * drop);
    }
  });

  test('scene metres are true ground metres at the origin (geo.ts uses the WGS84 radii M and N), up stays 1', () => {
    const { meridianMetres } = radiiOfCurvature(10.82);
    expect(meridianMetres / 6_378_137).toBeCloseTo(0.9937, 4); // what a spherical projection would get wrong
    expect(Math.hypot(root[0]!, root[1]!, root[2]!)).toBeCloseTo(1, 9);
    expect(Math.hypot(root[4]!, root[5]!, root[6]!)).toBeCloseTo(1, 9);
    expect(Math.hypot(root[8]!, root[9]!, root[10]!)).toBeCloseTo(1, 12);
  });

  test('invertAffine undoes it', () => {
    const product = multiplyMatrices(invertAffine(root), root);
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    product.forEach((value, i) => {
      expect(value).toBeCloseTo(identity[i]!, 6);
    });
  });
});
