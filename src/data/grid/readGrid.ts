import { InputError } from '../../core/errors.ts';
import { parseEsriAscii } from './esriAscii.ts';
import { readGeoTiff } from './geoTiff.ts';
import type { RasterGrid } from './rasterGrid.ts';

/**
 * Reads a raster from file bytes, choosing the format by content: a TIFF header means
 * GeoTIFF, anything else is parsed as ESRI ASCII grid text.
 */
export async function readGrid(bytes: ArrayBuffer): Promise<RasterGrid> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const tiff = (head[0] === 0x49 && head[1] === 0x49) || (head[0] === 0x4d && head[1] === 0x4d);
  if (tiff) return readGeoTiff(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('neither a GeoTIFF nor an ESRI ASCII grid (not text)');
  }
  return parseEsriAscii(text);
}
