/**
 * The 3D scene frame: a local east-north-up tangent plane centred near Thủ Đức, in metres,
 * so that float32 vertex positions stay precise (the city spans ~20 km).
 */

/** Scene origin, degrees (WGS84). */
export const SCENE_ORIGIN = { latitudeDegrees: 10.82, longitudeDegrees: 106.77 } as const;

const DEG = Math.PI / 180;
/** WGS84 semi-major axis (m) and first eccentricity squared. */
const WGS84_A_METRES = 6_378_137;
const WGS84_E2 = 0.00669437999014;
const SIN_LAT0 = Math.sin(SCENE_ORIGIN.latitudeDegrees * DEG);
const W = Math.sqrt(1 - WGS84_E2 * SIN_LAT0 * SIN_LAT0);
/** Prime-vertical radius of curvature N at the origin latitude × cos(lat): metres per radian of longitude. */
const METRES_PER_RADIAN_EAST = (WGS84_A_METRES / W) * Math.cos(SCENE_ORIGIN.latitudeDegrees * DEG);
/** Meridional radius of curvature M = a (1 − e²) / W³: metres per radian of latitude. */
const METRES_PER_RADIAN_NORTH = (WGS84_A_METRES * (1 - WGS84_E2)) / (W * W * W);

/**
 * Projects WGS84 longitude/latitude (degrees) to scene east/north metres from SCENE_ORIGIN:
 * a local equirectangular projection using the ellipsoid's radii of curvature at the origin
 * (meridional M north–south, prime-vertical N·cos φ east–west), so scale is true at the origin
 * and within 0.02 % over the ±10 km of the city.
 */
export function toSceneMetres(longitudeDegrees: number, latitudeDegrees: number): [number, number] {
  const east = (longitudeDegrees - SCENE_ORIGIN.longitudeDegrees) * DEG * METRES_PER_RADIAN_EAST;
  const north = (latitudeDegrees - SCENE_ORIGIN.latitudeDegrees) * DEG * METRES_PER_RADIAN_NORTH;
  return [east, north];
}

/** Inverse of toSceneMetres: scene east/north metres to [longitude, latitude] degrees. */
export function fromSceneMetres(eastMetres: number, northMetres: number): [number, number] {
  const lon = SCENE_ORIGIN.longitudeDegrees + eastMetres / METRES_PER_RADIAN_EAST / DEG;
  const lat = SCENE_ORIGIN.latitudeDegrees + northMetres / METRES_PER_RADIAN_NORTH / DEG;
  return [lon, lat];
}
