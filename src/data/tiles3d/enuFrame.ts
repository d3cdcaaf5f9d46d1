/**
 * The east-north-up (ENU) local tangent frame on the WGS84 ellipsoid, as the 4×4 column-major
 * matrix 3D Tiles expects in `tile.transform` (ENU metres → Earth-centred, Earth-fixed metres).
 * Method: geodetic → ECEF with the WGS84 first eccentricity (NIMA TR8350.2, §4), ENU axes from
 * latitude/longitude (Hofmann-Wellenhof et al., GNSS, 2008, §10.2.3), as in CesiumJS
 * `Transforms.eastNorthUpToFixedFrame`.
 */

const WGS84_SEMI_MAJOR_AXIS_METRES = 6_378_137;
const WGS84_FLATTENING = 1 / 298.257223563;
const WGS84_ECCENTRICITY_SQUARED = WGS84_FLATTENING * (2 - WGS84_FLATTENING);
const DEG = Math.PI / 180;

/** WGS84 geodetic (degrees, ellipsoid height metres) to ECEF [x, y, z] metres. */
export function geodeticToEcef(
  longitudeDegrees: number,
  latitudeDegrees: number,
  heightMetres: number,
): [number, number, number] {
  const lon = longitudeDegrees * DEG;
  const lat = latitudeDegrees * DEG;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const primeVerticalRadius =
    WGS84_SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - WGS84_ECCENTRICITY_SQUARED * sinLat * sinLat);
  return [
    (primeVerticalRadius + heightMetres) * cosLat * Math.cos(lon),
    (primeVerticalRadius + heightMetres) * cosLat * Math.sin(lon),
    (primeVerticalRadius * (1 - WGS84_ECCENTRICITY_SQUARED) + heightMetres) * sinLat,
  ];
}

/**
 * Column-major 4×4 matrix taking ENU metres at (longitude, latitude, height) to ECEF metres:
 * columns are the east, north and up unit vectors and the ECEF position of the frame origin.
 */
export function enuToEcefMatrix(
  longitudeDegrees: number,
  latitudeDegrees: number,
  heightMetres: number,
): number[] {
  const lon = longitudeDegrees * DEG;
  const lat = latitudeDegrees * DEG;
  const sinLon = Math.sin(lon);
  const cosLon = Math.cos(lon);
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const [x, y, z] = geodeticToEcef(longitudeDegrees, latitudeDegrees, heightMetres);
  // biome-ignore format: one matrix column per line
  return [
    -sinLon, cosLon, 0, 0,
    -sinLat * cosLon, -sinLat * sinLon, cosLat, 0,
    cosLat * cosLon, cosLat * sinLon, sinLat, 0,
    x, y, z, 1,
  ];
}

/**
 * Meridian (M) and prime-vertical (N) radii of curvature of WGS84 at a latitude, metres: a true
 * ground step of dφ north is M·dφ, of dλ east is N·cosφ·dλ (Hofmann-Wellenhof et al. 2008, §10.2.2).
 */
export function radiiOfCurvature(latitudeDegrees: number): {
  meridianMetres: number;
  primeVerticalMetres: number;
} {
  const sinLat = Math.sin(latitudeDegrees * DEG);
  const w = 1 - WGS84_ECCENTRICITY_SQUARED * sinLat * sinLat;
  return {
    meridianMetres: (WGS84_SEMI_MAJOR_AXIS_METRES * (1 - WGS84_ECCENTRICITY_SQUARED)) / (w * Math.sqrt(w)),
    primeVerticalMetres: WGS84_SEMI_MAJOR_AXIS_METRES / Math.sqrt(w),
  };
}
