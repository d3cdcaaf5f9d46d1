/**
 * A local east-north tangent frame about a chosen point, in metres: equirectangular about
 * that point (scale error ~1e-8 over a 100 m lot). Parcels are projected into their own frame
 * so that setbacks in metres can be applied with plane geometry.
 */

/** Mean earth radius in metres, the one `@turf/area` uses (IUGG mean radius). */
export const MEAN_EARTH_RADIUS_METRES = 6_371_008.8;

const DEG = Math.PI / 180;

/** A local metric frame: converts WGS84 degrees to east/north metres and back. */
export interface LocalFrame {
  toMetres(longitudeDegrees: number, latitudeDegrees: number): [number, number];
  toDegrees(eastMetres: number, northMetres: number): [number, number];
}

/** A local frame centred on the mean of the given [longitude, latitude] positions (degrees). */
export function localFrameAbout(positions: ReadonlyArray<readonly [number, number]>): LocalFrame {
  let lon0 = 0;
  let lat0 = 0;
  for (const [lon, lat] of positions) {
    lon0 += lon;
    lat0 += lat;
  }
  lon0 /= positions.length;
  lat0 /= positions.length;
  const metresPerDegreeNorth = MEAN_EARTH_RADIUS_METRES * DEG;
  const metresPerDegreeEast = metresPerDegreeNorth * Math.cos(lat0 * DEG);
  return {
    toMetres: (lon, lat) => [(lon - lon0) * metresPerDegreeEast, (lat - lat0) * metresPerDegreeNorth],
    toDegrees: (east, north) => [lon0 + east / metresPerDegreeEast, lat0 + north / metresPerDegreeNorth],
  };
}
