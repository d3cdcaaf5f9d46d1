/**
 * Binary glTF (GLB) container: a 12-byte header, a JSON chunk padded with spaces and a BIN chunk
 * padded with zeros, each to 4 bytes (glTF 2.0 specification, §4.4 "Binary glTF Layout").
 */

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'

/** Concatenates byte blocks into one buffer, each starting on an 8-byte boundary (EXT_structural_metadata
 * requires 8-byte alignment for property table buffer views). Returns the buffer and each block's offset. */
export function packAligned(blocks: readonly Uint8Array[]): { bytes: Uint8Array; offsets: number[] } {
  const offsets: number[] = [];
  let length = 0;
  for (const block of blocks) {
    length = align(length, 8);
    offsets.push(length);
    length += block.byteLength;
  }
  const bytes = new Uint8Array(align(length, 8));
  blocks.forEach((block, i) => {
    bytes.set(block, offsets[i]!);
  });
  return { bytes, offsets };
}

/** Writes a GLB from a glTF JSON document and its single binary buffer (buffer 0). */
export function writeGlb(json: object, bin: Uint8Array): Uint8Array {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = align(jsonBytes.byteLength, 4);
  const binLength = align(bin.byteLength, 4);
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const glb = new Uint8Array(total);
  const view = new DataView(glb.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, CHUNK_JSON, true);
  glb.set(jsonBytes, 20);
  glb.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLength);
  const binHeader = 20 + jsonLength;
  view.setUint32(binHeader, binLength, true);
  view.setUint32(binHeader + 4, CHUNK_BIN, true);
  glb.set(bin, binHeader + 8);
  return glb;
}

/** Splits a GLB into its JSON document and BIN chunk (a view, not a copy). Throws on a malformed file. */
export function readGlb(glb: Uint8Array): { json: GltfJson; bin: Uint8Array } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== GLB_MAGIC || view.getUint32(4, true) !== 2) {
    throw new Error('not a glTF 2.0 binary (GLB) file');
  }
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as GltfJson;
  const binHeader = 20 + jsonLength;
  if (binHeader + 8 > glb.byteLength) return { json, bin: new Uint8Array(0) };
  const binLength = view.getUint32(binHeader, true);
  return { json, bin: glb.subarray(binHeader + 8, binHeader + 8 + binLength) };
}

/** The parts of a glTF JSON document the readers here touch. */
export interface GltfJson {
  bufferViews?: Array<{ buffer: number; byteOffset?: number; byteLength: number }>;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

function align(length: number, boundary: number): number {
  return Math.ceil(length / boundary) * boundary;
}
