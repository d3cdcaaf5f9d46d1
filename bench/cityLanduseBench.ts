/**
 * Timings of the city land-use model on the committed dataset (prints, asserts nothing):
 * `npx tsx bench/cityLanduseBench.ts`. Node-only (reads the dataset folder).
 */
import { readCityFolder } from '../src/data/node/readCityFolder.ts';
import type { Scenario, ScenarioEdit } from '../src/scenario/scenario.ts';
import { BASELINE_ZONES } from '../src/sim/landuse/city/baselineZones.ts';
import { prepareCityLanduse } from '../src/sim/landuse/city/cityLanduseModel.ts';
import { createLanduseStage } from '../src/scenario/stages/landuseStage.ts';

const files = await readCityFolder();
let started = performance.now();
const model = prepareCityLanduse(files);
const { droppedSquareMetresBySource: _bySource, ...parcelStats } = model.parcelStats;
console.log(
  `prepare: ${((performance.now() - started) / 1000).toFixed(2)} s, ${model.parcels.length} parcels`,
  parcelStats,
);
const stage = createLanduseStage(files, { model });
const scenario = (edits: ScenarioEdit[]): Scenario => ({
  format: 'twin-scenario/1',
  id: 'bench',
  name: { vi: 'bench', en: 'bench' },
  base: null,
  year: 2025,
  edits,
});
const thuThiem: Array<[number, number]> = [
  [106.712, 10.77],
  [106.728, 10.77],
  [106.728, 10.783],
  [106.712, 10.783],
  [106.712, 10.77],
];
const { label: _label, ...mixed } = BASELINE_ZONES.M!;
const cases: Array<[string, ScenarioEdit[]]> = [
  ['baseline (first run snaps 139k buildings to the road graph)', []],
  ['baseline again', []],
  [
    'Thủ Thiêm FAR 8 (polygon edit)',
    [
      {
        type: 'zoning',
        id: 'z',
        polygon: thuThiem,
        zone: 'M',
        rules: { ...mixed, maxFAR: 8, maxHeight: 150 },
      },
    ],
  ],
  [
    'growth 2025 → 2045',
    [
      {
        type: 'growth',
        id: 'g',
        toYear: 2045,
        seed: 1,
        excludeFloodProne: true,
        demandGrowthPercentPerYear: 0,
      },
    ],
  ],
];
for (const [name, edits] of cases) {
  started = performance.now();
  const r = await stage.run({ scenario: scenario(edits), upstream: {}, onProgress: () => {} });
  console.log(
    `${name}: ${((performance.now() - started) / 1000).toFixed(2)} s`,
    `(build-out ${r.seconds.buildOut.toFixed(2)} s for ${r.proposedParcels.length} parcels,`,
    `growth ${r.seconds.growth.toFixed(2)} s, indicators ${r.seconds.indicators.toFixed(2)} s);`,
    `GFA ${(r.kpis.grossFloorAreaM2! / 1e6).toFixed(2)} M m², residents ${Math.round(r.kpis.residents!)},`,
    `jobs ${Math.round(r.kpis.jobs!)}, new urban ${r.kpis.newUrbanAreaHa ?? 0} ha`,
  );
}
