import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBuildings } from './buildings.ts';
import { decodeBuildingsBinary, encodeBuildingsBinary } from './buildingsBinary.ts';
import { COLUMN_FILE_VERSION, crc32, decodeColumnFile, encodeColumnFile } from './columnFile.ts';
import { encodeRoads, type RoadGraph } from './roads.ts';
import { decodeRoadsBinary, encodeRoadsBinary } from './roadsBinary.ts';

const DATASET = 'public/data/thuduc';

// an OSM triangle and a synthetic L-shaped house with a vertex far from the origin (large first delta)
const buildingsDoc = encodeBuildings([
  {
    id: 'w17',
    source: 'osm',
    use: 'commercial',
    heightMetres: 30.5,
    floors: 9,
    footprint: [
      [-12.3, 4.5],
      [10, 4.5],
      [-1.1, 20.1],
    ],
  },
  {
    footprint: [
      [9100, -7400],
      [9110, -7400],
      [9110, -7396],
      [9104, -7396],
      [9104, -7390],
      [9100, -7390],
    ],
    id: 's0',
    source: 'synthetic',
    use: 'residential',
    heightMetres: 12.7,
    floors: 4,
  },
]);

// two nodes, one two-way street (links along and against the way), one polyline of 3 vertices
const roadGraph: RoadGraph = {
  nodeOsmIds: [5_300_854_784, 17],
  nodePositions: [-591.7, 4573.4, -671.9, 4662.4],
  links: {
    ids: ['32575749-0f', '32575749-0b'],
    from: [0, 1],
    to: [1, 0],
    lengthMetres: [120.3, 120.3],
    roadClass: [2, 2],
    lanes: [2, 2],
    speedKmh: [40, 40],
    capacityPcuPerHour: [1800, 1800],
    oneway: [0, 0],
    flags: [1, 1],
    wayId: [32575749, 32575749],
    name: [1, 1],
    geometry: [0, 0],
    reversed: [0, 1],
  },
  names: ['', 'Võ Nguyên Giáp'],
  geometries: { offsets: [0, 3], coordinates: [-591.7, 4573.4, -658.3, 4639.4, -671.9, 4662.4] },
};

describe('the binary column container', () => {
  it('stores negative, large and decimetre values exactly and picks the narrowest unsigned integers', () => {
    const bytes = encodeColumnFile('test/1', { note: 'x' }, [
      { name: 'xy', encoding: 'varint-delta2', values: [0.1, -0.3, 4573.4, -2e6, -0.1, 0], scale: 10 },
      { name: 'small', encoding: 'uint', values: [0, 255] },
      { name: 'wide', encoding: 'uint', values: [0, 70_000] },
      { name: 'ids', encoding: 'f64', values: [5_300_854_784, 0.5] },
      { name: 'words', encoding: 'text', values: ['Thủ Đức', ''] },
    ]);
    const file = decodeColumnFile(bytes, 'test.bin', 'test/1');
    expect(file.meta).toEqual({ note: 'x' });
    expect(file.numbers('xy')).toEqual([0.1, -0.3, 4573.4, -2e6, -0.1, 0]);
    expect(file.numbers('small')).toEqual([0, 255]);
    expect(file.numbers('wide')).toEqual([0, 70_000]);
    expect(file.numbers('ids')).toEqual([5_300_854_784, 0.5]);
    expect(file.strings('words')).toEqual(['Thủ Đức', '']);
    // u8 (2 bytes) + u32 (8 bytes): the header records the narrowest that holds the values
    const header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(20, 20 + new DataView(bytes.buffer).getUint32(8, true))),
    );
    expect(header.columns.map((c: { encoding: string }) => c.encoding)).toEqual([
      'varint-delta2',
      'u8',
      'u32',
      'f64',
      'text',
    ]);
  });

  it('computes the CRC-32 of gzip and PNG', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a value its column cannot hold (a writer bug)', () => {
    expect(() => encodeColumnFile('t/1', {}, [{ name: 'a', encoding: 'u8', values: [256] }])).toThrow(
      /column a: 256/,
    );
    expect(() =>
      encodeColumnFile('t/1', {}, [{ name: 'a', encoding: 'i32', values: [0.05], scale: 10 }]),
    ).toThrow(/column a: 0\.05/);
  });
});

