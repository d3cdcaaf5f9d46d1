/**
 * OpenStreetMap PBF reader (format: https://wiki.openstreetmap.org/wiki/PBF_Format).
 *
 * A file is a sequence of [int32 big-endian header length][BlobHeader][Blob]; each Blob holds a
 * raw or zlib-compressed HeaderBlock ("OSMHeader") or PrimitiveBlock ("OSMData"). Primitive blocks
 * carry a string table and groups of Nodes, DenseNodes (delta-coded ids and coordinates, tags in
 * one `keys_vals` array with 0 separators), Ways (delta-coded refs) and Relations (delta-coded
 * member ids). Coordinates are `1e-9 * (offset + granularity * value)` degrees.
 * Protobuf decoding uses `pbf`; zlib uses `fflate`.
 */
import { unzlibSync } from 'fflate';
import { PbfReader as Pbf } from 'pbf';
import { InputError } from '../../core/errors.ts';
import type {
  OsmBounds,
  OsmData,
  OsmMemberType,
  OsmRelation,
  OsmTaggedNode,
  OsmTags,
  OsmWay,
} from './osmTypes.ts';

const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
const MEMBER_TYPES: readonly OsmMemberType[] = ['node', 'way', 'relation'];
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

/** Growable coordinate table, so 100k+ nodes do not become 100k objects. */
class NodeTable {
  index = new Map<number, number>();
  longitudes = new Float64Array(1024);
  latitudes = new Float64Array(1024);
  count = 0;

  add(id: number, longitudeDegrees: number, latitudeDegrees: number): void {
    if (this.count === this.longitudes.length) {
      const lon = new Float64Array(this.count * 2);
      const lat = new Float64Array(this.count * 2);
      lon.set(this.longitudes);
      lat.set(this.latitudes);
      this.longitudes = lon;
      this.latitudes = lat;
    }
    this.index.set(id, this.count);
    this.longitudes[this.count] = longitudeDegrees;
    this.latitudes[this.count] = latitudeDegrees;
    this.count++;
  }
}

interface BlockContext {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

interface Collector {
  nodes: NodeTable;
  taggedNodes: OsmTaggedNode[];
  ways: OsmWay[];
  relations: OsmRelation[];
}

/**
 * Decodes a whole `.osm.pbf` file. Throws InputError naming the byte offset for a truncated or
 * corrupt file, or for an unsupported compression / required feature.
 */
export function readOsmPbf(bytes: Uint8Array): OsmData {
  const collector: Collector = { nodes: new NodeTable(), taggedNodes: [], ways: [], relations: [] };
  let bounds: OsmBounds | undefined;
  let requiredFeatures: string[] = [];
  let sawHeader = false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let blobNumber = 0;
  while (pos < bytes.length) {
    const where = `blob ${blobNumber} at byte ${pos}`;
    if (pos + 4 > bytes.length)
      throw new InputError([{ path: where, message: 'truncated file (blob length)' }]);
    const headerLength = view.getInt32(pos, false);
    pos += 4;
    if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
      throw new InputError([{ path: where, message: `not an OSM PBF file (header length ${headerLength})` }]);
    }
    if (pos + headerLength > bytes.length)
      throw new InputError([{ path: where, message: 'truncated file (header)' }]);
    const header = guard(where, () => readBlobHeader(bytes.subarray(pos, pos + headerLength)));
    pos += headerLength;
    if (header.dataSize < 0 || header.dataSize > MAX_BLOB_BYTES) {
      throw new InputError([{ path: where, message: `bad blob size ${header.dataSize}` }]);
    }
    if (pos + header.dataSize > bytes.length) {
      throw new InputError([{ path: where, message: 'truncated file (blob data)' }]);
    }
    const payload = guard(where, () => readBlob(bytes.subarray(pos, pos + header.dataSize)));
    pos += header.dataSize;
    if (header.type === 'OSMHeader') {
      const h = guard(where, () => readHeaderBlock(payload));
      const unsupported = h.requiredFeatures.filter((f) => !SUPPORTED_FEATURES.has(f));
      if (unsupported.length > 0) {
        throw new InputError([
          { path: where, message: `unsupported required feature(s): ${unsupported.join(', ')}` },
        ]);
      }
      bounds = h.bounds;
      requiredFeatures = h.requiredFeatures;
      sawHeader = true;
    } else if (header.type === 'OSMData') {
      if (!sawHeader)
        throw new InputError([{ path: where, message: 'OSMData blob before the OSMHeader blob' }]);
      guard(where, () => readPrimitiveBlock(payload, collector));
    }
    // Other blob types are skipped, as the format allows.
    blobNumber++;
  }
  if (!sawHeader) throw new InputError('not an OSM PBF file (no OSMHeader blob)');
  const nodes = collector.nodes;
  return {
    bounds,
    requiredFeatures,
    nodeCount: nodes.count,
    nodeIndex: nodes.index,
    longitudes: nodes.longitudes.subarray(0, nodes.count),
    latitudes: nodes.latitudes.subarray(0, nodes.count),
    taggedNodes: collector.taggedNodes,
    ways: collector.ways,
    relations: collector.relations,
  };
}

