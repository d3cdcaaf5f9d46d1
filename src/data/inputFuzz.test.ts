/**
 * Property-based tests of every file parser (issue 13): random and mutated inputs may only end
 * in a value or an InputError, within bounded time, and no non-finite number (NaN only where a
 * grid has no data) reaches a parsed output. Fixed seed: the same cases on every run.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownExtract } from '../../tests/fixtures/osm/smallTown.ts';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import { parseEsriAscii } from './grid/esriAscii.ts';
import { readGeoTiff } from './grid/geoTiff.ts';
import { readGrid } from './grid/readGrid.ts';
import { readOsmPbf } from './osm/pbfReader.ts';
import { parseTntpNetwork } from './tntp/net.ts';
import { parseTntpTrips } from './tntp/trips.ts';
import { float32GeoTiff } from '../../tests/fixtures/grid/float32GeoTiff.ts';

const SEED = 13;
/** Cases per property; the file runs in well under 20 s. */
const RUNS = 300;
/** Longest a single parse may take, ms (generous: the test machine is shared). */
const MAX_PARSE_MS = 2000;

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/traffic/${name}`, import.meta.url), 'utf8');

/** Text that tends to break parsers: huge, tiny, non-finite, separators, markers. */
const NASTY_TOKENS = [
  '1e300',
  '-1e300',
  '1e400',
  '1e-300',
  'NaN',
  'Infinity',
  '-Infinity',
  '2e8',
  '1e10',
  '99999999999999999999',
  '-1',
  '0',
  '-0',
  '0x10',
  '',
  ' ',
  '~',
  ';',
  ':',
  ',',
  '\n',
  '\r\n',
  '\uFEFF',
  '<END OF METADATA>',
  '<NUMBER OF NODES> 200000000',
  'Origin 1',
  'ncols 1000000000',
  'nodata_value',
  '"',
  '[',
  '{',
  '}',
  ']',
];

const numberish = fc.oneof(
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.double().map(String),
  fc.constantFrom(...NASTY_TOKENS.slice(0, 14)),
);

type TextEdit = { at: number; remove: number; insert: string };
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...NASTY_TOKENS)),
});

/** A valid text with 1–6 random edits (insert, delete or replace at random places). */
function mutatedText(valid: string): fc.Arbitrary<string> {
  return fc.array(textEdit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, { at, remove, insert }) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + remove);
    }, valid),
  );
}

type ByteEdit = { at: number; kind: 'set' | 'truncate' | 'insert'; bytes: number[] };
const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'truncate', 'insert'),
  bytes: fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)), {
    minLength: 1,
    maxLength: 8,
  }),
});

/** Valid bytes with 1–6 random edits (overwrite, truncate or insert). */
function mutatedBytes(valid: Uint8Array, keepHead = 0): fc.Arbitrary<Uint8Array> {
  return fc.array(byteEdit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = valid.slice();
    for (const { at, kind, bytes: b } of edits) {
      const i = keepHead + (at % Math.max(1, bytes.length - keepHead));
      if (kind === 'truncate') bytes = bytes.slice(0, Math.max(keepHead, i));
      else if (kind === 'insert')
        bytes = Uint8Array.from([...bytes.subarray(0, i), ...b, ...bytes.subarray(i)]);
      else for (let k = 0; k < b.length && i + k < bytes.length; k++) bytes[i + k] = b[k]!;
    }
    return bytes;
  });
}

/** Every number inside `value` (objects, arrays, maps, typed arrays). */
function* numbersIn(value: unknown, seen = new Set<unknown>()): Generator<number> {
  if (typeof value === 'number') yield value;
  else if (typeof value === 'bigint' || value === null || typeof value !== 'object' || seen.has(value))
    return;
  else {
    seen.add(value);
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      for (const v of value as unknown as Iterable<number | bigint>) yield Number(v);
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        yield* numbersIn(k, seen);
        yield* numbersIn(v, seen);
      }
    } else for (const v of Object.values(value)) yield* numbersIn(v, seen);
  }
}

const infinite = (v: number) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;

/**
 * Runs `parse`; it must finish within MAX_PARSE_MS and either return (then `check` the output)
 * or throw an InputError. Returns whether it parsed.
 */
async function parsesOrInputError<T>(
  parse: () => T | Promise<T>,
  check: (output: T) => void,
): Promise<boolean> {
  const started = performance.now();
  let output: T;
  try {
    output = await parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    return false;
  } finally {
    expect(performance.now() - started).toBeLessThan(MAX_PARSE_MS);
  }
  check(output);
  return true;
}

/** No NaN or ±Infinity anywhere. */
const allFinite = (output: unknown) => {
  for (const v of numbersIn(output)) expect(Number.isFinite(v)).toBe(true);
};

/** Grids: finite header; values finite or NaN (no data), never ±Infinity. */
const finiteGrid = (grid: Awaited<ReturnType<typeof readGrid>>) => {
  const { values, ...header } = grid;
  allFinite(header);
  expect(grid.columns >= 1 && grid.rows >= 1 && grid.cellSizeMetres > 0).toBe(true);
  expect(values.length).toBe(grid.columns * grid.rows);
  for (const v of values) expect(infinite(v)).toBe(false);
};

/** Runs a property with the fixed seed; returns how many of its cases parsed (for a sanity check). */
async function check<T>(arbitrary: fc.Arbitrary<T>, run: (input: T) => Promise<boolean>): Promise<number> {
  let parsed = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      if (await run(input)) parsed++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  return parsed;
}

const NET = fixture('two-route_net.tntp');
const TRIPS = fixture('two-route_trips.tntp');

describe('fuzz: TNTP network', () => {
  const parse = (text: string) => parsesOrInputError(() => parseTntpNetwork(text), allFinite);
  it(`mutated files (${RUNS} cases)`, async () => {
    await check(mutatedText(NET), parse);
  });
  it(`random headers and link rows (${RUNS} cases)`, async () => {
    const row = fc.array(numberish, { minLength: 8, maxLength: 11 }).map((f) => `${f.join('\t')}\t;`);
    const text = fc
      .record({ zones: numberish, nodes: numberish, links: numberish, rows: fc.array(row, { maxLength: 6 }) })
      .map(
        (r) =>
          `<NUMBER OF ZONES> ${r.zones}\n<NUMBER OF NODES> ${r.nodes}\n<NUMBER OF LINKS> ${r.links}\n` +
          `<END OF METADATA>\n${r.rows.join('\n')}\n`,
      );
    await check(text, parse);
  });
});

describe('fuzz: TNTP trips', () => {
  const parse = (text: string) => parsesOrInputError(() => parseTntpTrips(text), allFinite);
  it(`mutated files (${RUNS} cases)`, async () => {
    await check(mutatedText(TRIPS), parse);
  });
  it(`random zone counts and pairs (${RUNS} cases)`, async () => {
    const pair = fc.tuple(numberish, numberish).map(([d, f]) => `${d} : ${f};`);
    const text = fc
      .record({ zones: numberish, origin: numberish, pairs: fc.array(pair, { maxLength: 6 }) })
      .map(
        (r) => `<NUMBER OF ZONES> ${r.zones}\n<END OF METADATA>\nOrigin ${r.origin}\n${r.pairs.join(' ')}\n`,
      );
    await check(text, parse);
  });
});

const ESRI =
  'ncols 3\nnrows 2\nxllcorner 500000\nyllcorner 1200000\ncellsize 10\nNODATA_value -9999\n1 2 3\n4 -9999 6.5\n';

describe('fuzz: ESRI ASCII grid', () => {
  const parse = (text: string) => parsesOrInputError(() => parseEsriAscii(text), finiteGrid);
  it(`mutated files (${RUNS} cases)`, async () => {
    await check(mutatedText(ESRI), parse);
  });
  it(`random headers and values (${RUNS} cases)`, async () => {
    const text = fc
      .record({
        ncols: numberish,
        nrows: numberish,
        x: numberish,
        y: numberish,
        cell: numberish,
        values: fc.array(numberish, { maxLength: 12 }),
      })
      .map(
        (r) =>
          `ncols ${r.ncols}\nnrows ${r.nrows}\nxllcorner ${r.x}\nyllcorner ${r.y}\ncellsize ${r.cell}\n` +
          `${r.values.join(' ')}\n`,
      );
    await check(text, parse);
  });
});

/** A 4×3 float32 GeoTIFF with georeferencing and NODATA (uncompressed strips). */
const TIFF = new Uint8Array(
  float32GeoTiff(new Float32Array([1.5, 2, 3, 4, -9999, 6, 7, 8, 9, 10, 11, 12]), 4, 3, {
    westMetres: 500000,
    northMetres: 1200030,
    cellMetres: 10,
    nodata: -9999,
  }),
);

describe('fuzz: GeoTIFF header and pixels', () => {
  const parse = (bytes: Uint8Array) =>
    parsesOrInputError(() => readGeoTiff(bytes.slice().buffer as ArrayBuffer), finiteGrid);
  it(`mutated files, TIFF signature kept (${RUNS} cases)`, async () => {
    expect(await parse(TIFF)).toBe(true);
    await check(mutatedBytes(TIFF, 4), parse);
  });
  it(`random bytes after a TIFF signature, and any bytes through readGrid (${RUNS} cases)`, async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x49, 0x49, 42, 0, ...b])),
      fc.uint8Array({ maxLength: 200 }),
    );
    await check(bytes, (b) =>
      parsesOrInputError(() => readGrid(b.slice().buffer as ArrayBuffer), finiteGrid),
    );
  });
});

const PBF = encodeOsmPbf(smallTownExtract());

describe('fuzz: OSM PBF blocks', () => {
  const parse = (bytes: Uint8Array) => parsesOrInputError(() => readOsmPbf(bytes), allFinite);
  it(`mutated files (${RUNS} cases)`, async () => {
    await check(mutatedBytes(PBF), parse);
  });
  it(`random bytes (${RUNS} cases)`, async () => {
    await check(fc.uint8Array({ maxLength: 300 }), parse);
  });
});

describe('fuzz: JSON with positions', () => {
  /** The same value as JSON.parse when that accepts the text, else an InputError at a line and column inside it. */
  const parsedOrLocated = (text: string) =>
    parsesOrInputError(
      () => {
        try {
          return parseJsonText(text, 'fuzz.json');
        } catch (error) {
          const where = /^fuzz\.json: line (\d+), column (\d+): /.exec((error as Error).message);
          expect(where).not.toBeNull();
          const lines = text.replace(/^\uFEFF/, '').split('\n');
          const line = Number(where![1]);
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(Number(where![2])).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
          throw error;
        }
      },
      (value) => {
        expect(value).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')));
        allFinite(value);
      },
    );
  it(`valid documents parse to JSON.parse's value (${RUNS} cases)`, async () => {
    expect(await check(fc.json({ maxDepth: 4 }), parsedOrLocated)).toBe(RUNS);
  });
  it(`mutated documents: the same value or a position inside the text (${RUNS} cases)`, async () => {
    const doc = fc.json({ maxDepth: 4 }).map((t) => JSON.stringify(JSON.parse(t), null, 2));
    await check(doc.chain(mutatedText), parsedOrLocated);
  });
  it(`a trailing comma is reported at the comma (${RUNS} cases)`, async () => {
    const doc = fc
      .array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 5 })
      .map((items) => JSON.stringify(items, null, 2));
    await check(doc, async (text) => {
      // A comma after the last element: `..., last,\n]`.
      const close = text.lastIndexOf('\n]');
      const before = text.slice(0, close).split('\n');
      const expected = `f.json: line ${before.length}, column ${before.at(-1)!.length + 1}: invalid JSON: trailing comma`;
      expect(() => parseJsonText(`${text.slice(0, close)},${text.slice(close)}`, 'f.json')).toThrow(expected);
      return false;
    });
  });
});
