import { BUILDING_SCHEMA, BUILDING_SOURCE_CODES } from './buildingSchema.ts';
import { extrudePrisms, type PrismMesh } from './extrudeBuildings.ts';
import { packAligned, writeGlb } from './glbWriter.ts';
import type { BuildingRecord } from './types.ts';

const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const TRIANGLES = 4;

/** One building ready for a tile: its record and its cleaned counter-clockwise ring (flat e/n metres). */
export interface TileBuilding {
  record: BuildingRecord;
  ring: readonly number[];
  /** Ground under the building (foot of its walls) above the scene's z = 0, metres. Default 0. */
  baseMetres?: number;
}

/** A tile's glb and the extent of its geometry in tile-relative glTF coordinates. */
export interface BuildingTileContent {
  glb: Uint8Array;
  /** [minX, minY, minZ, maxX, maxY, maxZ], metres, glTF y-up, relative to the tile centre. */
  bounds: PrismMesh['bounds'];
}

/**
 * Builds one tile's glb: a single mesh primitive with POSITION, NORMAL, `_FEATURE_ID_0`
 * (EXT_mesh_features, feature id = row of property table 0) and an EXT_structural_metadata
 * property table with one row per building (schema in buildingSchema.ts). Positions are
 * metres relative to (centreEast, centreNorth, 0) in the scene frame; walls stand on each
 * building's `baseMetres`.
 */
export function buildBuildingTile(
  buildings: readonly TileBuilding[],
  centreEast: number,
  centreNorth: number,
): BuildingTileContent {
  const mesh = extrudePrisms(
    buildings.map((b) => ({
      ring: b.ring,
      heightMetres: b.record.heightMetres,
      baseMetres: b.baseMetres ?? 0,
    })),
    centreEast,
    centreNorth,
  );
  const records = buildings.map((b) => b.record);
  const ids = encodeStrings(records.map((r) => r.id));
  const uses = encodeStrings(records.map((r) => r.use));
  const heights = Float32Array.from(records, (r) => r.heightMetres);
  const floors = Uint16Array.from(records, (r) => r.floors);
  const sources = Uint8Array.from(records, (r) => BUILDING_SOURCE_CODES[r.source]);

  const blocks = [
    mesh.positions,
    mesh.normals,
    mesh.featureIds,
    mesh.indices,
    ids.values,
    ids.offsets,
    heights,
    floors,
    uses.values,
    uses.offsets,
    sources,
  ].map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  const { bytes, offsets } = packAligned(blocks);
  const targets = [ARRAY_BUFFER, ARRAY_BUFFER, ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER];
  const bufferViews = blocks.map((block, i) => ({
    buffer: 0,
    byteOffset: offsets[i]!,
    byteLength: block.byteLength,
    ...(targets[i] === undefined ? {} : { target: targets[i] }),
  }));
  const vertexCount = mesh.positions.length / 3;
  const [minX, minY, minZ, maxX, maxY, maxZ] = mesh.bounds;
  const json = {
    asset: { version: '2.0', generator: 'thu-duc-twin src/data/tiles3d' },
    extensionsUsed: ['EXT_mesh_features', 'EXT_structural_metadata'],
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [
      {
        primitives: [
          {
            attributes: { POSITION: 0, NORMAL: 1, _FEATURE_ID_0: 2 },
            indices: 3,
            material: 0,
            mode: TRIANGLES,
            extensions: {
              EXT_mesh_features: {
                featureIds: [{ featureCount: records.length, attribute: 0, propertyTable: 0 }],
              },
            },
          },
        ],
      },
    ],
    materials: [
      {
        name: 'building',
        pbrMetallicRoughness: {
          baseColorFactor: [0.86, 0.85, 0.82, 1],
          metallicFactor: 0,
          roughnessFactor: 0.9,
        },
      },
    ],
    accessors: [
      {
        bufferView: 0,
        componentType: FLOAT,
        count: vertexCount,
        type: 'VEC3',
        min: [minX, minY, minZ],
        max: [maxX, maxY, maxZ],
      },
      { bufferView: 1, componentType: FLOAT, count: vertexCount, type: 'VEC3' },
      {
        bufferView: 2,
        componentType: FLOAT,
        count: vertexCount,
        type: 'SCALAR',
      },
      {
        bufferView: 3,
        componentType: mesh.indices instanceof Uint16Array ? UNSIGNED_SHORT : UNSIGNED_INT,
        count: mesh.indices.length,
        type: 'SCALAR',
      },
    ],
    bufferViews,
    buffers: [{ byteLength: bytes.byteLength }],
    extensions: {
      EXT_structural_metadata: {
        schema: BUILDING_SCHEMA,
        propertyTables: [
          {
            name: 'buildings',
            class: 'building',
            count: records.length,
            properties: {
              id: { values: 4, stringOffsets: 5, stringOffsetType: 'UINT32' },
              heightMetres: { values: 6 },
              floors: { values: 7 },
              use: { values: 8, stringOffsets: 9, stringOffsetType: 'UINT32' },
              source: { values: 10 },
            },
          },
        ],
      },
    },
  };
  return { glb: writeGlb(json, bytes), bounds: mesh.bounds };
}

/** UTF-8 bytes of all strings back to back and count + 1 UINT32 byte offsets (EXT_structural_metadata). */
function encodeStrings(strings: readonly string[]): { values: Uint8Array; offsets: Uint32Array } {
  const encoder = new TextEncoder();
  const encoded = strings.map((s) => encoder.encode(s));
  const offsets = new Uint32Array(strings.length + 1);
  encoded.forEach((bytes, i) => {
    offsets[i + 1] = offsets[i]! + bytes.byteLength;
  });
  const values = new Uint8Array(offsets[strings.length]!);
  encoded.forEach((bytes, i) => {
    values.set(bytes, offsets[i]!);
  });
  return { values, offsets };
}
