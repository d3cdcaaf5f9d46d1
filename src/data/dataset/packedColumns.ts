/**
 * Long number arrays packed as Float64Arrays for a trip between threads: a structured clone copies
 * a typed array as one block but a JS array element by element (the road graph's columns took
 * ≈ 0.1–0.5 s to arrive on the page that way). `packColumns` replaces every array of at least
 * PACKED_MIN_LENGTH numbers inside plain objects and arrays; `unpackColumns` turns them back into
 * arrays, equal to the originals (doubles are exact either way).
 */

/** Arrays shorter than this stay as they are (GeoJSON positions, small lists). */
const PACKED_MIN_LENGTH = 256;

/** `T` with its long number arrays packed (opaque: unpack it to read it). */
export type Packed<T> = { readonly packedColumnsOf: T };

function isLongNumberArray(value: unknown): value is number[] {
  return (
    Array.isArray(value) && value.length >= PACKED_MIN_LENGTH && value.every((v) => typeof v === 'number')
  );
}

function mapTree(value: unknown, leaf: (v: unknown) => unknown | undefined): unknown {
  const replaced = leaf(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((v) => mapTree(v, leaf));
  if (
    value !== null &&
    typeof value === 'object' &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof ArrayBuffer)
  )
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTree(v, leaf)]));
  return value;
}

/** `value` with every long number array as a Float64Array. */
export function packColumns<T>(value: T): Packed<T> {
  return mapTree(value, (v) => (isLongNumberArray(v) ? Float64Array.from(v) : undefined)) as Packed<T>;
}

/** The value `packColumns` packed, its Float64Arrays back as number arrays. */
export function unpackColumns<T>(packed: Packed<T>): T {
  return mapTree(packed, (v) => (v instanceof Float64Array ? Array.from(v) : undefined)) as T;
}
