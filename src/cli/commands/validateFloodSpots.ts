import { InputError, UsageError } from '../../core/errors.ts';
import { MAX_RANDOM_POINTS } from '../../core/limits.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { toUtm48n } from '../../core/utm48n.ts';
import { cityFloodInput } from '../../scenario/stages/floodStage.ts';
import { cityFloodModel } from '../../sim/flood/city/cityFloodModel.ts';
import {
  DEFAULT_RANDOM_POINTS,
  isEvaluable,
  type ProjectedSpot,
  parseFloodSpotsCsv,
  randomPointsAlong,
  SPOT_FLOODED_DEPTH_METRES,
  SPOT_SEARCH_RADIUS_METRES,
  type SpotDepthLayer,
  streetCentrelines,
  validateFloodSpots,
} from '../../sim/flood/floodSpots.ts';
import { floodSpotsMapSvg } from '../../sim/flood/floodSpotsMap.ts';
import { type Command, integerOption, numberOption, parseCommandArgs } from '../command.ts';
import {
  inFile,
  log,
  printJson,
  progressReporter,
  readTextFile,
  writeOutputFile,
  checkOutputFile,
} from '../io.ts';
import { createScenarioRunner, loadScenario, readDefaultDataset } from '../scenarioRunner.ts';

export const DEFAULT_SCENARIO = 'scenarios/baseline-100yr-king-tide.json';
export const DEFAULT_SPOTS = '../shared/data/validation/flood-spots-public.csv';

const usage = `Usage: twin validate flood-spots [--scenario FILE] [--spots CSV] [--random N] [--seed S]
                            [--radius M] [--svg FILE] [--sensitivity] [--json] [--progress]

Runs the scenario's land-use and flood stages (it needs a storm event; default
${DEFAULT_SCENARIO}) and compares the maximum depth with known flood spots (default
${DEFAULT_SPOTS}; any CSV with a header and lat, lon columns, id and
title used when present). A spot stands for a street section: its depth is the deepest land cell
(inside the city, not river, canal, lake or pond) touching a disc of M metres (default ${SPOT_SEARCH_RADIUS_METRES}) around
its point, and it is a hit when that reached >= ${SPOT_FLOODED_DEPTH_METRES.toFixed(2)} m. Spots off the flood grid or without
land of the city within M are reported and excluded. The same is measured at N (default ${DEFAULT_RANDOM_POINTS})
random points drawn with seed S (default 1) along the dataset's street centrelines
(length-weighted; bridges and tunnels left out): the street base rate B.
  {"scenario", "spotsFile", "spots": [{id, title, lat, lon, evaluated, maxDepthMetres, flooded}],
   "spotsCount", "spotsFlooded", "hitRate" H, "randomPoints", "streetBaseRate" B,
   "skill" (H - B)/(1 - B), "pValue" P(X >= hits | X ~ Binomial(spotsCount, B)),
   "floodedLandShare" (flood.floodedAreaKm2 / flood.landAreaKm2), ...}
--svg FILE writes a map of the maximum depth with the spots (docs/img/flood-spots-map.svg).
--sensitivity adds "sensitivity": the same figures for radii 0, 25, 50, 100 m and flooded depths
0.05, 0.10, 0.30 m (the same spots and street points; radius 0 = the cell under the point).
Method and results: docs/validation.md.`;

/** Search radii (m) and flooded depths (m) of --sensitivity (same spots and street points). */
const SENSITIVITY_RADII = [0, 25, 50, 100];
const SENSITIVITY_DEPTHS = [0.05, 0.1, 0.3];

/** Rounds to 9 significant digits (stable text). */
const stable = (v: number | null) => (v === null ? null : Number(v.toPrecision(9)));

