/**
 * The region every city input must lie in: a generous WGS84 box around Thủ Đức City (its
 * boundary spans 106.70–106.88 E, 10.74–10.90 N; the box adds about 15 km on each side).
 * A parcel or an edit outside it is a mistake (swapped coordinates, another city, a
 * world-sized or antimeridian-crossing polygon), not a plan for the city.
 */
export const CITY_REGION = { west: 106.55, south: 10.6, east: 107.05, north: 11.05 } as const;

/** The region as text for messages. */
export const CITY_REGION_TEXT = `${CITY_REGION.west}…${CITY_REGION.east} E, ${CITY_REGION.south}…${CITY_REGION.north} N`;

/** True when the WGS84 position (degrees) lies in {@link CITY_REGION}. */
export function insideCityRegion(longitudeDegrees: number, latitudeDegrees: number): boolean {
  return (
    longitudeDegrees >= CITY_REGION.west &&
    longitudeDegrees <= CITY_REGION.east &&
    latitudeDegrees >= CITY_REGION.south &&
    latitudeDegrees <= CITY_REGION.north
  );
}
