import { GLTFLoader, postProcessGLTF } from '@loaders.gl/gltf';
import { parse } from '@loaders.gl/core';
// @ts-expect-error gltf-validator ships no type declarations
import { validateBytes } from 'gltf-validator';
import { describe, expect, test } from 'vitest';
import { fromSceneMetres } from '../../core/geo.ts';
import { buildTileset, type TilesetTile } from './buildTileset.ts';
import { geodeticToEcef } from './enuFrame.ts';
import { readGlb } from './glbWriter.ts';
import { handMadeBuildings } from './handMadeBuildings.ts';
import { multiplyMatrices, transformPoint } from './matrix4.ts';
import { readPropertyTable } from './readPropertyTable.ts';

// biome-ignore lint/suspicious/noExplicitAny: loaders.gl returns loosely typed glTF objects
type Loose = any;

const buildings = handMadeBuildings();
/** A ground that rises 1 m per building index (bases 0..49 m): a base error shows as metres. */
const baseOf = (index: number) => index;
const options = { maxBuildingsPerTile: 10, buildingsPerParentTile: 3, baseMetres: baseOf } as const;
const levels = buildTileset(buildings, { ...options, placement: 'globe' });
const flat = buildTileset(buildings, { maxBuildingsPerTile: 10, placement: 'globe' });
const indexOf = new Map(buildings.map((b, i) => [b.id, i]));
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** Largest of height and footprint diagonal, metres (the prominence the tiles rank by). */
function prominence(id: string): number {
  const b = buildings[indexOf.get(id)!]!;
  const east = b.footprint.map((p) => p[0]);
  const north = b.footprint.map((p) => p[1]);
  const diagonal = Math.hypot(Math.max(...east) - Math.min(...east), Math.max(...north) - Math.min(...north));
  return Math.max(b.heightMetres, diagonal);
}

/** Every tile with its depth and parent. */
function walk(
  tile: TilesetTile,
  depth = 0,
  parent?: TilesetTile,
): Array<{ tile: TilesetTile; depth: number; parent?: TilesetTile }> {
  return [
    { tile, depth, ...(parent ? { parent } : {}) },
    ...(tile.children ?? []).flatMap((child) => walk(child, depth + 1, tile)),
  ];
}

/** Building ids of a tile's content. */
function idsOf(tileset: typeof levels, tile: TilesetTile): string[] {
  if (!tile.content) return [];
  const { json, bin } = readGlb(tileset.tiles.find((t) => t.uri === tile.content!.uri)!.glb);
  return readPropertyTable(json, bin).map((row) => String(row.id));
}

/** Ids of every building in the tile and the tiles below it. */
function idsBelow(tileset: typeof levels, tile: TilesetTile): string[] {
  return walk(tile).flatMap(({ tile: t }) => idsOf(tileset, t));
}