export const validateFloodSpotsCommand: Command = {
  name: 'validate flood-spots',
  summary: 'compare a flood run with known flood spots against random street points',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        scenario: { type: 'string' },
        spots: { type: 'string' },
        random: { type: 'string' },
        seed: { type: 'string' },
        radius: { type: 'string' },
        svg: { type: 'string' },
        sensitivity: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\n\n${usage}`);
    const randomCount = integerOption(values.random, 'random', DEFAULT_RANDOM_POINTS, [1, MAX_RANDOM_POINTS]);
    const seed = numberOption(values.seed, 'seed', 1);
    if (!Number.isInteger(seed)) throw new UsageError('--seed expects a whole number');
    const radius = numberOption(values.radius, 'radius', SPOT_SEARCH_RADIUS_METRES);
    if (!(radius >= 0)) throw new UsageError('--radius expects a distance >= 0 (metres)');
    const spotsFile = values.spots ?? DEFAULT_SPOTS;
    const scenarioFile = values.scenario ?? DEFAULT_SCENARIO;

    // Inputs and outputs first, so bad files fail before the minute-long run.
    if (values.svg) await checkOutputFile(values.svg, { createFolder: true });
    const text = await readTextFile(spotsFile);
    const spots = inFile(spotsFile, () => parseFloodSpotsCsv(text));
    const scenario = await loadScenario(scenarioFile);
    if (!scenario.edits.some((e) => e.type === 'stormEvent'))
      throw new InputError('the scenario has no storm event, so its flood stage does not run', scenarioFile);

    const report = progressReporter('flood', values.progress === true);
    const dataset = readDefaultDataset();
    const runScenario = createScenarioRunner((_id, stage, fraction) => {
      if (stage === 'flood') report(fraction);
    }, dataset);
    const started = performance.now();
    const run = await runScenario(scenario, ['landuse', 'flood']);
    const flood = run.results.flood;
    if (!flood) throw new Error('the flood stage did not run');
    log(`${scenario.id}: land use → flood in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const files = await dataset;
    if (!files.roads) throw new InputError('the dataset has no roads (roads.json)', 'public/data/thuduc');

    // Land and permanent water of the run's grid, as the flood KPIs count them.
    const model = cityFloodModel(files, cityFloodInput(scenario), {
      cellSizeMetres: flood.grid.cellSizeMetres,
    });
    const g = flood.grid;
    if (model.grid.columns !== g.columns || model.grid.rows !== g.rows)
      throw new Error('the flood model grid differs from the flood result grid');
    const n = g.columns * g.rows;
    const land = new Uint8Array(n);
    const water = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      if (Number.isNaN(model.grid.bedMetres[k]!)) continue;
      if (model.permanentWater[k]) water[k] = 1;
      else land[k] = 1;
    }
    const layer: SpotDepthLayer = { ...g, maxDepthMetres: flood.maxDepthMetres, land };

    const projected: ProjectedSpot[] = spots.map((s) => {
      const [x, y] = toUtm48n(s.longitudeDegrees, s.latitudeDegrees);
      return { ...s, x, y };
    });
    const streets = streetCentrelines(files.roads, (east, north) => {
      const [lon, lat] = fromSceneMetres(east, north);
      return toUtm48n(lon, lat);
    });
    const points = randomPointsAlong(streets, randomCount, seed, (x, y) => isEvaluable(layer, x, y, radius));
    if (points.length < randomCount)
      log(`warning: only ${points.length} of ${randomCount} random street points fell inside the city`);
    const v = validateFloodSpots(layer, projected, points, { radiusMetres: radius });
    const landKm2 = run.kpis['flood.landAreaKm2'];
    const flooded = run.kpis['flood.floodedAreaKm2'];
    const floodedLandShare = landKm2 && flooded !== undefined ? flooded / landKm2 : null;

    if (values.svg) {
      await writeOutputFile(
        values.svg,
        floodSpotsMapSvg({
          layer,
          water,
          spots: projected,
          validation: v,
          title: `Maximum flood depth of ${scenario.id} (${g.cellSizeMetres} m cells) and known flood spots`,
          subtitle:
            'Spots: HCMC flood-spot lists 2024–2026 compiled by tantorrrr/SgFlood. Terrain is synthetic (docs/data.md).',
        }),
        { createFolder: true },
      );
    }
    const sensitivity = values.sensitivity
      ? SENSITIVITY_RADII.flatMap((radiusMetres) =>
          SENSITIVITY_DEPTHS.map((floodedDepthMetres) => {
            const w = validateFloodSpots(layer, projected, points, { radiusMetres, floodedDepthMetres });
            return {
              radiusMetres,
              floodedDepthMetres,
              spotsCount: w.spotsCount,
              spotsFlooded: w.spotsFlooded,
              hitRate: stable(w.hitRate),
              streetBaseRate: stable(w.streetBaseRate),
              skill: stable(w.skill),
              pValue: stable(w.pValue),
            };
          }),
        )
      : undefined;
    const output = {
      scenario: scenario.id,
      spotsFile,
      radiusMetres: v.radiusMetres,
      floodedDepthMetres: v.floodedDepthMetres,
      seed,
      spots: v.spots.map((s) => ({
        ...s,
        maxDepthMetres: s.maxDepthMetres === null ? null : Math.round(s.maxDepthMetres * 1000) / 1000,
      })),
      spotsCount: v.spotsCount,
      spotsFlooded: v.spotsFlooded,
      spotsExcluded: v.spotsExcluded,
      hitRate: stable(v.hitRate),
      randomPoints: v.randomPoints,
      randomPointsFlooded: v.randomPointsFlooded,
      streetBaseRate: stable(v.streetBaseRate),
      streetBaseRateStdError: stable(v.streetBaseRateStdError),
      skill: stable(v.skill),
      pValue: stable(v.pValue),
      floodedLandShare: stable(floodedLandShare),
      ...(sensitivity ? { sensitivity } : {}),
    };
    if (values.json) printJson(output);
    else {
      const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
      for (const s of output.spots)
        process.stdout.write(
          `${s.id}\t${s.evaluated ? `${s.maxDepthMetres} m\t${s.flooded ? 'hit' : 'miss'}` : `excluded: ${s.excludedBecause}`}\n`,
        );
      process.stdout.write(
        `hit rate ${pct(output.hitRate)} (${v.spotsFlooded}/${v.spotsCount}), street base rate ${pct(output.streetBaseRate)} ` +
          `(${v.randomPointsFlooded}/${v.randomPoints}), skill ${output.skill?.toFixed(3) ?? '–'}, ` +
          `p ${output.pValue?.toPrecision(3) ?? '–'}, flooded land ${pct(output.floodedLandShare)}\n`,
      );
    }
    return 0;
  },
};
