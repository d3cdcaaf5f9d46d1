import type { BuildingSource } from './types.ts';

/**
 * EXT_structural_metadata schema of the building tiles: one class `building` whose property table
 * rows are indexed by the `_FEATURE_ID_0` vertex attribute (EXT_mesh_features).
 */

/** Enum codes of `source`, stored as UINT8. */
export const BUILDING_SOURCE_CODES: Readonly<Record<BuildingSource, number>> = { osm: 0, synthetic: 1 };

/** Schema id, stable across builds (readers may cache by it). */
export const BUILDING_SCHEMA_ID = 'thu_duc_buildings_v1';

/** The schema object written into every tile's EXT_structural_metadata. */
export const BUILDING_SCHEMA = {
  id: BUILDING_SCHEMA_ID,
  classes: {
    building: {
      name: 'Building',
      properties: {
        id: { type: 'STRING', required: true, description: 'OSM element (way/123) or synthetic id' },
        heightMetres: { type: 'SCALAR', componentType: 'FLOAT32', required: true, description: 'metres' },
        floors: { type: 'SCALAR', componentType: 'UINT16', required: true, description: 'storeys' },
        use: { type: 'STRING', required: true, description: 'land-use code (residential, commercial, ...)' },
        source: { type: 'ENUM', enumType: 'buildingSource', required: true },
      },
    },
  },
  enums: {
    buildingSource: {
      valueType: 'UINT8',
      values: [
        { name: 'osm', value: BUILDING_SOURCE_CODES.osm },
        { name: 'synthetic', value: BUILDING_SOURCE_CODES.synthetic },
      ],
    },
  },
} as const;
