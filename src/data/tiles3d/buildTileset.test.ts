import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import { parse } from '@loaders.gl/core';
import { GLTFLoader, postProcessGLTF } from '@loaders.gl/gltf';
// @ts-expect-error gltf-validator ships no type declarations
import { validateBytes } from 'gltf-validator';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { BuildingRecord as PipelineBuildingRecord } from '../formats/buildings.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { buildTileset, type TilesetTile } from './buildTileset.ts';
import { geodeticToEcef } from './enuFrame.ts';
import { readGlb } from './glbWriter.ts';
import { handMadeBuildings } from './handMadeBuildings.ts';
import { sceneToEcefMatrix } from './sceneFrame.ts';
import { multiplyMatrices, transformPoint } from './matrix4.ts';
import { readPropertyTable } from './readPropertyTable.ts';
import type { BuildingRecord } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: loaders.gl returns loosely typed glTF objects
type Loose = any;

const buildings = handMadeBuildings();
const built = buildTileset(buildings, { maxBuildingsPerTile: 10 });
const byId = new Map(buildings.map((b) => [b.id, b]));

/** Leaves of the tileset with the scene-frame translation of each (sum of transforms below the root). */
function leaves(
  tile: TilesetTile,
  offsetEast = 0,
  offsetNorth = 0,
): Array<{ tile: TilesetTile; east: number; north: number }> {
  if (tile.content !== undefined) {
    return [{ tile, east: offsetEast + tile.transform![12]!, north: offsetNorth + tile.transform![13]! }];
  }
  return (tile.children ?? []).flatMap((child) => leaves(child, offsetEast, offsetNorth));
}

async function loadTile(glb: Uint8Array): Promise<{ gltf: Loose; primitive: Loose }> {
  const gltf: Loose = await parse(glb.slice().buffer, GLTFLoader, { gltf: { loadBuffers: true } } as Loose);
  const primitive = (postProcessGLTF(gltf) as Loose).meshes[0].primitives[0];
  return { gltf, primitive };
}

/** Distinct, de-duplicated counter-clockwise ring of a test building (reverses the clockwise one, drops closure). */
function cornerCount(b: BuildingRecord): number {
  const [first, last] = [b.footprint[0]!, b.footprint[b.footprint.length - 1]!];
  return first[0] === last[0] && first[1] === last[1] ? b.footprint.length - 1 : b.footprint.length;
}

