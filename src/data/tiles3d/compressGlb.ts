/**
 * Makes a building tile small enough for a phone: quantizes its vertices (KHR_mesh_quantization)
 * and compresses its geometry buffer views with meshopt (EXT_meshopt_compression, codec version 0,
 * which CesiumJS decodes). The EXT_mesh_features / EXT_structural_metadata property tables are
 * kept byte for byte (8-byte aligned), so styling and picking by building attributes still work.
 *
 * Written for the tiles of src/data/tiles3d (one node per mesh, one non-interleaved buffer view
 * per accessor, float POSITION/NORMAL/feature ids). A general glTF optimizer
 * (@gltf-transform/functions) would drop the two 3D Tiles metadata extensions it does not know.
 */
import { MeshoptEncoder } from 'meshoptimizer';
import { type GltfJson, packAligned, readGlb, writeGlb } from './glbWriter.ts';

const FLOAT = 5126;
const BYTE = 5120;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
/** Positions are stored as 16-bit integers on a uniform grid over the mesh's bounding box. */
const POSITION_LEVELS = 65_535;

interface Accessor {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  normalized?: boolean;
  count: number;
  type: string;
  min?: number[];
  max?: number[];
}
interface BufferView {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  byteStride?: number;
  target?: number;
  extensions?: Record<string, unknown>;
}
interface Primitive {
  attributes: Record<string, number>;
  indices?: number;
}
interface Node {
  mesh?: number;
  translation?: number[];
  scale?: number[];
  matrix?: number[];
}
interface Document extends GltfJson {
  accessors: Accessor[];
  bufferViews: BufferView[];
  buffers: Array<{ byteLength: number; extensions?: Record<string, unknown> }>;
  meshes: Array<{ primitives: Primitive[] }>;
  nodes: Node[];
  extensionsUsed?: string[];
  extensionsRequired?: string[];
}

/** A geometry stream ready for meshopt: raw bytes (the fallback layout) and how to encode them. */
interface Stream {
  bytes: Uint8Array;
  count: number;
  byteStride: number;
  mode: 'ATTRIBUTES' | 'TRIANGLES';
  target: number;
}

/** Waits until meshopt's WebAssembly encoder is compiled (call once before {@link compressBuildingGlb}). */
export function meshoptReady(): Promise<void> {
  return MeshoptEncoder.ready;
}

/** Result of compressing one tile: the new GLB and its size before and after, bytes. */
export interface CompressedGlb {
  glb: Uint8Array;
  bytesBefore: number;
  bytesAfter: number;
}

/**
 * Quantizes and meshopt-compresses a building GLB. Vertices are reordered for the vertex cache
 * and fetch (the triangles stay the same); positions become uint16 on a uniform grid (step =
 * the largest extent / 65 535, so 2 cm on a 1.3 km tile) with the dequantizing translation and
 * scale on the mesh's node; normals int8; feature ids stay float. Throws on a layout it was not
 * written for.
 */
export function compressBuildingGlb(input: Uint8Array): CompressedGlb {
  const { json, bin } = readGlb(input);
  const doc = json as Document;
  const streams = new Map<number, Stream>(); // buffer view index → geometry stream
  for (const [meshIndex, mesh] of doc.meshes.entries()) {
    const nodes = doc.nodes.filter((node) => node.mesh === meshIndex);
    if (nodes.length !== 1 || nodes[0]!.matrix || nodes[0]!.translation || nodes[0]!.scale)
      throw new Error(`mesh ${meshIndex} must be used by one node without a transform`);
    if (mesh.primitives.length !== 1) throw new Error(`mesh ${meshIndex} must have one primitive`);
    compressPrimitive(doc, bin, mesh.primitives[0]!, nodes[0]!, streams);
  }
  const glb = writeCompressed(doc, bin, streams);
  return { glb, bytesBefore: input.byteLength, bytesAfter: glb.byteLength };
}

