/**
 * The binary column container of `buildings.bin` and `roads.bin` (docs/binary-dataset.md): a
 * fixed 20-byte preamble, a small JSON header naming the format and its columns, then the columns
 * back to back. Every multi-byte number is little-endian.
 *
 * | bytes | content |
 * |---|---|
 * | 0–3 | magic `TWNC` |
 * | 4–7 | u32 container version (COLUMN_FILE_VERSION) |
 * | 8–11 | u32 header length H, bytes of UTF-8 JSON |
 * | 12–15 | u32 payload length P, bytes of all columns |
 * | 16–19 | u32 CRC-32 (IEEE) of the H + P bytes that follow |
 * | 20 … 20+H | header: `{format, meta, columns: [{name, encoding, count, bytes, scale?}]}` |
 * | 20+H … 20+H+P | the columns in header order |
 *
 * Column encodings: fixed `u8 u16 u32 i8 i16 i32 f64`; `varint-delta2` (interleaved x, y integers,
 * each the zig-zag LEB128 varint of its difference from the value two places before, 0 before
 * the first pair: coordinates on a 0.1 m grid cost 2–3 bytes); `text` (strings joined by "\n",
 * UTF-8). A `scale` stores value × scale as integers (decimetres: scale 10) and reads them back
 * divided, which gives the same float as the decimal JSON number. The reader refuses a file whose
 * magic, version, lengths, checksum, header or columns do not add up, with an InputError naming
 * the file and the problem.
 */
import { InputError } from '../../core/errors.ts';

/** Version of the container layout (the preamble and the column encodings). */
export const COLUMN_FILE_VERSION = 1;
const MAGIC = [0x54, 0x57, 0x4e, 0x43]; // "TWNC"
const PREAMBLE_BYTES = 20;

/** How a column's values are stored. */
export type ColumnEncoding = 'u8' | 'u16' | 'u32' | 'i8' | 'i16' | 'i32' | 'f64' | 'varint-delta2' | 'text';

/**
 * A column to write: numbers with their encoding (and optional scale), or strings. `uint` picks
 * the narrowest of u8, u16 and u32 that holds every stored value.
 */
export type ColumnInput =
  | {
      name: string;
      encoding: Exclude<ColumnEncoding, 'text'> | 'uint';
      values: ArrayLike<number>;
      scale?: number;
    }
  | { name: string; encoding: 'text'; values: readonly string[] };

interface ColumnEntry {
  name: string;
  encoding: ColumnEncoding;
  count: number;
  bytes: number;
  scale?: number;
}

const FIXED: Record<string, { bytes: number; min: number; max: number }> = {
  u8: { bytes: 1, min: 0, max: 0xff },
  u16: { bytes: 2, min: 0, max: 0xffff },
  u32: { bytes: 4, min: 0, max: 0xffffffff },
  i8: { bytes: 1, min: -0x80, max: 0x7f },
  i16: { bytes: 2, min: -0x8000, max: 0x7fff },
  i32: { bytes: 4, min: -0x80000000, max: 0x7fffffff },
  f64: { bytes: 8, min: -Infinity, max: Infinity },
};

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the one of gzip and PNG) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A growable little-endian byte sink. */
class ByteSink {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private room(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }

  fixed(encoding: string, value: number): void {
    this.room(8);
    const at = this.length;
    const v = this.view;
    if (encoding === 'u8') v.setUint8(at, value);
    else if (encoding === 'i8') v.setInt8(at, value);
    else if (encoding === 'u16') v.setUint16(at, value, true);
    else if (encoding === 'i16') v.setInt16(at, value, true);
    else if (encoding === 'u32') v.setUint32(at, value, true);
    else if (encoding === 'i32') v.setInt32(at, value, true);
    else v.setFloat64(at, value, true);
    this.length += FIXED[encoding]!.bytes;
  }

