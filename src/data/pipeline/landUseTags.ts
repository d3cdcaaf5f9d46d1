/**
 * OSM tags → the scenario's land-use codes (LAND_USES), with Vietnamese planning names
 * (Thông tư 01/2021/TT-BXD land categories, simplified).
 */
import type { LandUse } from '../../core/vocabulary.ts';
import type { OsmTags } from '../osm/osmTypes.ts';

/** Vietnamese and English names of each land-use code. */
export const LAND_USE_NAMES: Readonly<Record<LandUse, { vi: string; en: string }>> = {
  residential: { vi: 'Đất ở', en: 'Residential' },
  commercial: { vi: 'Đất thương mại dịch vụ', en: 'Commercial and services' },
  industrial: { vi: 'Đất công nghiệp', en: 'Industrial' },
  mixed: { vi: 'Đất hỗn hợp', en: 'Mixed use' },
  green: { vi: 'Đất cây xanh', en: 'Green space' },
  education: { vi: 'Đất giáo dục', en: 'Education' },
  health: { vi: 'Đất y tế', en: 'Health' },
  transport: { vi: 'Đất giao thông', en: 'Transport' },
  water: { vi: 'Mặt nước', en: 'Water' },
  agriculture: { vi: 'Đất nông nghiệp', en: 'Agriculture' },
  public: { vi: 'Đất công cộng', en: 'Public and institutional' },
};

const BY_TAG: ReadonlyArray<[key: string, values: readonly string[], use: LandUse]> = [
  ['amenity', ['school', 'university', 'college', 'kindergarten'], 'education'],
  ['amenity', ['hospital', 'clinic', 'doctors'], 'health'],
  ['amenity', ['parking', 'bus_station', 'ferry_terminal'], 'transport'],
  [
    'amenity',
    ['place_of_worship', 'townhall', 'courthouse', 'community_centre', 'library', 'fire_station', 'police'],
    'public',
  ],
  ['amenity', ['marketplace'], 'commercial'],
  ['landuse', ['residential'], 'residential'],
  ['landuse', ['commercial', 'retail'], 'commercial'],
  ['landuse', ['industrial', 'port', 'depot'], 'industrial'],
  [
    'landuse',
    ['grass', 'meadow', 'forest', 'recreation_ground', 'village_green', 'cemetery', 'greenfield'],
    'green',
  ],
  [
    'landuse',
    ['farmland', 'farmyard', 'orchard', 'aquaculture', 'paddy', 'plant_nursery', 'greenhouse_horticulture'],
    'agriculture',
  ],
  ['landuse', ['railway', 'highway'], 'transport'],
  ['landuse', ['reservoir', 'basin'], 'water'],
  ['landuse', ['military', 'religious'], 'public'],
  [
    'leisure',
    [
      'park',
      'garden',
      'pitch',
      'golf_course',
      'nature_reserve',
      'playground',
      'stadium',
      'sports_centre',
      'recreation_ground',
      'track',
    ],
    'green',
  ],
  ['natural', ['wood', 'grassland', 'scrub', 'wetland'], 'green'],
  ['natural', ['water'], 'water'],
  ['waterway', ['riverbank'], 'water'],
  ['aeroway', ['aerodrome'], 'transport'],
];

/**
 * The land-use code of an OSM area, or undefined when its tags carry none we map
 * (e.g. `landuse=construction`, `brownfield`). Amenity tags win over landuse (a school inside a
 * residential area is education), landuse over leisure and natural.
 */
export function landUseOfTags(tags: OsmTags): LandUse | undefined {
  for (const [key, values, use] of BY_TAG) {
    const v = tags[key];
    if (v !== undefined && values.includes(v)) return use;
  }
  return undefined;
}

/** The tag that decided `landUseOfTags`, as `key=value` (for the output's `tag` property). */
export function landUseTag(tags: OsmTags): string | undefined {
  for (const [key, values] of BY_TAG) {
    const v = tags[key];
    if (v !== undefined && values.includes(v)) return `${key}=${v}`;
  }
  return undefined;
}