/** Runs a decoding step; any low-level failure becomes an InputError at `where`. */
function guard<T>(where: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError([{ path: where, message: `corrupt data (${message})` }]);
  }
}

function readBlobHeader(bytes: Uint8Array): { type: string; dataSize: number } {
  const result = { type: '', dataSize: -1 };
  new Pbf(bytes).readFields((tag, r, pbf) => {
    if (tag === 1) r.type = pbf.readString();
    else if (tag === 3) r.dataSize = pbf.readVarint();
  }, result);
  if (result.type === '' || result.dataSize < 0) throw new Error('BlobHeader lacks type or datasize');
  return result;
}

function readBlob(bytes: Uint8Array): Uint8Array {
  const result: { raw?: Uint8Array; zlib?: Uint8Array; rawSize: number; other: number } = {
    rawSize: -1,
    other: 0,
  };
  new Pbf(bytes).readFields((tag, r, pbf) => {
    if (tag === 1) r.raw = pbf.readBytes();
    else if (tag === 2) r.rawSize = pbf.readVarint();
    else if (tag === 3) r.zlib = pbf.readBytes();
    else if (tag >= 4 && tag <= 7) r.other = tag;
  }, result);
  if (result.raw) return result.raw;
  if (result.zlib) {
    // Inflate into at most MAX_BLOB_BYTES + 1 bytes, so a zip bomb cannot take the memory.
    const limit = (result.rawSize >= 0 ? Math.min(result.rawSize, MAX_BLOB_BYTES) : MAX_BLOB_BYTES) + 1;
    const out = unzlibSync(result.zlib, { out: new Uint8Array(limit) });
    if (out.length > MAX_BLOB_BYTES) throw new Error(`a blob inflates beyond ${MAX_BLOB_BYTES} bytes`);
    if (result.rawSize >= 0 && out.length !== result.rawSize) {
      throw new Error(`inflated ${out.length} bytes, header says ${result.rawSize}`);
    }
    return out;
  }
  const names: Record<number, string> = { 4: 'lzma', 5: 'bzip2', 6: 'lz4', 7: 'zstd' };
  throw new InputError(`unsupported blob compression ${names[result.other] ?? 'none'} (only raw and zlib)`);
}

