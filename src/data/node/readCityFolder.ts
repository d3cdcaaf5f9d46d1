import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CityFiles, readCityFiles } from '../dataset/cityFiles.ts';
import { fileSystemError } from './userFiles.ts';

/** Default dataset folder (committed, built by `twin data build`). */
export const DEFAULT_DATASET_DIR = 'public/data/thuduc';

/** Reads a dataset folder from disk (errors name the file inside `dir`). */
export function readCityFolder(dir = DEFAULT_DATASET_DIR): Promise<CityFiles> {
  return readCityFiles(async (file) => {
    try {
      const bytes = await readFile(join(dir, file));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw fileSystemError(error, join(dir, file), 'read');
    }
  });
}