describe('buildTileset on 50 hand-made buildings', () => {
  test('tileset.json parses with the 3D Tiles loader as version 1.1, root on the globe at the scene origin', async () => {
    const text = JSON.stringify(built.tilesetJson);
    const tileset: Loose = await parse(new TextEncoder().encode(text).buffer, Tiles3DLoader, {
      '3d-tiles': { isTileset: true },
    } as Loose);
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.type).toBe('TILES3D');
    expect(built.tilesetJson.root.refine).toBe('ADD');
    expect(tileset.root.refine).toBe(1); // loaders.gl normalises 'ADD' to TILE_REFINEMENT.ADD = 1
    expect(tileset.root.transform).toEqual(sceneToEcefMatrix(0, 0, 0));
    const uris = leaves(built.tilesetJson.root).map((leaf) => leaf.tile.content!.uri);
    expect(uris.sort()).toEqual(built.tiles.map((t) => t.uri).sort());
    expect(built.tiles.length).toBeGreaterThanOrEqual(5); // 50 buildings, ≤ 10 per tile
  });

  test('every building metadata round-trips through the EXT_structural_metadata property tables', async () => {
    const seen: string[] = [];
    for (const tile of built.tiles) {
      const { gltf } = await loadTile(tile.glb);
      const table = gltf.json.extensions.EXT_structural_metadata.propertyTables[0];
      expect(table.count).toBeLessThanOrEqual(10);
      const ours = readPropertyTable(readGlb(tile.glb).json, readGlb(tile.glb).bin);
      for (let row = 0; row < table.count; row++) {
        const id: string = table.properties.id.data[row];
        const original = byId.get(id)!;
        expect(original).toBeDefined();
        expect(table.properties.heightMetres.data[row]).toBe(Math.fround(original.heightMetres));
        expect(table.properties.floors.data[row]).toBe(original.floors);
        expect(table.properties.use.data[row]).toBe(original.use);
        expect(table.properties.source.data[row]).toBe(original.source);
        expect(ours[row]).toEqual({
          id,
          heightMetres: Math.fround(original.heightMetres),
          floors: original.floors,
          use: original.use,
          source: original.source,
        });
        seen.push(id);
      }
    }
    expect(seen.sort()).toEqual(buildings.map((b) => b.id).sort());
  });

  test('feature ids point at the right building; top vertices at heightMetres; triangle counts 2n + (n − 2)', async () => {
    const leafOf = new Map(leaves(built.tilesetJson.root).map((leaf) => [leaf.tile.content!.uri, leaf]));
    for (const tile of built.tiles) {
      const { gltf, primitive } = await loadTile(tile.glb);
      const leaf = leafOf.get(tile.uri)!;
      const ids: string[] = gltf.json.extensions.EXT_structural_metadata.propertyTables[0].properties.id.data;
      const positions: Float32Array = primitive.attributes.POSITION.value;
      const featureIds: Float32Array = primitive.attributes._FEATURE_ID_0.value;
      const indices: Uint16Array | Uint32Array = primitive.indices.value;
      expect(gltf.json.meshes[0].primitives[0].extensions.EXT_mesh_features.featureIds[0]).toMatchObject({
        featureCount: ids.length,
        attribute: 0,
        propertyTable: 0,
      });
      for (let v = 0; v < featureIds.length; v++) {
        const building = byId.get(ids[featureIds[v]!]!)!;
        // glTF y-up (x, y, z) → tile z-up (x, −z, y) → scene metres by the leaf translation.
        const east = leaf.east + positions[3 * v]!;
        const north = leaf.north - positions[3 * v + 2]!;
        const up = positions[3 * v + 1]!;
        const nearest = Math.min(...building.footprint.map(([e, n]) => Math.hypot(e - east, n - north)));
        expect(nearest).toBeLessThan(1e-3);
        expect(up === 0 || up === Math.fround(building.heightMetres)).toBe(true);
      }
      const trianglesPerFeature = new Array<number>(ids.length).fill(0);
      for (let t = 0; t < indices.length; t += 3) {
        const feature = featureIds[indices[t]!]!;
        expect(featureIds[indices[t + 1]!]).toBe(feature);
        expect(featureIds[indices[t + 2]!]).toBe(feature);
        trianglesPerFeature[feature]!++;
      }
      ids.forEach((id, row) => {
        const n = cornerCount(byId.get(id)!);
        expect(trianglesPerFeature[row]).toBe(2 * n + (n - 2));
      });
    }
  });

  test('roof and wall triangles face outwards (counter-clockwise seen from outside)', async () => {
    for (const tile of built.tiles) {
      const { primitive } = await loadTile(tile.glb);
      const p: Float32Array = primitive.attributes.POSITION.value;
      const normals: Float32Array = primitive.attributes.NORMAL.value;
      const indices: Uint16Array | Uint32Array = primitive.indices.value;
      for (let t = 0; t < indices.length; t += 3) {
        const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
        const u = [p[3 * b]! - p[3 * a]!, p[3 * b + 1]! - p[3 * a + 1]!, p[3 * b + 2]! - p[3 * a + 2]!];
        const w = [p[3 * c]! - p[3 * a]!, p[3 * c + 1]! - p[3 * a + 1]!, p[3 * c + 2]! - p[3 * a + 2]!];
        const cross = [
          u[1]! * w[2]! - u[2]! * w[1]!,
          u[2]! * w[0]! - u[0]! * w[2]!,
          u[0]! * w[1]! - u[1]! * w[0]!,
        ];
        const dot =
          cross[0]! * normals[3 * a]! + cross[1]! * normals[3 * a + 1]! + cross[2]! * normals[3 * a + 2]!;
        expect(dot).toBeGreaterThan(0);
      }
    }
  });

  test.each(['scene', 'globe'] as const)(
    'placement %s: bounding boxes contain every vertex, and each parent box contains its children',
    async (placement) => {
      const tileset = buildTileset(buildings, { maxBuildingsPerTile: 10, placement });
      const check = async (tile: TilesetTile): Promise<void> => {
        const [cx, cy, cz, hx, , , , hy, , , , hz] = tile.boundingVolume.box;
        const inside = ([east, north, up]: number[]) =>
          Math.abs(east! - cx!) <= hx! + 1e-6 &&
          Math.abs(north! - cy!) <= hy! + 1e-6 &&
          Math.abs(up! - cz!) <= hz! + 1e-6;
        if (tile.content !== undefined) {
          const { primitive } = await loadTile(tileset.tiles.find((t) => t.uri === tile.content!.uri)!.glb);
          const p: Float32Array = primitive.attributes.POSITION.value;
          for (let v = 0; v < p.length; v += 3) expect(inside([p[v]!, -p[v + 2]!, p[v + 1]!])).toBe(true);
          return;
        }
        for (const child of tile.children ?? []) {
          const [ccx, ccy, ccz, chx, , , , chy, , , , chz] = child.boundingVolume.box;
          for (const sx of [-1, 1]) {
            for (const sy of [-1, 1]) {
              for (const sz of [-1, 1]) {
                const corner = [ccx! + sx * chx!, ccy! + sy * chy!, ccz! + sz * chz!] as const;
                const moved =
                  child.transform === undefined ? corner : transformPoint(child.transform, ...corner);
                expect(inside([...moved])).toBe(true);
              }
            }
          }
          await check(child);
        }
      };
      await check(tileset.tilesetJson.root);
    },
  );

  test('placement globe: the same tiles, every vertex at its WGS84 position (≤ 5 cm), scene: floats by d²/2R', async () => {
    const globe = buildTileset(buildings, { maxBuildingsPerTile: 10, placement: 'globe' });
    expect(globe.tiles.map((t) => t.uri)).toEqual(built.tiles.map((t) => t.uri));
    const ecefOf = (tileset: typeof globe) => {
      const errors: Array<{ error: number; east: number; north: number }> = [];
      const walk = async (tile: TilesetTile, parent: number[]): Promise<void> => {
        const frame = tile.transform === undefined ? parent : multiplyMatrices(parent, tile.transform);
        if (tile.content === undefined) {
          for (const child of tile.children ?? []) await walk(child, frame);
          return;
        }
        const { primitive } = await loadTile(tileset.tiles.find((t) => t.uri === tile.content!.uri)!.glb);
        const p: Float32Array = primitive.attributes.POSITION.value;
        const local = leaves(tileset.tilesetJson.root).find((l) => l.tile === tile)!;
        for (let v = 0; v < p.length; v += 3) {
          const actual = transformPoint(frame, p[v]!, -p[v + 2]!, p[v + 1]!);
          const east = local.east + p[v]!;
          const north = local.north - p[v + 2]!;
          const [longitude, latitude] = fromSceneMetres(east, north);
          const expected = geodeticToEcef(longitude, latitude, p[v + 1]!);
          const error = Math.hypot(actual[0] - expected[0], actual[1] - expected[1], actual[2] - expected[2]);
          errors.push({ error, east, north });
        }
      };
      return walk(tileset.tilesetJson.root, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]).then(
        () => errors,
      );
    };
    const rootFrame = (tileset: typeof globe) => tileset.tilesetJson.root;
    expect(rootFrame(globe).transform).toEqual(rootFrame(built).transform);
    for (const { error } of await ecefOf(globe)) expect(error).toBeLessThan(0.05);
    // The flat 'scene' placement is off by the Earth's curvature drop d²/2R (R ≈ 6.37e6 m), to 10 %.
    for (const { error, east, north } of await ecefOf(built)) {
      const drop = (east * east + north * north) / (2 * 6_371_000);
      expect(Math.abs(error - drop)).toBeLessThan(0.1 * drop + 0.05);
    }
  });

  test('a deterministic build: the same input gives the same bytes', () => {
    const again = buildTileset(handMadeBuildings(), { maxBuildingsPerTile: 10 });
    expect(JSON.stringify(again.tilesetJson)).toBe(JSON.stringify(built.tilesetJson));
    expect(again.tiles.length).toBe(built.tiles.length);
    again.tiles.forEach((tile, i) => {
      expect(tile.uri).toBe(built.tiles[i]!.uri);
      expect(Buffer.compare(Buffer.from(tile.glb), Buffer.from(built.tiles[i]!.glb))).toBe(0);
    });
  });

  test('every glb passes the Khronos glTF validator: no errors or warnings', async () => {
    for (const tile of built.tiles) {
      const report = await validateBytes(tile.glb);
      expect(report.issues.numErrors).toBe(0);
      expect(report.issues.numWarnings).toBe(0);
      // The validator does not know the 3D Tiles extensions: it reports them, and their property-table
      // buffer views as unused, for information only.
      for (const message of report.issues.messages) {
        expect(['UNSUPPORTED_EXTENSION', 'UNUSED_OBJECT']).toContain(message.code);
      }
    }
  });

  test('GLB layout: 4-byte aligned chunks, property table buffer views on 8-byte boundaries', () => {
    for (const tile of built.tiles) {
      const view = new DataView(tile.glb.buffer, tile.glb.byteOffset, tile.glb.byteLength);
      expect(view.getUint32(8, true)).toBe(tile.glb.byteLength);
      expect(tile.glb.byteLength % 4).toBe(0);
      expect(view.getUint32(12, true) % 4).toBe(0);
      const { json, bin } = readGlb(tile.glb);
      for (const bufferView of json.bufferViews ?? []) {
        expect((bufferView.byteOffset ?? 0) % 8).toBe(0);
        expect((bufferView.byteOffset ?? 0) + bufferView.byteLength).toBeLessThanOrEqual(bin.byteLength);
      }
    }
  });
});

