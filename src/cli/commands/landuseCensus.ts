import { InputError, UsageError } from '../../core/errors.ts';
import { DEFAULT_DATASET_DIR, readCityFolder } from '../../data/node/readCityFolder.ts';
import { DEFAULT_INDICATOR_ASSUMPTIONS } from '../../sim/landuse/indicators.ts';
import {
  DEFAULT_CENSUS_CALIBRATION,
  wardResidentComparison,
} from '../../sim/landuse/city/censusResidents.ts';
import {
  type CensusReportInput,
  censusReportMarkdown,
  censusScatterSvg,
} from '../../sim/landuse/city/censusReport.ts';
import { prepareCityLanduse } from '../../sim/landuse/city/cityLanduseModel.ts';
import { runLanduse } from '../../scenario/stages/landuseStage.ts';
import { type Command, numberOption, parseCommandArgs } from '../command.ts';
import { checkOutputFile, log, printJson, writeOutputFile } from '../io.ts';

const usage = `Usage: twin landuse census [--dataset DIR] [--md FILE] [--svg FILE] [--tolerance T] [--json]

Baseline residents of the land-use stage (2025) per census ward against the 2019 census
(docs/landuse-city.md, "Residents from the census"). Prints the totals and the share of wards
within ±T (default 0.25); --md writes the per-ward table (docs/validation-census.md), --svg the
scatter plot (docs/img/census-scatter.svg). Default dataset: ${DEFAULT_DATASET_DIR}.`;

const GENERATED_BY =
  'npm run --silent twin -- landuse census --md docs/validation-census.md --svg docs/img/census-scatter.svg';

export const landuseCensus: Command = {
  name: 'landuse census',
  summary: 'baseline residents per census ward against the 2019 census (table, scatter plot)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        dataset: { type: 'string' },
        md: { type: 'string' },
        svg: { type: 'string' },
        tolerance: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    const tolerance = numberOption(values.tolerance, 'tolerance', 0.25);
    if (!(tolerance >= 0)) throw new UsageError('--tolerance expects a non-negative number');
    for (const output of [values.md, values.svg])
      if (output) await checkOutputFile(output, { createFolder: true });
    const started = performance.now();
    const dataset = values.dataset ?? DEFAULT_DATASET_DIR;
    const files = await readCityFolder(dataset);
    if (!files.wards) throw new InputError('the dataset has no census wards (wards.geojson)', dataset);
    const model = prepareCityLanduse(files);
    const baseline = await runLanduse(
      model,
      {
        format: 'twin-scenario/1',
        id: 'baseline',
        name: { vi: 'Hiện trạng', en: 'Baseline' },
        base: null,
        year: 2025,
        edits: [],
      },
      {},
      model.preparedSeconds,
    );
    const comparison = wardResidentComparison(
      model.wards,
      baseline.floorSpaceWard,
      baseline.floorSpace.residents,
    );
    const input: CensusReportInput = {
      wards: model.wards,
      comparison,
      calibration: baseline.wardCalibration!,
      assumptions: DEFAULT_CENSUS_CALIBRATION,
      standardFloorAreaPerResidentM2: DEFAULT_INDICATOR_ASSUMPTIONS.floorAreaPerResidentSquareMetres,
      tolerance,
    };
    const written: Record<string, number> = {};
    const write = async (file: string, text: string) => {
      await writeOutputFile(file, text, { createFolder: true });
      written[file] = Buffer.byteLength(text);
    };
    if (values.md) await write(values.md, censusReportMarkdown(input, GENERATED_BY));
    if (values.svg) await write(values.svg, censusScatterSvg(input));
    const result = {
      census2019: comparison.census2019,
      model2025: comparison.modelInWards + comparison.modelOutsideWards,
      modelInWards: comparison.modelInWards,
      modelOutsideWards: comparison.modelOutsideWards,
      wards: comparison.rows.length,
      shareWithin: comparison.shareWithin(tolerance),
      tolerance,
      clampedWards: [...baseline.wardCalibration!.clamped].filter((c) => c !== 0).length,
      files: written,
      seconds: (performance.now() - started) / 1000,
    };
    if (values.json) printJson(result);
    else
      log(
        `census 2019 ${result.census2019}, model 2025 ${Math.round(result.model2025)}; ` +
          `${(100 * result.shareWithin).toFixed(1)} % of ${result.wards} wards within ±${tolerance * 100} %`,
      );
    return 0;
  },
};