describe('buildTileset with levels of detail (buildingsPerParentTile)', () => {
  const tiles = walk(levels.tilesetJson.root);

  test('every building is in exactly one tile; split tiles keep their 3 most prominent buildings', () => {
    const all = tiles.flatMap(({ tile }) => idsOf(levels, tile));
    expect(all.sort()).toEqual(buildings.map((b) => b.id).sort());
    const parents = tiles.filter(({ tile }) => tile.children);
    expect(parents.length).toBeGreaterThan(1);
    for (const { tile } of parents) {
      const own = idsOf(levels, tile);
      expect(own).toHaveLength(3);
      const below = (tile.children ?? []).flatMap((child) => idsBelow(levels, child));
      // nothing below is more prominent than what the tile draws itself
      expect(Math.min(...own.map(prominence))).toBeGreaterThanOrEqual(Math.max(...below.map(prominence)));
    }
  });

  test('geometricError: the largest building below a tile, decreasing with depth, 0 at the leaves', () => {
    for (const { tile, parent } of tiles) {
      const below = (tile.children ?? []).flatMap((child) => idsBelow(levels, child));
      expect(tile.geometricError).toBeCloseTo(below.length ? Math.max(...below.map(prominence)) : 0, 9);
      if (parent) expect(tile.geometricError).toBeLessThanOrEqual(parent.geometricError);
      if (!tile.children) expect(tile.geometricError).toBe(0);
    }
    // the tileset's own error (nothing drawn) is the city's size, larger than the root's
    expect(levels.tilesetJson.geometricError).toBeGreaterThan(levels.tilesetJson.root.geometricError);
  });

  test("each parent's box contains its children's boxes (after their transforms) and its own vertices", async () => {
    for (const { tile } of tiles) {
      const [cx, cy, cz, hx, , , , hy, , , , hz] = tile.boundingVolume.box;
      const inside = ([east, north, up]: readonly number[]) =>
        Math.abs(east! - cx!) <= hx! + 1e-6 &&
        Math.abs(north! - cy!) <= hy! + 1e-6 &&
        Math.abs(up! - cz!) <= hz! + 1e-6;
      for (const child of tile.children ?? []) {
        const [ccx, ccy, ccz, chx, , , , chy, , , , chz] = child.boundingVolume.box;
        for (const sx of [-1, 1])
          for (const sy of [-1, 1])
            for (const sz of [-1, 1]) {
              const corner = [ccx! + sx * chx!, ccy! + sy * chy!, ccz! + sz * chz!] as const;
              expect(inside(child.transform ? transformPoint(child.transform, ...corner) : corner)).toBe(
                true,
              );
            }
      }
      if (!tile.content) continue;
      const glb = levels.tiles.find((t) => t.uri === tile.content!.uri)!.glb;
      const gltf: Loose = await parse(glb.slice().buffer, GLTFLoader, {
        gltf: { loadBuffers: true },
      } as Loose);
      const p: Float32Array = (postProcessGLTF(gltf) as Loose).meshes[0].primitives[0].attributes.POSITION
        .value;
      for (let v = 0; v < p.length; v += 3) expect(inside([p[v]!, -p[v + 2]!, p[v + 1]!])).toBe(true);
    }
  });

  test('every vertex lands on its building (footprint corner at its base or roof) on the WGS84 globe, ≤ 5 cm', async () => {
    let checked = 0;
    const check = async (tile: TilesetTile, parentFrame: number[]): Promise<void> => {
      const frame = tile.transform ? multiplyMatrices(parentFrame, tile.transform) : parentFrame;
      for (const child of tile.children ?? []) await check(child, frame);
      if (!tile.content) return;
      const glb = levels.tiles.find((t) => t.uri === tile.content!.uri)!.glb;
      const { json, bin } = readGlb(glb);
      const rows = readPropertyTable(json, bin);
      const gltf: Loose = await parse(glb.slice().buffer, GLTFLoader, {
        gltf: { loadBuffers: true },
      } as Loose);
      const primitive = (postProcessGLTF(gltf) as Loose).meshes[0].primitives[0];
      const p: Float32Array = primitive.attributes.POSITION.value;
      const feature: Float32Array = primitive.attributes._FEATURE_ID_0.value;
      for (let v = 0; v < feature.length; v++) {
        const index = indexOf.get(String(rows[feature[v]!]!.id))!;
        const building = buildings[index]!;
        const actual = transformPoint(frame, p[3 * v]!, -p[3 * v + 2]!, p[3 * v + 1]!);
        let nearest = Infinity;
        for (const [east, north] of building.footprint)
          for (const up of [baseOf(index), baseOf(index) + building.heightMetres]) {
            const [longitude, latitude] = fromSceneMetres(east, north);
            const expected = geodeticToEcef(longitude, latitude, up);
            nearest = Math.min(
              nearest,
              Math.hypot(actual[0] - expected[0], actual[1] - expected[1], actual[2] - expected[2]),
            );
          }
        expect(nearest).toBeLessThan(0.05);
        checked++;
      }
    };
    await check(levels.tilesetJson.root, IDENTITY);
    expect(checked).toBeGreaterThan(50 * 4 * 5); // ≥ 4 corners × 5 vertices per corner per building
  });

  test('the same bytes of geometry and tables as without levels (each building once), every glb valid', async () => {
    const binaryBytes = (tileset: typeof levels) =>
      tileset.tiles.reduce((sum, t) => sum + readGlb(t.glb).bin.byteLength, 0);
    // more tiles only add each tile's padding of its 11 buffer views to 8 bytes (< 8 × 11 bytes)
    const padding = 88 * (levels.tiles.length + flat.tiles.length);
    expect(Math.abs(binaryBytes(levels) - binaryBytes(flat))).toBeLessThan(padding);
    for (const tile of levels.tiles) {
      const report = await validateBytes(tile.glb);
      expect(report.issues.numErrors).toBe(0);
      expect(report.issues.numWarnings).toBe(0);
    }
  });
});