function readHeaderBlock(bytes: Uint8Array): { bounds: OsmBounds | undefined; requiredFeatures: string[] } {
  const result: { bounds: OsmBounds | undefined; requiredFeatures: string[] } = {
    bounds: undefined,
    requiredFeatures: [],
  };
  new Pbf(bytes).readFields((tag, r, pbf) => {
    if (tag === 1) {
      const b = { left: 0, right: 0, top: 0, bottom: 0 };
      pbf.readMessage((t, bb, p) => {
        if (t === 1) bb.left = p.readSVarint();
        else if (t === 2) bb.right = p.readSVarint();
        else if (t === 3) bb.top = p.readSVarint();
        else if (t === 4) bb.bottom = p.readSVarint();
      }, b);
      r.bounds = {
        westDegrees: b.left * 1e-9,
        eastDegrees: b.right * 1e-9,
        southDegrees: b.bottom * 1e-9,
        northDegrees: b.top * 1e-9,
      };
    } else if (tag === 4) r.requiredFeatures.push(pbf.readString());
  }, result);
  return result;
}

function readPrimitiveBlock(bytes: Uint8Array, out: Collector): void {
  const pbf = new Pbf(bytes);
  // Pass 1: string table and coordinate parameters (they may follow the groups on the wire).
  const ctx: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  const groups: Array<[number, number]> = [];
  pbf.readFields((tag, c, p) => {
    if (tag === 1) {
      p.readMessage((t, s, q) => {
        if (t === 1) s.push(q.readString());
      }, c.strings);
    } else if (tag === 2) {
      const length = p.readVarint();
      groups.push([p.pos, p.pos + length]);
      p.pos += length;
    } else if (tag === 17) c.granularity = p.readVarint();
    else if (tag === 19) c.latOffset = p.readVarint(true);
    else if (tag === 20) c.lonOffset = p.readVarint(true);
  }, ctx);
  for (const [start, end] of groups) {
    pbf.pos = start;
    readGroup(pbf, end, ctx, out);
  }
}

function readGroup(pbf: Pbf, end: number, ctx: BlockContext, out: Collector): void {
  while (pbf.pos < end) {
    const value = pbf.readVarint();
    const tag = value >> 3;
    const length = pbf.readVarint();
    const fieldEnd = pbf.pos + length;
    if ((value & 7) !== 2) throw new Error(`unexpected wire type in PrimitiveGroup field ${tag}`);
    if (tag === 1) readNode(pbf, fieldEnd, ctx, out);
    else if (tag === 2) readDenseNodes(pbf, fieldEnd, ctx, out);
    else if (tag === 3) out.ways.push(readWay(pbf, fieldEnd, ctx));
    else if (tag === 4) out.relations.push(readRelation(pbf, fieldEnd, ctx));
    pbf.pos = fieldEnd;
  }
}

function tagsOf(keys: number[], values: number[], strings: string[]): OsmTags {
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[stringAt(strings, keys[i]!)] = stringAt(strings, values[i]!);
  return tags;
}

function stringAt(strings: string[], i: number): string {
  const s = strings[i];
  if (s === undefined) throw new Error(`string index ${i} outside the string table (${strings.length})`);
  return s;
}

function readNode(pbf: Pbf, end: number, ctx: BlockContext, out: Collector): void {
  const n = { id: 0, keys: [] as number[], values: [] as number[], lat: 0, lon: 0 };
  pbf.readFields(
    (tag, r, p) => {
      if (tag === 1) r.id = p.readSVarint();
      else if (tag === 2) p.readPackedVarint(r.keys);
      else if (tag === 3) p.readPackedVarint(r.values);
      else if (tag === 8) r.lat = p.readSVarint();
      else if (tag === 9) r.lon = p.readSVarint();
    },
    n,
    end,
  );
  const lon = 1e-9 * (ctx.lonOffset + ctx.granularity * n.lon);
  const lat = 1e-9 * (ctx.latOffset + ctx.granularity * n.lat);
  out.nodes.add(n.id, lon, lat);
  if (n.keys.length > 0) {
    out.taggedNodes.push({
      id: n.id,
      longitudeDegrees: lon,
      latitudeDegrees: lat,
      tags: tagsOf(n.keys, n.values, ctx.strings),
    });
  }
}

