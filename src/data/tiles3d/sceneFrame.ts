import { fromSceneMetres } from '../../core/geo.ts';
import { enuToEcefMatrix, radiiOfCurvature } from './enuFrame.ts';
import { multiplyMatrices } from './matrix4.ts';

const STEP_METRES = 50;
const DEG = Math.PI / 180;

/**
 * Column-major 4×4 affine matrix taking scene-metre offsets (east, north, up) around the scene point
 * (east, north) to ECEF metres: ENU→ECEF at that point's WGS84 position (fromSceneMetres, ellipsoid
 * height heightMetres) times the 2×2 Jacobian from scene metres to true ground metres there.
 * The Jacobian is taken by central differences of fromSceneMetres and the WGS84 radii of curvature,
 * so it follows whatever projection src/core/geo.ts implements (its scale is true at the origin, so
 * the Jacobian is the identity there and departs from it by < 0.02 % across the city).
 */
export function sceneToEcefMatrix(east: number, north: number, heightMetres: number): number[] {
  const [longitude, latitude] = fromSceneMetres(east, north);
  const { meridianMetres, primeVerticalMetres } = radiiOfCurvature(latitude);
  const eastMetresPerDegree = primeVerticalMetres * Math.cos(latitude * DEG) * DEG;
  const northMetresPerDegree = meridianMetres * DEG;
  const column = (dEast: number, dNorth: number): [number, number] => {
    const [lonPlus, latPlus] = fromSceneMetres(east + dEast, north + dNorth);
    const [lonMinus, latMinus] = fromSceneMetres(east - dEast, north - dNorth);
    return [
      ((lonPlus - lonMinus) * eastMetresPerDegree) / (2 * STEP_METRES),
      ((latPlus - latMinus) * northMetresPerDegree) / (2 * STEP_METRES),
    ];
  };
  const [ee, en] = column(STEP_METRES, 0);
  const [ne, nn] = column(0, STEP_METRES);
  // biome-ignore format: one matrix column per line
  const jacobian = [
    ee, en, 0, 0,
    ne, nn, 0, 0,
    0, 0, 1, 0,
    0, 0, 0, 1,
  ];
  return multiplyMatrices(enuToEcefMatrix(longitude, latitude, heightMetres), jacobian);
}