  varint(signed: number): void {
    this.room(8);
    // zig-zag: 0, −1, 1, −2, … → 0, 1, 2, 3, … (arithmetic, exact up to 2^52)
    let z = signed < 0 ? -2 * signed - 1 : 2 * signed;
    while (z >= 0x80) {
      this.buffer[this.length++] = (z % 0x80) | 0x80;
      z = Math.floor(z / 0x80);
    }
    this.buffer[this.length++] = z;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** The integer stored for `value` × `scale`; throws when it is not one (a writer's bug, not input). */
function scaled(name: string, value: number, scale: number, min: number, max: number): number {
  const stored = Math.round(value * scale);
  if (stored / scale !== value || stored < min || stored > max || !Number.isFinite(stored))
    throw new Error(`column ${name}: ${value} does not fit its encoding (scale ${scale}, ${min}..${max})`);
  return stored;
}

/** The narrowest unsigned encoding for `values` × `scale` (u32 when one is out of range: scaled() then throws). */
function narrowestUint(values: ArrayLike<number>, scale: number): 'u8' | 'u16' | 'u32' {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.round(values[i]! * scale));
  return max <= 0xff ? 'u8' : max <= 0xffff ? 'u16' : 'u32';
}

/**
 * Writes a column file of `format` with the small `meta` object (JSON) and `columns`. Throws a
 * plain Error when a value does not fit its column's encoding (the writer chose it wrong).
 */
export function encodeColumnFile(
  format: string,
  meta: Record<string, unknown>,
  columns: readonly ColumnInput[],
): Uint8Array {
  const payload = new ByteSink();
  const entries: ColumnEntry[] = [];
  for (const column of columns) {
    const start = payload.length;
    let encoding: ColumnEncoding = 'text';
    if (column.encoding === 'text') {
      if (column.values.some((s) => s.includes('\n')))
        throw new Error(`column ${column.name}: a string contains a line break`);
      payload.bytes(new TextEncoder().encode(column.values.join('\n')));
    } else {
      const scale = column.scale ?? 1;
      const { values, name } = column;
      encoding = column.encoding === 'uint' ? narrowestUint(values, scale) : column.encoding;
      if (encoding === 'varint-delta2') {
        if (values.length % 2 !== 0) throw new Error(`column ${name}: expected x, y pairs`);
        for (let i = 0; i < values.length; i++) {
          const v = scaled(name, values[i]!, scale, -(2 ** 50), 2 ** 50);
          const before = i >= 2 ? scaled(name, values[i - 2]!, scale, -(2 ** 50), 2 ** 50) : 0;
          payload.varint(v - before);
        }
      } else {
        const { min, max } = FIXED[encoding]!;
        for (let i = 0; i < values.length; i++)
          payload.fixed(
            encoding,
            encoding === 'f64' ? values[i]! : scaled(name, values[i]!, scale, min, max),
          );
      }
    }
    entries.push({
      name: column.name,
      encoding,
      count: column.values.length,
      bytes: payload.length - start,
      ...(column.encoding !== 'text' && column.scale !== undefined ? { scale: column.scale } : {}),
    });
  }
  const header = new TextEncoder().encode(JSON.stringify({ format, meta, columns: entries }));
  const body = new Uint8Array(header.length + payload.length);
  body.set(header);
  body.set(payload.result(), header.length);
  const out = new Uint8Array(PREAMBLE_BYTES + body.length);
  out.set(MAGIC);
  const view = new DataView(out.buffer);
  view.setUint32(4, COLUMN_FILE_VERSION, true);
  view.setUint32(8, header.length, true);
  view.setUint32(12, payload.length, true);
  view.setUint32(16, crc32(body), true);
  out.set(body, PREAMBLE_BYTES);
  return out;
}

/** A decoded column file: its meta object and its columns by name. */
export interface ColumnFile {
  meta: Record<string, unknown>;
  /** The numbers of column `name` (values / scale); InputError when missing or not numeric. */
  numbers(name: string, count?: number): number[];
  /** The strings of text column `name`; InputError when missing or not text. */
  strings(name: string, count?: number): string[];
}

/**
 * Reads a column file written by encodeColumnFile and checks it is `format`; every problem (not
 * this container, another version, truncated, checksum mismatch, garbled header or column,
 * another format, a column of the wrong length) is an InputError naming `file`.
 */
export function decodeColumnFile(bytes: Uint8Array, file: string, format: string): ColumnFile {
  const fail = (message: string): never => {
    throw new InputError(message, file);
  };
  if (bytes.length < PREAMBLE_BYTES || MAGIC.some((m, i) => bytes[i] !== m)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 16)).trimStart();
    fail(
      `not a twin binary column file (expected the bytes "TWNC" at the start${
        start.startsWith('<')
          ? '; this is HTML, not the data file'
          : start.startsWith('{')
            ? '; this is JSON'
            : ''
      })`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== COLUMN_FILE_VERSION)
    fail(
      `container version ${version}; this reader knows version ${COLUMN_FILE_VERSION} (rebuild with \`twin data build\`)`,
    );
  const headerBytes = view.getUint32(8, true);
  const payloadBytes = view.getUint32(12, true);
  const expected = PREAMBLE_BYTES + headerBytes + payloadBytes;
  if (expected !== bytes.length)
    fail(`the file is ${bytes.length} bytes but its preamble says ${expected} (truncated or garbled)`);
  const body = bytes.subarray(PREAMBLE_BYTES);
  if (crc32(body) !== view.getUint32(16, true)) fail('checksum mismatch: the file is garbled');
  let header: { format?: unknown; meta?: unknown; columns?: unknown };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, headerBytes)));
  } catch {
    return fail('garbled header (not UTF-8 JSON)');
  }
  if (header.format !== format) fail(`expected format "${format}", found ${JSON.stringify(header.format)}`);
  if (!Array.isArray(header.columns) || typeof header.meta !== 'object' || header.meta === null)
    fail('header without columns or meta');
  const entries = new Map<string, { entry: ColumnEntry; offset: number }>();
  let offset = PREAMBLE_BYTES + headerBytes;
  for (const entry of header.columns as ColumnEntry[]) {
    entries.set(entry.name, { entry, offset });
    offset += entry.bytes;
  }
  if (offset !== bytes.length) fail('the columns do not add up to the payload length');

  const column = (name: string, count: number | undefined, text: boolean) => {
    const found = entries.get(name) ?? fail(`column "${name}" is missing`);
    if ((found.entry.encoding === 'text') !== text)
      fail(`column "${name}" is ${found.entry.encoding}, expected ${text ? 'text' : 'numbers'}`);
    if (count !== undefined && found.entry.count !== count)
      fail(`column "${name}" has ${found.entry.count} values, expected ${count}`);
    return found;
  };
  return {
    meta: header.meta as Record<string, unknown>,
    strings(name, count) {
      const { entry, offset: at } = column(name, count, true);
      if (entry.count === 0) return [];
      const values = new TextDecoder().decode(bytes.subarray(at, at + entry.bytes)).split('\n');
      if (values.length !== entry.count) fail(`column "${name}" is garbled (${values.length} strings)`);
      return values;
    },
    numbers(name, count) {
      const { entry, offset: at } = column(name, count, false);
      const scale = entry.scale ?? 1;
      const out = new Array<number>(entry.count);
      const end = at + entry.bytes;
      if (entry.encoding === 'varint-delta2') {
        let p = at;
        for (let i = 0; i < entry.count; i++) {
          let z = 0;
          let factor = 1;
          for (;;) {
            if (p >= end) fail(`column "${name}" is garbled (varints run past its end)`);
            const byte = bytes[p++]!;
            z += (byte & 0x7f) * factor;
            if (byte < 0x80) break;
            factor *= 0x80;
          }
          const delta = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
          out[i] = i >= 2 ? out[i - 2]! + delta : delta;
        }
        if (p !== end) fail(`column "${name}" is garbled (bytes left after its varints)`);
        if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] = out[i]! / scale;
        return out;
      }
      const width =
        FIXED[entry.encoding]?.bytes ?? fail(`column "${name}": unknown encoding ${entry.encoding}`);
      if (entry.bytes !== width * entry.count) fail(`column "${name}" is garbled (wrong byte length)`);
      const read = {
        u8: (i: number) => view.getUint8(i),
        i8: (i: number) => view.getInt8(i),
        u16: (i: number) => view.getUint16(i, true),
        i16: (i: number) => view.getInt16(i, true),
        u32: (i: number) => view.getUint32(i, true),
        i32: (i: number) => view.getInt32(i, true),
        f64: (i: number) => view.getFloat64(i, true),
      }[entry.encoding as 'u8'];
      for (let i = 0; i < entry.count; i++) out[i] = read(at + i * width) / scale;
      return out;
    },
  };
}
