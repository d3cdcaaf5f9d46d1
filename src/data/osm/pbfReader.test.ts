import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PbfWriter } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeOsmPbf, type FixtureExtract } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { sharedInput } from '../../../tests/helpers/shared.ts';
import { InputError } from '../../core/errors.ts';
import { nodeLocation } from './osmTypes.ts';
import { readOsmPbf } from './pbfReader.ts';

const EXTRACT: FixtureExtract = {
  nodes: [
    { id: 100, lon: 106.77, lat: 10.82 },
    { id: 101, lon: 106.7712345, lat: 10.8201234, tags: { highway: 'traffic_signals' } },
    { id: 105, lon: 106.7723, lat: 10.8187 },
    { id: -7, lon: 106.69999, lat: 10.7404, tags: { amenity: 'school', name: 'Trường Tiểu học Bình Thọ' } },
    { id: 4_000_000_001, lon: 106.88, lat: 10.89 },
  ],
  ways: [
    { id: 7, refs: [100, 101, 105], tags: { highway: 'residential', name: 'Đường số 9' } },
    { id: 8, refs: [105, 4_000_000_001, 100, 105], tags: { building: 'yes' } },
  ],
  relations: [
    {
      id: 3,
      members: [
        { type: 'way', ref: 8, role: 'outer' },
        { type: 'node', ref: -7, role: 'label' },
      ],
      tags: { type: 'multipolygon', landuse: 'residential' },
    },
  ],
};

describe('readOsmPbf on an encoded fixture', () => {
  for (const variant of ['dense+zlib', 'plain+raw'] as const) {
    it(`decodes every node, way, relation, tag and coordinate (${variant})`, () => {
      const bytes = encodeOsmPbf({
        ...EXTRACT,
        raw: variant === 'plain+raw',
        plainNodes: variant === 'plain+raw',
      });
      const osm = readOsmPbf(bytes);
      expect(osm.nodeCount).toBe(5);
      expect(osm.ways).toHaveLength(2);
      expect(osm.relations).toHaveLength(1);
      expect(osm.requiredFeatures).toEqual(['OsmSchema-V0.6', 'DenseNodes']);
      expect(osm.bounds).toEqual({ westDegrees: 106, eastDegrees: 107, southDegrees: 10, northDegrees: 11 });
      // Coordinates round-trip to the 100-nanodegree granularity (1e-7 degrees).
      for (const n of EXTRACT.nodes) {
        const [lon, lat] = nodeLocation(osm, n.id)!;
        expect(lon).toBeCloseTo(n.lon, 7);
        expect(lat).toBeCloseTo(n.lat, 7);
      }
      expect(osm.taggedNodes.map((n) => [n.id, n.tags])).toEqual([
        [101, { highway: 'traffic_signals' }],
        [-7, { amenity: 'school', name: 'Trường Tiểu học Bình Thọ' }],
      ]);
      expect(osm.ways[0]).toEqual({
        id: 7,
        refs: [100, 101, 105],
        tags: { highway: 'residential', name: 'Đường số 9' },
      });
      expect(osm.ways[1]!.refs).toEqual([105, 4_000_000_001, 100, 105]);
      expect(osm.relations[0]).toEqual(EXTRACT.relations![0]);
    });
  }

  it('reports a truncated file as an InputError naming the blob and byte offset', () => {
    const bytes = encodeOsmPbf(EXTRACT);
    const cut = bytes.subarray(0, bytes.length - 10);
    expect(() => readOsmPbf(cut)).toThrow(InputError);
    expect(() => readOsmPbf(cut)).toThrow(/blob 1 at byte \d+: truncated file \(blob data\)/);
  });

  it('reports corrupt compressed data and a non-PBF file as InputErrors', () => {
    const bytes = encodeOsmPbf(EXTRACT).slice();
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    bytes[bytes.length - 21] = bytes[bytes.length - 21]! ^ 0xff;
    expect(() => readOsmPbf(bytes)).toThrow(InputError);
    expect(() => readOsmPbf(new TextEncoder().encode('<?xml version="1.0"?><osm></osm>'))).toThrow(
      /not an OSM PBF file/,
    );
  });
});

const extractPath = sharedInput('thuduc/thuduc-2018.osm.pbf');
describe.skipIf(!extractPath)('readOsmPbf on the 2018 Thủ Đức extract (needs ../shared/data)', () => {
  it('finds the counts published in SOURCES.md', () => {
    const osm = readOsmPbf(new Uint8Array(readFileSync(extractPath!)));
    expect(osm.nodeCount).toBe(131_617);
    expect(osm.ways).toHaveLength(10_681);
    expect(osm.relations).toHaveLength(169);
    expect(osm.ways.filter((w) => w.tags.highway !== undefined)).toHaveLength(7_229);
    // Every way ref resolves: the extract was cut with complete ways.
    expect(osm.ways.every((w) => w.refs.every((r) => osm.nodeIndex.has(r)))).toBe(true);
  });
});

/** One OSMHeader blob whose zlib data inflates to `inflatedBytes` zeros, declaring `rawSize` (or none). */
function zipBombBlob(inflatedBytes: number, rawSize: number | undefined): Uint8Array {
  const b = new PbfWriter();
  if (rawSize !== undefined) b.writeVarintField(2, rawSize);
  b.writeBytesField(3, deflateSync(new Uint8Array(inflatedBytes)));
  const blobBytes = b.finish();
  const h = new PbfWriter();
  h.writeStringField(1, 'OSMHeader');
  h.writeVarintField(3, blobBytes.length);
  const headerBytes = h.finish();
  const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
  new DataView(out.buffer).setInt32(0, headerBytes.length, false);
  out.set(headerBytes, 4);
  out.set(blobBytes, 4 + headerBytes.length);
  return out;
}

describe('readOsmPbf on a zip bomb', () => {
  it('stops at the declared raw size instead of inflating everything', () => {
    expect(() => readOsmPbf(zipBombBlob(1024 * 1024, 1000))).toThrow(
      /blob 0 at byte 0: corrupt data \(inflated 1001 bytes, header says 1000\)/,
    );
  });
  it('stops at 32 MiB when no raw size is declared', () => {
    // 33 MiB of zeros deflate to ~33 KB; the format allows 32 MiB per blob once inflated.
    expect(() => readOsmPbf(zipBombBlob(33 * 1024 * 1024, undefined))).toThrow(
      /inflates beyond 33554432 bytes/,
    );
  });
});
