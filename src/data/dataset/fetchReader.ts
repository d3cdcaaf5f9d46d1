import type { ReadDatasetFile } from './cityFiles.ts';

/** A dataset reader over HTTP: files relative to `baseUrl` (absolute URL of the dataset folder); 404 → undefined. */
export function fetchDatasetReader(baseUrl: string): ReadDatasetFile {
  return async (file) => {
    const response = await fetch(new URL(file, baseUrl));
    return response.ok ? response.arrayBuffer() : undefined;
  };
}
