/** WGS84 ↔ UTM zone 48N (EPSG:32648), the CRS of simulation grids and of the dataset's terrain, via proj4. */
import proj4 from 'proj4';

/** proj4 definition of EPSG:32648. */
export const UTM48N_PROJ4 = '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs';
const converter = proj4('EPSG:4326', UTM48N_PROJ4);

/** [easting, northing] metres in UTM 48N of a lon/lat point in degrees. */
export function toUtm48n(longitudeDegrees: number, latitudeDegrees: number): [number, number] {
  const [x, y] = converter.forward([longitudeDegrees, latitudeDegrees]);
  return [x!, y!];
}

/** [longitude, latitude] degrees of a UTM 48N point in metres. */
export function fromUtm48n(eastingMetres: number, northingMetres: number): [number, number] {
  const [lon, lat] = converter.inverse([eastingMetres, northingMetres]);
  return [lon!, lat!];
}
