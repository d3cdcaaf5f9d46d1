import { MeshoptDecoder } from 'meshoptimizer';
// @ts-expect-error gltf-validator ships no type declarations
import { validateBytes } from 'gltf-validator';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildTileset } from './buildTileset.ts';
import { compressBuildingGlb, meshoptReady } from './compressGlb.ts';
import { readGlb } from './glbWriter.ts';
import { handMadeBuildings } from './handMadeBuildings.ts';
import { readPropertyTable } from './readPropertyTable.ts';

// biome-ignore lint/suspicious/noExplicitAny: glTF JSON read loosely in a test
type Loose = any;

const tiles = buildTileset(handMadeBuildings(), { maxBuildingsPerTile: 10 }).tiles;

/** Per feature id: the bounding box of its vertices [minX, minY, minZ, maxX, maxY, maxZ] and triangle count. */
function featureBoxes(positions: ArrayLike<number>, ids: ArrayLike<number>, indices: ArrayLike<number>) {
  const boxes = new Map<number, { box: number[]; triangles: number }>();
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i]!;
    const id = ids[v]!;
    const entry = boxes.get(id) ?? {
      box: [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity],
      triangles: 0,
    };
    for (let c = 0; c < 3; c++) {
      entry.box[c] = Math.min(entry.box[c]!, positions[v * 3 + c]!);
      entry.box[c + 3] = Math.max(entry.box[c + 3]!, positions[v * 3 + c]!);
    }
    if (i % 3 === 0) entry.triangles++;
    boxes.set(id, entry);
  }
  return boxes;
}

/** Bytes of buffer view `index` of the original (uncompressed) GLB. */
function viewBytes(json: Loose, bin: Uint8Array, index: number): Uint8Array {
  const view = json.bufferViews[index];
  return bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength);
}

/** Decodes a meshopt buffer view of the compressed GLB into its raw bytes. */
function decodeView(json: Loose, bin: Uint8Array, index: number): Uint8Array {
  const meshopt = json.bufferViews[index].extensions.EXT_meshopt_compression;
  const target = new Uint8Array(meshopt.count * meshopt.byteStride);
  const source = bin.subarray(meshopt.byteOffset, meshopt.byteOffset + meshopt.byteLength);
  MeshoptDecoder.decodeGltfBuffer(
    target,
    meshopt.count,
    meshopt.byteStride,
    source,
    meshopt.mode,
    meshopt.filter,
  );
  return target;
}

describe('compressBuildingGlb on hand-made building tiles', () => {
  beforeAll(async () => {
    await meshoptReady();
    await MeshoptDecoder.ready;
  });

  test('each tile is valid glTF; its geometry takes under a third of the bytes it took', async () => {
    let geometryBefore = 0;
    let geometryAfter = 0;
    for (const tile of tiles) {
      const { glb, bytesAfter } = compressBuildingGlb(tile.glb);
      expect(bytesAfter).toBe(glb.byteLength);
      const report = await validateBytes(glb);
      expect(report.issues.numErrors, JSON.stringify(report.issues.messages)).toBe(0);
      const json = readGlb(glb).json as Loose;
      expect(json.extensionsRequired).toEqual(
        expect.arrayContaining(['EXT_meshopt_compression', 'KHR_mesh_quantization']),
      );
      const original = readGlb(tile.glb).json as Loose;
      for (const [i, view] of json.bufferViews.entries()) {
        const meshopt = view.extensions?.EXT_meshopt_compression;
        if (!meshopt) continue;
        geometryBefore += original.bufferViews[i].byteLength;
        geometryAfter += meshopt.byteLength;
      }
    }
    expect(geometryAfter).toBeLessThan(geometryBefore / 3);
  });

  test('every building keeps its triangles and its box to within half a quantization step, and its attributes', () => {
    for (const tile of tiles) {
      const before = readGlb(tile.glb);
      const after = readGlb(compressBuildingGlb(tile.glb).glb);
      const b = before.json as Loose;
      const a = after.json as Loose;
      const prim = b.meshes[0].primitives[0];
      const f32 = (bytes: Uint8Array) => new Float32Array(bytes.slice().buffer);
      const original = featureBoxes(
        f32(viewBytes(b, before.bin, b.accessors[prim.attributes.POSITION].bufferView)),
        f32(viewBytes(b, before.bin, b.accessors[prim.attributes._FEATURE_ID_0].bufferView)),
        new Uint16Array(viewBytes(b, before.bin, b.accessors[prim.indices].bufferView).slice().buffer),
      );
      // dequantize: the node's translation + scale × uint16 (4 per vertex, the 4th is padding)
      const node = a.nodes[0];
      const positionAccessor = a.accessors[prim.attributes.POSITION];
      const quantized = new Uint16Array(decodeView(a, after.bin, positionAccessor.bufferView).buffer);
      const positions = new Float64Array(positionAccessor.count * 3);
      for (let v = 0; v < positionAccessor.count; v++)
        for (let c = 0; c < 3; c++)
          positions[v * 3 + c] = node.translation[c] + node.scale[c] * quantized[v * 4 + c]!;
      const indexAccessor = a.accessors[prim.indices];
      const indexBytes = decodeView(a, after.bin, indexAccessor.bufferView);
      const indices =
        indexAccessor.componentType === 5125
          ? new Uint32Array(indexBytes.buffer)
          : new Uint16Array(indexBytes.buffer);
      const ids = new Float32Array(
        decodeView(a, after.bin, a.accessors[prim.attributes._FEATURE_ID_0].bufferView).buffer,
      );
      const compressed = featureBoxes(positions, ids, indices);
      expect([...compressed.keys()].sort()).toEqual([...original.keys()].sort());
      const halfStep = node.scale[0] / 2 + 1e-6;
      for (const [id, { box, triangles }] of original) {
        expect(compressed.get(id)!.triangles).toBe(triangles);
        const errors = compressed.get(id)!.box.map((value, k) => Math.abs(value - box[k]!));
        expect(Math.max(...errors)).toBeLessThanOrEqual(halfStep);
      }
      expect(readPropertyTable(after.json, after.bin)).toEqual(readPropertyTable(before.json, before.bin));
    }
  });
});