describe('buildTileset input checks and small cases', () => {
  test('a single small city becomes one root leaf placed at its centre on the globe', () => {
    const one = buildTileset(buildings.slice(0, 3));
    expect(one.tiles.map((t) => t.uri)).toEqual(['tiles/root.glb']);
    const root = sceneToEcefMatrix(0, 0, 0);
    const leafCentre = [
      one.tilesetJson.root.boundingVolume.box[0]!,
      one.tilesetJson.root.boundingVolume.box[1]!,
    ];
    expect(leafCentre).toEqual([0, 0]);
    // The root transform is sceneToEcef·translate(centre): its origin is the image of the footprint-box centre.
    const minEast = Math.min(...buildings.slice(0, 3).flatMap((b) => b.footprint.map((p) => p[0])));
    const maxEast = Math.max(...buildings.slice(0, 3).flatMap((b) => b.footprint.map((p) => p[0])));
    const minNorth = Math.min(...buildings.slice(0, 3).flatMap((b) => b.footprint.map((p) => p[1])));
    const maxNorth = Math.max(...buildings.slice(0, 3).flatMap((b) => b.footprint.map((p) => p[1])));
    const [e, n] = [(minEast + maxEast) / 2, (minNorth + maxNorth) / 2];
    for (let row = 0; row < 3; row++) {
      expect(one.tilesetJson.root.transform![12 + row]).toBeCloseTo(
        root[row]! * e + root[4 + row]! * n + root[12 + row]!,
        6,
      );
    }
  });

  test('records typed as the pipeline BuildingRecord (src/data/pipeline/buildings.ts) are accepted as-is', () => {
    const record: PipelineBuildingRecord = {
      id: 'w42',
      source: 'osm',
      use: 'residential',
      heightMetres: 6.6,
      floors: 2,
      footprint: [
        [0, 0],
        [8, 0],
        [8, 12],
        [0, 12],
      ],
    };
    const { tiles } = buildTileset([record]);
    expect(readPropertyTable(readGlb(tiles[0]!.glb).json, readGlb(tiles[0]!.glb).bin)).toEqual([
      { id: 'w42', source: 'osm', use: 'residential', heightMetres: Math.fround(6.6), floors: 2 },
    ]);
  });

  test('bad buildings are reported with their JSON path', () => {
    const bad: BuildingRecord[] = [
      { ...buildings[0]!, heightMetres: 0 },
      {
        ...buildings[1]!,
        footprint: [
          [0, 0],
          [1, 1],
        ],
      },
      { ...buildings[2]!, floors: 2.5, id: '' },
    ];
    let caught: unknown;
    try {
      buildTileset(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems).toEqual([
      { path: 'buildings[0].heightMetres', message: 'expected a finite height > 0 metres' },
    ]);
    expect(() => buildTileset(bad.slice(1))).toThrow(
      'buildings[0].footprint: expected at least 3 distinct points',
    );
    expect(() => buildTileset(bad.slice(2))).toThrow(/buildings\[0\]\.floors[\s\S]*buildings\[0\]\.id/);
    expect(() => buildTileset([])).toThrow('no buildings');
  });
});
