import { describe, expect, test } from 'vitest';
import { readPropertyTable } from './readPropertyTable.ts';

describe('readPropertyTable', () => {
  test('decodes a hand-encoded table: UINT16 string offsets, INT16 scalars, default-UINT16 enum', () => {
    // name: 'ab' | 'Đức' (UTF-8: 61 62 | C4 90 E1 BB A9 63), offsets 0, 2, 8 as UINT16.
    // level: −5, 300 as INT16 little-endian. kind: 7, 0 as UINT16 (enum valueType left to its default).
    const bin = new Uint8Array([
      0x61,
      0x62,
      0xc4,
      0x90,
      0xe1,
      0xbb,
      0xa9,
      0x63, // bufferView 0 @0: name values
      0x00,
      0x00,
      0x02,
      0x00,
      0x08,
      0x00,
      0,
      0, // bufferView 1 @8: name offsets
      0xfb,
      0xff,
      0x2c,
      0x01,
      0,
      0,
      0,
      0, // bufferView 2 @16: level
      0x07,
      0x00,
      0x00,
      0x00, // bufferView 3 @24: kind
    ]);
    const json = {
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: 8 },
        { buffer: 0, byteOffset: 8, byteLength: 6 },
        { buffer: 0, byteOffset: 16, byteLength: 4 },
        { buffer: 0, byteOffset: 24, byteLength: 4 },
      ],
      extensions: {
        EXT_structural_metadata: {
          schema: {
            classes: {
              thing: {
                properties: {
                  name: { type: 'STRING' },
                  level: { type: 'SCALAR', componentType: 'INT16' },
                  kind: { type: 'ENUM', enumType: 'kinds' },
                },
              },
            },
            enums: {
              kinds: {
                values: [
                  { name: 'plain', value: 0 },
                  { name: 'special', value: 7 },
                ],
              },
            },
          },
          propertyTables: [
            {
              class: 'thing',
              count: 2,
              properties: {
                name: { values: 0, stringOffsets: 1, stringOffsetType: 'UINT16' },
                level: { values: 2 },
                kind: { values: 3 },
              },
            },
          ],
        },
      },
    };
    expect(readPropertyTable(json, bin)).toEqual([
      { name: 'ab', level: -5, kind: 'special' },
      { name: 'Đức', level: 300, kind: 'plain' },
    ]);
    expect(() => readPropertyTable(json, bin, 1)).toThrow('no EXT_structural_metadata property table 1');
  });
});