/** Float32 values of a tightly packed float accessor. */
function floatsOf(doc: Document, bin: Uint8Array, index: number, components: number): Float32Array {
  const accessor = doc.accessors[index]!;
  if (accessor.componentType !== FLOAT) throw new Error(`accessor ${index} is not float`);
  const view = doc.bufferViews[accessor.bufferView!]!;
  if (view.byteStride && view.byteStride !== components * 4)
    throw new Error(`accessor ${index} is interleaved`);
  const offset = bin.byteOffset + (view.byteOffset ?? 0) + (accessor.byteOffset ?? 0);
  return new Float32Array(bin.buffer.slice(offset, offset + accessor.count * components * 4));
}

/** Index values of the primitive as uint32. */
function indicesOf(doc: Document, bin: Uint8Array, index: number): Uint32Array {
  const accessor = doc.accessors[index]!;
  const view = doc.bufferViews[accessor.bufferView!]!;
  const offset = bin.byteOffset + (view.byteOffset ?? 0) + (accessor.byteOffset ?? 0);
  if (accessor.componentType === UNSIGNED_SHORT)
    return Uint32Array.from(new Uint16Array(bin.buffer.slice(offset, offset + accessor.count * 2)));
  if (accessor.componentType === UNSIGNED_INT)
    return new Uint32Array(bin.buffer.slice(offset, offset + accessor.count * 4));
  throw new Error(`indices accessor ${index} has component type ${accessor.componentType}`);
}

/** Reorders, quantizes and queues the streams of one primitive; updates its accessors and node. */
function compressPrimitive(
  doc: Document,
  bin: Uint8Array,
  primitive: Primitive,
  node: Node,
  streams: Map<number, Stream>,
): void {
  if (primitive.indices === undefined) throw new Error('primitives must be indexed');
  const indices = indicesOf(doc, bin, primitive.indices);
  const vertexCount = doc.accessors[primitive.attributes.POSITION!]!.count;
  // remap[old] = new vertex index; `indices` are rewritten in place
  const [remap, uniqueCount] = MeshoptEncoder.reorderMesh(indices, true, true);
  for (const [name, accessorIndex] of Object.entries(primitive.attributes)) {
    const accessor = doc.accessors[accessorIndex]!;
    if (accessor.count !== vertexCount) throw new Error(`attribute ${name} has ${accessor.count} values`);
    const components = accessor.type === 'VEC3' ? 3 : accessor.type === 'SCALAR' ? 1 : 0;
    if (!components) throw new Error(`attribute ${name} has type ${accessor.type}`);
    const source = floatsOf(doc, bin, accessorIndex, components);
    const values = new Float32Array(uniqueCount * components);
    for (let v = 0; v < vertexCount; v++) {
      const target = remap[v]!;
      if (target === 0xffffffff) continue; // vertex used by no triangle
      for (let c = 0; c < components; c++) values[target * components + c] = source[v * components + c]!;
    }
    let stream: Stream;
    if (name === 'POSITION') stream = quantizePositions(accessor, values, uniqueCount, node);
    else if (name === 'NORMAL') stream = quantizeNormals(accessor, values, uniqueCount);
    else stream = floatStream(values, uniqueCount, components);
    accessor.count = uniqueCount;
    delete accessor.byteOffset;
    streams.set(accessor.bufferView!, stream);
  }
  const wide = uniqueCount > 0xffff;
  const indexAccessor = doc.accessors[primitive.indices]!;
  indexAccessor.componentType = wide ? UNSIGNED_INT : UNSIGNED_SHORT;
  delete indexAccessor.byteOffset;
  const indexBytes = wide ? new Uint8Array(indices.buffer) : new Uint8Array(Uint16Array.from(indices).buffer);
  streams.set(indexAccessor.bufferView!, {
    bytes: indexBytes,
    count: indices.length,
    byteStride: wide ? 4 : 2,
    mode: 'TRIANGLES',
    target: ELEMENT_ARRAY_BUFFER,
  });
}

