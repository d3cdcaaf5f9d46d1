import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { DEFAULT_DATASET_DIR, readCityFolder } from '../../data/node/readCityFolder.ts';
import { baselineZoningRulesDocument } from '../../sim/landuse/city/baselineZones.ts';
import { parcelsGeoJson } from '../../sim/landuse/city/baselineFiles.ts';
import { prepareCityLanduse } from '../../sim/landuse/city/cityLanduseModel.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { log, makeFolder, printJson, writeOutputFile } from '../io.ts';

const usage = `Usage: twin zoning baseline --out DIR [--dataset DIR] [--json]

Writes the baseline zoning layer derived from the dataset's land use (docs/landuse-city.md):
DIR/zoning-rules.json (twin-zoning-rules/1, QCVN 01:2021/BXD-style zones R1 R2 C M I E H P T G A)
and DIR/parcels.geojson (1 ha blocks of the land-use areas and of unmapped land, with zone and
frontEdge), ready for \`twin zoning buildout\`. Default dataset: ${DEFAULT_DATASET_DIR}.`;

const summary = 'write the baseline zoning rules and parcels derived from the dataset';

export const zoningBaseline: Command = {
  name: 'zoning baseline',
  summary,
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: 'string' }, dataset: { type: 'string' } },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    if (!values.out) throw new UsageError(`--out is required\n\n${usage}`);
    const started = performance.now();
    await makeFolder(values.out);
    const model = prepareCityLanduse(await readCityFolder(values.dataset ?? DEFAULT_DATASET_DIR));
    const rulesText = `${JSON.stringify(baselineZoningRulesDocument(), null, 1)}\n`;
    const parcelsText = `${JSON.stringify(parcelsGeoJson(model.parcels))}\n`;
    const rulesFile = join(values.out, 'zoning-rules.json');
    const parcelsFile = join(values.out, 'parcels.geojson');
    await writeOutputFile(rulesFile, rulesText);
    await writeOutputFile(parcelsFile, parcelsText);
    const byZone: Record<string, { parcels: number; areaHectares: number }> = {};
    for (const p of model.parcels) {
      const z = byZone[p.zone] ?? { parcels: 0, areaHectares: 0 };
      z.parcels++;
      z.areaHectares += p.areaSquareMetres / 10_000;
      byZone[p.zone] = z;
    }
    const result = {
      parcels: model.parcels.length,
      byZone,
      files: { [rulesFile]: Buffer.byteLength(rulesText), [parcelsFile]: Buffer.byteLength(parcelsText) },
      seconds: (performance.now() - started) / 1000,
    };
    if (values.json) printJson(result);
    else log(`wrote ${rulesFile} and ${parcelsFile} (${result.parcels} parcels)`);
    return 0;
  },
};
