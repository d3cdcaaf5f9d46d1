import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { readGeoTiff } from './geoTiff.ts';
import { readGrid } from './readGrid.ts';

/** A 3×2 float32 GeoTIFF, north-west corner at (500000, 1200020), 10 m cells, NODATA -9999. */
function sampleTiff(): ArrayBuffer {
  const values = new Float32Array([1.5, 2, 3, 4, -9999, 6]);
  const buffer = writeArrayBuffer(values, {
    width: 3,
    height: 2,
    BitsPerSample: [32],
    SampleFormat: [3],
    ModelPixelScale: [10, 10, 0],
    ModelTiepoint: [0, 0, 0, 500000, 1200020, 0],
    GDAL_NODATA: '-9999',
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ProjectedCSTypeGeoKey: 32648,
  });
  return buffer as ArrayBuffer;
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