/** uint16 positions on a uniform grid (4th component padding); sets the node's dequantization. */
function quantizePositions(accessor: Accessor, values: Float32Array, count: number, node: Node): Stream {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++)
    for (let c = 0; c < 3; c++) {
      min[c] = Math.min(min[c]!, values[i * 3 + c]!);
      max[c] = Math.max(max[c]!, values[i * 3 + c]!);
    }
  const extent = Math.max(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!);
  const step = extent > 0 ? extent / POSITION_LEVELS : 1;
  const quantized = new Uint16Array(count * 4);
  const qMin = [POSITION_LEVELS, POSITION_LEVELS, POSITION_LEVELS];
  const qMax = [0, 0, 0];
  for (let i = 0; i < count; i++)
    for (let c = 0; c < 3; c++) {
      const q = Math.round((values[i * 3 + c]! - min[c]!) / step);
      quantized[i * 4 + c] = q;
      qMin[c] = Math.min(qMin[c]!, q);
      qMax[c] = Math.max(qMax[c]!, q);
    }
  node.translation = min as number[];
  node.scale = [step, step, step];
  accessor.componentType = UNSIGNED_SHORT;
  accessor.min = qMin;
  accessor.max = qMax;
  return {
    bytes: new Uint8Array(quantized.buffer),
    count,
    byteStride: 8,
    mode: 'ATTRIBUTES',
    target: ARRAY_BUFFER,
  };
}

/** Normalized int8 normals (4th component padding). */
function quantizeNormals(accessor: Accessor, values: Float32Array, count: number): Stream {
  const quantized = new Int8Array(count * 4);
  for (let i = 0; i < count; i++)
    for (let c = 0; c < 3; c++) quantized[i * 4 + c] = Math.round(values[i * 3 + c]! * 127);
  accessor.componentType = BYTE;
  accessor.normalized = true;
  return {
    bytes: new Uint8Array(quantized.buffer),
    count,
    byteStride: 4,
    mode: 'ATTRIBUTES',
    target: ARRAY_BUFFER,
  };
}

/** Float values as they are (feature ids: exact integers in float32). */
function floatStream(values: Float32Array, count: number, components: number): Stream {
  return {
    bytes: new Uint8Array(values.buffer),
    count,
    byteStride: components * 4,
    mode: 'ATTRIBUTES',
    target: ARRAY_BUFFER,
  };
}

/**
 * Buffer 0 (the GLB's BIN chunk) holds the meshopt streams and, unchanged, every other buffer
 * view (property tables); buffer 1 is the fallback the compressed views decode into (no data).
 */
function writeCompressed(doc: Document, bin: Uint8Array, streams: Map<number, Stream>): Uint8Array {
  const blocks: Uint8Array[] = [];
  const encoded = new Map<number, Uint8Array>();
  for (const [viewIndex, view] of doc.bufferViews.entries()) {
    const stream = streams.get(viewIndex);
    if (stream) {
      const bytes = MeshoptEncoder.encodeGltfBuffer(
        stream.bytes,
        stream.count,
        stream.byteStride,
        stream.mode,
        0,
      );
      encoded.set(viewIndex, bytes);
      blocks.push(bytes);
    } else {
      blocks.push(bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength));
    }
  }
  const { bytes, offsets } = packAligned(blocks);
  let fallbackLength = 0;
  for (const [viewIndex, view] of doc.bufferViews.entries()) {
    const stream = streams.get(viewIndex);
    if (!stream) {
      view.buffer = 0;
      view.byteOffset = offsets[viewIndex]!;
      continue;
    }
    view.buffer = 1;
    view.byteOffset = fallbackLength;
    view.byteLength = stream.bytes.byteLength;
    view.target = stream.target;
    if (stream.mode === 'ATTRIBUTES') view.byteStride = stream.byteStride;
    else delete view.byteStride;
    view.extensions = {
      EXT_meshopt_compression: {
        buffer: 0,
        byteOffset: offsets[viewIndex]!,
        byteLength: encoded.get(viewIndex)!.byteLength,
        byteStride: stream.byteStride,
        count: stream.count,
        mode: stream.mode,
      },
    };
    fallbackLength += Math.ceil(stream.bytes.byteLength / 4) * 4;
  }
  doc.buffers = [
    { byteLength: bytes.byteLength },
    { byteLength: fallbackLength, extensions: { EXT_meshopt_compression: { fallback: true } } },
  ];
  const added = ['EXT_meshopt_compression', 'KHR_mesh_quantization'];
  doc.extensionsUsed = [...new Set([...(doc.extensionsUsed ?? []), ...added])];
  doc.extensionsRequired = [...new Set([...(doc.extensionsRequired ?? []), ...added])];
  return writeGlb(doc, bytes);
}
