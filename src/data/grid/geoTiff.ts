import { fromArrayBuffer } from 'geotiff';
import { InputError } from '../../core/errors.ts';
import { checkAtMost, MAX_GRID_CELLS } from '../../core/limits.ts';
import type { RasterGrid } from './rasterGrid.ts';

/**
 * Reads the first band of a single-image GeoTIFF (a DEM or a Manning grid) into a RasterGrid.
 * The geotransform comes from ModelPixelScale + ModelTiepoint (north-up rasters only; square
 * cells); the GDAL_NODATA value becomes NaN. Throws InputError for bytes that are not a
 * GeoTIFF or lack georeferencing.
 */
export async function readGeoTiff(bytes: ArrayBuffer): Promise<RasterGrid> {
  const header = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  const isTiff =
    header.length === 4 &&
    ((header[0] === 0x49 && header[1] === 0x49 && (header[2] === 42 || header[2] === 43)) ||
      (header[0] === 0x4d && header[1] === 0x4d && (header[3] === 42 || header[3] === 43)));
  if (!isTiff) throw new InputError('not a GeoTIFF (the file does not start with a TIFF header)');
  let image: Awaited<ReturnType<Awaited<ReturnType<typeof fromArrayBuffer>>['getImage']>>;
  let origin: number[];
  let resolution: number[];
  try {
    image = await (await fromArrayBuffer(bytes)).getImage();
  } catch (error) {
    throw new InputError(`unreadable TIFF: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    throw new InputError('the TIFF has no georeferencing (ModelPixelScale and ModelTiepoint are required)');
  }
  const [xOrigin, yOrigin] = origin as [number, number];
  const [xSize, ySize] = resolution as [number, number];
  if (![xOrigin, yOrigin, xSize, ySize].every(Number.isFinite))
    throw new InputError(
      `the georeferencing is not finite (origin ${xOrigin}, ${yOrigin}; pixel size ${xSize}, ${ySize})`,
    );
  if (!(xSize > 0) || !(ySize < 0) || Math.abs(xSize + ySize) > 1e-9 * xSize)
    throw new InputError(
      `only north-up rasters with square cells are supported (pixel size ${xSize}, ${ySize})`,
    );
  const columns = image.getWidth();
  const rows = image.getHeight();
  if (!(columns >= 1 && rows >= 1))
    throw new InputError(`the image is ${columns} × ${rows} pixels, expected at least 1 × 1`);
  checkAtMost(columns * rows, MAX_GRID_CELLS, `width × height (${columns} × ${rows})`, 'TIFF header');
  let raster: ArrayLike<number | bigint>;
  try {
    raster = (await image.readRasters({ samples: [0], interleave: true })) as ArrayLike<number | bigint>;
  } catch (error) {
    throw new InputError(`unreadable TIFF pixels: ${error instanceof Error ? error.message : String(error)}`);
  }
  const noData = image.getGDALNoData();
  const values = new Float64Array(columns * rows);
  for (let i = 0; i < values.length; i++) {
    const v = Number(raster[i]);
    values[i] = v === noData || !Number.isFinite(v) ? Number.NaN : v;
  }
  return {
    columns,
    rows,
    xllCornerMetres: xOrigin,
    yllCornerMetres: yOrigin - rows * xSize,
    cellSizeMetres: xSize,
    values,
  };
}