describe('buildings.bin and roads.bin', () => {
  it('read back the documents they were written from', () => {
    expect(decodeBuildingsBinary(encodeBuildingsBinary(buildingsDoc))).toEqual(buildingsDoc);
    const roads = encodeRoads(roadGraph);
    expect(decodeRoadsBinary(encodeRoadsBinary(roads))).toEqual(roads);
  });

  it('refuse link ids that are not <wayId>-<segment>f|b', () => {
    const odd = encodeRoads({ ...roadGraph, links: { ...roadGraph.links, ids: ['a', 'b'] } });
    expect(() => encodeRoadsBinary(odd)).toThrow(/link id "a"/);
  });

  const bytes = encodeBuildingsBinary(buildingsDoc);
  const refused = (garbled: Uint8Array) => () => decodeBuildingsBinary(garbled, 'buildings.bin');

  it('refuse a garbled, truncated, foreign or newer file with an error naming the file and the problem', () => {
    const flipped = bytes.slice();
    flipped[bytes.length - 3]! ^= 0x10;
    expect(refused(flipped)).toThrow('buildings.bin: checksum mismatch: the file is garbled');
    expect(refused(bytes.slice(0, bytes.length - 5))).toThrow(
      `buildings.bin: the file is ${bytes.length - 5} bytes but its preamble says ${bytes.length} (truncated or garbled)`,
    );
    expect(refused(new TextEncoder().encode('{"format":"twin-buildings/1"}'))).toThrow(
      'buildings.bin: not a twin binary column file (expected the bytes "TWNC" at the start; this is JSON)',
    );
    expect(refused(new TextEncoder().encode('<!doctype html><html>'))).toThrow(
      /this is HTML, not the data file/,
    );
    expect(refused(new Uint8Array(3))).toThrow(/buildings\.bin: not a twin binary column file/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, COLUMN_FILE_VERSION + 1, true);
    expect(refused(newer)).toThrow(
      `buildings.bin: container version ${COLUMN_FILE_VERSION + 1}; this reader knows version ${COLUMN_FILE_VERSION}`,
    );
    const roads = encodeRoadsBinary(encodeRoads(roadGraph));
    expect(refused(roads)).toThrow('buildings.bin: expected format "twin-buildings/1", found "twin-roads/1"');
  });

  it('refuse a well-formed file whose columns disagree', () => {
    const wrongUse = encodeBuildingsBinary({ ...buildingsDoc, use: [0, 99] });
    expect(refused(wrongUse)).toThrow('buildings.bin: use[1]: land-use index 99 out of range');
    const badGeometry = encodeRoads({ ...roadGraph, links: { ...roadGraph.links, geometry: [0, 4] } });
    expect(() => decodeRoadsBinary(encodeRoadsBinary(badGeometry))).toThrow(
      'roads.bin: links.geometry[1] = 4 is out of range',
    );
  });
});

describe.skipIf(!existsSync(join(DATASET, 'buildings.bin')))('the committed binary files', () => {
  const read = (file: string) => new Uint8Array(readFileSync(join(DATASET, file)));
  const json = (file: string) => JSON.parse(readFileSync(join(DATASET, file), 'utf8'));

  it('hold the same buildings as buildings.json: counts, footprints, heights', () => {
    const fromJson = json('buildings.json');
    const fromBinary = decodeBuildingsBinary(read('buildings.bin'));
    expect(fromBinary.count).toBe(fromJson.count);
    expect(fromBinary.count).toBeGreaterThan(100_000);
    expect(fromBinary.osmIds).toEqual(fromJson.osmIds);
    // decimetre integers both ways: equal, well inside float32 precision of scene metres
    expect(fromBinary.coordsDm).toEqual(fromJson.coordsDm);
    expect(fromBinary.heightDm).toEqual(fromJson.heightDm);
    expect(fromBinary).toEqual(fromJson);
  });

  it('hold the same road graph as roads.json', () => {
    const fromJson = json('roads.json');
    const fromBinary = decodeRoadsBinary(read('roads.bin'));
    expect(fromBinary.linkCount).toBe(fromJson.linkCount);
    expect(fromBinary.geometries.coordinates).toEqual(fromJson.geometries.coordinates);
    expect(fromBinary).toEqual(fromJson);
  });

  it('are smaller than the JSON they mirror', () => {
    const size = (file: string) => readFileSync(join(DATASET, file)).length;
    expect(size('buildings.bin')).toBeLessThan(0.5 * size('buildings.json'));
    expect(size('roads.bin')).toBeLessThan(0.5 * size('roads.json'));
  });
});
