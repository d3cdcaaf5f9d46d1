/**
 * `buildings.bin`: the `twin-buildings/1` document (data/formats/buildings.ts) in the binary
 * column container (data/formats/columnFile.ts, docs/binary-dataset.md), for the workbench's
 * dataset worker: no JSON to parse, footprints as varint deltas of the 0.1 m grid. It holds the
 * same values as `buildings.json` (written beside it by `twin data build`), and decodes back to
 * an identical document.
 *
 * Columns: `osmIds` (text, the first `osmCount` buildings), `use` (index into meta.uses),
 * `floors`, `heightDm`, `vertexCount` (the narrowest unsigned integers that hold them),
 * `footprintsDm` (varint-delta2: every
 * footprint vertex [east, north] in absolute decimetres, buildings one after the other).
 */
import { InputError } from '../../core/errors.ts';
import type { BuildingsDocument } from './buildings.ts';
import { decodeColumnFile, encodeColumnFile } from './columnFile.ts';

const FORMAT = 'twin-buildings/1';

/** Writes `doc` as the bytes of `buildings.bin`. */
export function encodeBuildingsBinary(doc: BuildingsDocument): Uint8Array {
  // the JSON keeps each footprint's first vertex absolute and the others as deltas: make all absolute
  const footprints = new Float64Array(doc.coordsDm.length);
  let c = 0;
  for (let i = 0; i < doc.count; i++) {
    for (let k = 0; k < doc.vertexCount[i]!; k++, c += 2) {
      footprints[c] = k === 0 ? doc.coordsDm[c]! : footprints[c - 2]! + doc.coordsDm[c]!;
      footprints[c + 1] = k === 0 ? doc.coordsDm[c + 1]! : footprints[c - 1]! + doc.coordsDm[c + 1]!;
    }
  }
  return encodeColumnFile(
    FORMAT,
    {
      crs: doc.crs,
      count: doc.count,
      osmCount: doc.osmCount,
      syntheticCount: doc.syntheticCount,
      uses: doc.uses,
    },
    [
      { name: 'osmIds', encoding: 'text', values: doc.osmIds },
      { name: 'use', encoding: 'uint', values: doc.use },
      { name: 'floors', encoding: 'uint', values: doc.floors },
      { name: 'heightDm', encoding: 'uint', values: doc.heightDm },
      { name: 'vertexCount', encoding: 'uint', values: doc.vertexCount },
      { name: 'footprintsDm', encoding: 'varint-delta2', values: footprints },
    ],
  );
}

/**
 * Reads `buildings.bin` back into the `twin-buildings/1` document; InputError naming `file` when
 * it is not such a file, is garbled, or its columns disagree with each other.
 */
export function decodeBuildingsBinary(bytes: Uint8Array, file = 'buildings.bin'): BuildingsDocument {
  const columns = decodeColumnFile(bytes, file, FORMAT);
  const meta = columns.meta as Partial<BuildingsDocument>;
  const { count, osmCount, syntheticCount, uses, crs } = meta;
  if (
    typeof count !== 'number' ||
    typeof osmCount !== 'number' ||
    typeof syntheticCount !== 'number' ||
    !Array.isArray(uses) ||
    typeof crs !== 'string' ||
    osmCount + syntheticCount !== count
  )
    throw new InputError(
      'header: count, osmCount, syntheticCount, uses or crs missing or inconsistent',
      file,
    );
  const vertexCount = columns.numbers('vertexCount', count);
  const use = columns.numbers('use', count);
  const vertices = vertexCount.reduce((sum, n) => sum + n, 0);
  const footprints = columns.numbers('footprintsDm', 2 * vertices);
  const badUse = use.findIndex((u) => u >= uses.length);
  if (badUse >= 0) throw new InputError(`use[${badUse}]: land-use index ${use[badUse]} out of range`, file);
  const coordsDm = new Array<number>(footprints.length);
  let c = 0;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < vertexCount[i]!; k++, c += 2) {
      coordsDm[c] = k === 0 ? footprints[c]! : footprints[c]! - footprints[c - 2]!;
      coordsDm[c + 1] = k === 0 ? footprints[c + 1]! : footprints[c + 1]! - footprints[c - 1]!;
    }
  }
  return {
    format: FORMAT,
    crs,
    count,
    osmCount,
    syntheticCount,
    uses,
    osmIds: columns.strings('osmIds', osmCount),
    use,
    floors: columns.numbers('floors', count),
    heightDm: columns.numbers('heightDm', count),
    vertexCount,
    coordsDm,
  };
}
