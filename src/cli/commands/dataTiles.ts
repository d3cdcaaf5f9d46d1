import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { writeTileset } from '../../data/node/writeTileset.ts';
import { type BuildingsDocument, decodeBuildings } from '../../data/formats/buildings.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { inFile, log, printJson, readJsonFile } from '../io.ts';

const usage = `Usage: twin data tiles [--dataset DIR] [--if-stale] [--json]

Writes the dataset's buildings (DIR/buildings.json) as 3D Tiles 1.1 into DIR/buildings/
(tileset.json + tiles/*.glb, EXT_mesh_features + EXT_structural_metadata, placed on the WGS84
globe for CesiumJS). The tiles are derived files: generated before \`npm start\` and
\`npm run build\`, not committed.
  --dataset   dataset folder (default public/data/thuduc)
  --if-stale  do nothing when the tileset is newer than buildings.json`;

export const dataTiles: Command = {
  name: 'data tiles',
  summary: 'write the dataset buildings as a 3D Tiles 1.1 tileset',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { dataset: { type: 'string' }, 'if-stale': { type: 'boolean' } },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    const dir = values.dataset ?? 'public/data/thuduc';
    const source = join(dir, 'buildings.json');
    const target = join(dir, 'buildings', 'tileset.json');
    if (values['if-stale'] && existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) {
      if (values.json) printJson({ skipped: true, tileset: target });
      return 0;
    }
    const started = performance.now();
    const doc = (await readJsonFile(source)) as BuildingsDocument;
    const buildings = inFile(source, () => decodeBuildings(doc));
    const written = await writeTileset(buildings, join(dir, 'buildings'), { placement: 'globe' });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      printJson({
        tileset: target,
        buildings: buildings.length,
        tiles: written.tileCount,
        bytes: written.totalBytes,
        seconds,
      });
    } else {
      log(
        `wrote ${written.tileCount} tiles (${buildings.length} buildings, ${written.totalBytes} bytes) in ${seconds.toFixed(1)} s`,
      );
    }
    return 0;
  },
};
