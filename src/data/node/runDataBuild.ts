/**
 * Node runner of `twin data build`: reads the inputs, runs the pure pipeline
 * (src/data/pipeline/buildDataset.ts) and writes the output folder.
 */
import { basename, join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { parseJsonText } from '../../core/json.ts';
import { readGrid } from '../grid/readGrid.ts';
import { buildDataset } from '../pipeline/buildDataset.ts';
import {
  makeFolder,
  readArrayBufferFile,
  readBytesFile,
  readTextFile,
  writeOutputFile,
} from './userFiles.ts';

/** Where to read and write. */
export interface DataBuildOptions {
  osmFile: string;
  boundaryFile: string;
  /** Districts GeoJSON; skipped when the file does not exist. */
  districtsFile: string | undefined;
  demFile: string | undefined;
  /** Census ward polygons (GeoJSON); skipped when undefined. */
  censusFile?: string | undefined;
  /** Census table (CSV, population 2009 and 2019 by ward code); skipped when undefined. */
  censusTableFile?: string | undefined;
  outDir: string;
  seed: number;
}

async function readJson(file: string): Promise<unknown> {
  return parseJsonText(await readTextFile(file), file);
}

/** Runs the pipeline; returns the counts, output sizes and run time. */
export async function runDataBuild(options: DataBuildOptions, log: (stage: string) => void = () => {}) {
  const started = performance.now();
  await makeFolder(options.outDir); // before the minute-long pipeline, so a bad --out fails at once
  const osmPbf = await readBytesFile(options.osmFile);
  const boundary = await readJson(options.boundaryFile);
  let districts: unknown;
  if (options.districtsFile !== undefined) districts = await readJson(options.districtsFile);
  const census = options.censusFile === undefined ? undefined : await readJson(options.censusFile);
  const censusTable =
    options.censusTableFile === undefined ? undefined : await readTextFile(options.censusTableFile);
  let dem: Awaited<ReturnType<typeof readGrid>> | undefined;
  if (options.demFile !== undefined) {
    const bytes = await readArrayBufferFile(options.demFile);
    try {
      dem = await readGrid(bytes);
    } catch (error) {
      if (error instanceof InputError && error.file === undefined) throw error.inFile(options.demFile);
      throw error;
    }
  }
  const { files, counts } = buildDataset(
    {
      osmPbf,
      boundary,
      districts,
      ...(dem ? { dem } : {}),
      ...(census !== undefined ? { census } : {}),
      ...(census !== undefined && censusTable !== undefined ? { censusTable } : {}),
      sourceNames: {
        osm: basename(options.osmFile),
        boundary: basename(options.boundaryFile),
        ...(options.districtsFile ? { districts: basename(options.districtsFile) } : {}),
        ...(options.demFile ? { dem: basename(options.demFile) } : {}),
        ...(options.censusFile ? { census: basename(options.censusFile) } : {}),
        ...(options.censusFile && options.censusTableFile
          ? { censusTable: basename(options.censusTableFile) }
          : {}),
      },
      seed: options.seed,
    },
    log,
  );
  let totalBytes = 0;
  const sizes: Record<string, number> = {};
  for (const [name, content] of files) {
    await writeOutputFile(join(options.outDir, name), content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    sizes[name] = bytes;
    totalBytes += bytes;
  }
  return {
    ...counts,
    files: sizes,
    totalBytes,
    seed: options.seed,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
