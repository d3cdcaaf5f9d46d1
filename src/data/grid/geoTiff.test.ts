import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { readGeoTiff } from './geoTiff.ts';
import { readGrid } from './readGrid.ts';
import { float32GeoTiff } from '../../../tests/fixtures/grid/float32GeoTiff.ts';

/** A 3×2 float32 GeoTIFF, north-west corner at (500000, 1200020), 10 m cells, NODATA -9999. */
function sampleTiff(): ArrayBuffer {
  return float32GeoTiff(new Float32Array([1.5, 2, 3, 4, -9999, 6]), 3, 2, {
    westMetres: 500000,
    northMetres: 1200020,
    cellMetres: 10,
    nodata: -9999,
  });
}

describe('GeoTIFF reader', () => {
  it('reads the band, the geotransform and NODATA', async () => {
    const g = await readGeoTiff(sampleTiff());
    expect([g.columns, g.rows, g.cellSizeMetres, g.xllCornerMetres, g.yllCornerMetres]).toEqual([
      3, 2, 10, 500000, 1200000,
    ]);
    expect(Array.from(g.values)).toEqual([1.5, 2, 3, 4, Number.NaN, 6]);
  });

  it('is chosen by readGrid from the TIFF header', async () => {
    const g = await readGrid(sampleTiff());
    expect(g.columns).toBe(3);
    const ascii = await readGrid(
      new TextEncoder().encode('ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n5\n').buffer,
    );
    expect(Array.from(ascii.values)).toEqual([5]);
  });

  it('rejects bytes that are not a TIFF with an InputError', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]).buffer;
    await expect(readGeoTiff(bytes)).rejects.toThrow(InputError);
    await expect(readGeoTiff(bytes)).rejects.toThrow(/not a GeoTIFF/);
  });
});

/** The sample TIFF with its ImageWidth and ImageLength tags rewritten (the pixel data stays 3 × 2). */
function tiffDeclaring(width: number, height: number): ArrayBuffer {
  const bytes = sampleTiff().slice(0);
  const view = new DataView(bytes);
  const little = view.getUint16(0) === 0x4949;
  const ifd = view.getUint32(4, little);
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const at = ifd + 2 + 12 * i;
    const tag = view.getUint16(at, little);
    if (tag !== 256 && tag !== 257) continue;
    const value = tag === 256 ? width : height;
    // SHORT (3) values sit in the first two bytes of the value field, LONG (4) in all four.
    if (view.getUint16(at + 2, little) === 3) view.setUint16(at + 8, value, little);
    else view.setUint32(at + 8, value, little);
  }
  return bytes;
}

describe('GeoTIFF limits (docs/limits.md)', () => {
  it('refuses width × height above 5e7 cells before reading the pixels', async () => {
    await expect(readGeoTiff(tiffDeclaring(65535, 65535))).rejects.toThrow(
      'TIFF header: width × height (65535 × 65535) is 4294836225, above the maximum of 5e7 (docs/limits.md)',
    );
  });
  it('refuses an image of no pixels', async () => {
    await expect(readGeoTiff(tiffDeclaring(0, 2))).rejects.toThrow(
      'the image is 0 × 2 pixels, expected at least 1 × 1',
    );
  });
  it('turns a pixel read failure of a lying header into an InputError', async () => {
    // 300 × 200 declared, 3 × 2 stored: the strips are too short.
    const error = await readGeoTiff(tiffDeclaring(300, 200)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
  });
  it('refuses non-finite georeferencing', async () => {
    const buffer = writeArrayBuffer(new Float32Array([1, 2]), {
      width: 2,
      height: 1,
      BitsPerSample: [32],
      SampleFormat: [3],
      ModelPixelScale: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0],
      ModelTiepoint: [0, 0, 0, 500000, 1200020, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32648,
    }) as ArrayBuffer;
    await expect(readGeoTiff(buffer)).rejects.toThrow(/the georeferencing is not finite/);
  });
});
