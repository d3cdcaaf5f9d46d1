/**
 * The 3D scene frame: a local east-north-up tangent plane centred near Thủ Đức, in metres,
 * so that float32 vertex positions stay precise (the city spans ~20 km).
 */

/** Scene origin, degrees (WGS84). */
export const SCENE_ORIGIN = { latitudeDegrees: 10.82, longitudeDegrees: 106.77 } as const;

const EARTH_RADIUS_METRES = 6_378_137;
const DEG = Math.PI / 180;

/**
 * Projects WGS84 longitude/latitude (degrees) to scene east/north metres from SCENE_ORIGIN
 * (equirectangular about the origin; < 0.1 % scale error over 20 km at this latitude).
 */
export function toSceneMetres(longitudeDegrees: number, latitudeDegrees: number): [number, number] {
  const east =
    (longitudeDegrees - SCENE_ORIGIN.longitudeDegrees) *
    DEG *
    EARTH_RADIUS_METRES *
    Math.cos(SCENE_ORIGIN.latitudeDegrees * DEG);
  const north = (latitudeDegrees - SCENE_ORIGIN.latitudeDegrees) * DEG * EARTH_RADIUS_METRES;
  return [east, north];
}

/** Inverse of toSceneMetres: scene east/north metres to [longitude, latitude] degrees. */
export function fromSceneMetres(eastMetres: number, northMetres: number): [number, number] {
  const lon =
    SCENE_ORIGIN.longitudeDegrees +
    eastMetres / (EARTH_RADIUS_METRES * Math.cos(SCENE_ORIGIN.latitudeDegrees * DEG)) / DEG;
  const lat = SCENE_ORIGIN.latitudeDegrees + northMetres / EARTH_RADIUS_METRES / DEG;
  return [lon, lat];
}