function readDenseNodes(pbf: Pbf, end: number, ctx: BlockContext, out: Collector): void {
  const d = { ids: [] as number[], lats: [] as number[], lons: [] as number[], keysVals: [] as number[] };
  pbf.readFields(
    (tag, r, p) => {
      if (tag === 1) p.readPackedSVarint(r.ids);
      else if (tag === 8) p.readPackedSVarint(r.lats);
      else if (tag === 9) p.readPackedSVarint(r.lons);
      else if (tag === 10) p.readPackedVarint(r.keysVals);
    },
    d,
    end,
  );
  if (d.lats.length !== d.ids.length || d.lons.length !== d.ids.length) {
    throw new Error('DenseNodes id/lat/lon arrays differ in length');
  }
  let id = 0;
  let lat = 0;
  let lon = 0;
  let kv = 0;
  const hasTags = d.keysVals.length > 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i]!;
    lat += d.lats[i]!;
    lon += d.lons[i]!;
    const lonDegrees = 1e-9 * (ctx.lonOffset + ctx.granularity * lon);
    const latDegrees = 1e-9 * (ctx.latOffset + ctx.granularity * lat);
    out.nodes.add(id, lonDegrees, latDegrees);
    if (!hasTags) continue;
    let tags: OsmTags | undefined;
    while (kv < d.keysVals.length && d.keysVals[kv] !== 0) {
      const key = stringAt(ctx.strings, d.keysVals[kv]!);
      const valueIndex = d.keysVals[kv + 1];
      if (valueIndex === undefined) throw new Error('DenseNodes keys_vals ends inside a key/value pair');
      tags ??= {};
      tags[key] = stringAt(ctx.strings, valueIndex);
      kv += 2;
    }
    kv++; // the 0 that ends this node's tags
    if (tags) out.taggedNodes.push({ id, longitudeDegrees: lonDegrees, latitudeDegrees: latDegrees, tags });
  }
}

function readWay(pbf: Pbf, end: number, ctx: BlockContext): OsmWay {
  const w = { id: 0, keys: [] as number[], values: [] as number[], refs: [] as number[] };
  pbf.readFields(
    (tag, r, p) => {
      if (tag === 1) r.id = p.readVarint(true);
      else if (tag === 2) p.readPackedVarint(r.keys);
      else if (tag === 3) p.readPackedVarint(r.values);
      else if (tag === 8) p.readPackedSVarint(r.refs);
    },
    w,
    end,
  );
  let ref = 0;
  for (let i = 0; i < w.refs.length; i++) {
    ref += w.refs[i]!;
    w.refs[i] = ref;
  }
  return { id: w.id, refs: w.refs, tags: tagsOf(w.keys, w.values, ctx.strings) };
}

function readRelation(pbf: Pbf, end: number, ctx: BlockContext): OsmRelation {
  const r0 = {
    id: 0,
    keys: [] as number[],
    values: [] as number[],
    roles: [] as number[],
    memberIds: [] as number[],
    types: [] as number[],
  };
  pbf.readFields(
    (tag, r, p) => {
      if (tag === 1) r.id = p.readVarint(true);
      else if (tag === 2) p.readPackedVarint(r.keys);
      else if (tag === 3) p.readPackedVarint(r.values);
      else if (tag === 8) p.readPackedVarint(r.roles, true);
      else if (tag === 9) p.readPackedSVarint(r.memberIds);
      else if (tag === 10) p.readPackedVarint(r.types);
    },
    r0,
    end,
  );
  if (r0.roles.length !== r0.memberIds.length || r0.types.length !== r0.memberIds.length) {
    throw new Error(`relation ${r0.id}: member arrays differ in length`);
  }
  let ref = 0;
  const members = r0.memberIds.map((delta, i) => {
    ref += delta;
    const type = MEMBER_TYPES[r0.types[i]!];
    if (!type) throw new Error(`relation ${r0.id}: unknown member type ${r0.types[i]}`);
    return { type, ref, role: stringAt(ctx.strings, r0.roles[i]!) };
  });
  return { id: r0.id, members, tags: tagsOf(r0.keys, r0.values, ctx.strings) };
}
