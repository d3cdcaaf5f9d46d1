import { join } from 'node:path';
import { InputError, UsageError } from '../../core/errors.ts';
import type { CityFiles } from '../../data/dataset/cityFiles.ts';
import type { ScenarioRun } from '../../scenario/pipeline.ts';
import {
  closedLinkIdsOfRun,
  FLOOD_MAX_DEPTH_FILE,
  floodMaxDepthEsriAscii,
  TRAFFIC_LINKS_FILE,
  trafficLinksGeoJson,
} from '../../scenario/runLayers.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { TrafficStageResult } from '../../scenario/stageResults.ts';
import { cityGrid } from '../../sim/flood/city/cityGrid.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { log, makeFolder, printJson, progressReporter, writeOutputFile } from '../io.ts';
import {
  createScenarioRunner,
  inScenarioFile,
  loadScenario,
  parseOnly,
  readDefaultDataset,
  stableKpis,
} from '../scenarioRunner.ts';

const usage = `Usage: twin scenario run FILE.json [--only landuse,flood,traffic] [--layers DIR] [--json] [--progress]

Runs the simulations a scenario needs on the default dataset (public/data/thuduc), in dependency
order land use → flood → traffic, and prints its KPIs:
  {"scenario": id, "year": y, "stages": [...], "kpis": {name: value, ...}}
KPI names and units: src/scenario/kpis.ts. Same file gives byte-identical output.

--layers DIR also writes the run's map layers into DIR (created if missing) and lists them
under "layers" in the JSON:
  ${FLOOD_MAX_DEPTH_FILE}      when the flood stage ran: maximum depth of the event, metres (to the
                           mm), ESRI ASCII grid on the flood grid in EPSG:32648 (UTM 48N), row 0
                           north; NODATA -9999 for cells outside the city
  ${TRAFFIC_LINKS_FILE}    when the traffic stage ran: one LineString per directed road link
                           (WGS84), properties id, volumePcuPerHour, capacityPcuPerHour,
                           speedKmh, closed (by a road-closure edit or flooded >= 0.30 m in the
                           assigned hour)`;

/** Writes the layers of the stages that ran; returns the paths written. */
async function writeLayers(
  dir: string,
  scenario: Scenario,
  run: ScenarioRun,
  files: CityFiles,
): Promise<string[]> {
  const written: string[] = [];
  const flood = run.results.flood;
  if (flood) {
    // The flood grid's city mask: cells outside the city are walls of the engine (cityGrid).
    const inside = files.terrain
      ? cityGrid(files.terrain, flood.grid.cellSizeMetres).bedMetres.map((z) => (Number.isNaN(z) ? 0 : 1))
      : undefined;
    const path = join(dir, FLOOD_MAX_DEPTH_FILE);
    await writeOutputFile(path, floodMaxDepthEsriAscii(flood, inside));
    written.push(path);
  }
  const traffic = run.results.traffic as (TrafficStageResult & { linkSpeedKmh?: Float32Array }) | undefined;
  if (traffic) {
    if (!files.roads) throw new InputError('the dataset has no roads (roads.json)', 'public/data/thuduc');
    const speeds = traffic.linkSpeedKmh ?? new Float32Array(traffic.linkVolumePcuPerHour.length);
    const geojson = trafficLinksGeoJson(
      files.roads,
      { linkVolumePcuPerHour: traffic.linkVolumePcuPerHour, linkSpeedKmh: speeds },
      closedLinkIdsOfRun(scenario, flood),
    );
    const path = join(dir, TRAFFIC_LINKS_FILE);
    await writeOutputFile(path, `${JSON.stringify(geojson)}\n`);
    written.push(path);
  }
  return written;
}

export const scenarioRun: Command = {
  name: 'scenario run',
  summary: 'run a scenario (land use → flood → traffic) and print its KPIs',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { only: { type: 'string' }, layers: { type: 'string' } },
      usage,
    );
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`expected one FILE\n\n${usage}`);
    const only = parseOnly(values.only);
    const layersDir = values.layers;
    if (layersDir === '') throw new UsageError(`--layers expects a folder\n\n${usage}`);
    const scenario = await loadScenario(file);
    if (layersDir !== undefined) await makeFolder(layersDir);
    const report = progressReporter('', values.progress === true);
    const dataset = readDefaultDataset();
    const run = createScenarioRunner((_scenarioId, _stage, fraction) => report(fraction), dataset);
    const started = performance.now();
    const result = await run(scenario, only).catch(inScenarioFile(file));
    log(
      `${scenario.id}: ${Object.keys(result.results).join(' → ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const layers =
      layersDir !== undefined ? await writeLayers(layersDir, scenario, result, await dataset) : [];
    const output = {
      scenario: scenario.id,
      year: scenario.year,
      stages: Object.keys(result.results),
      kpis: stableKpis(result.kpis),
      ...(layersDir !== undefined ? { layers } : {}),
    };
    if (values.json) printJson(output);
    else {
      for (const [k, v] of Object.entries(output.kpis)) process.stdout.write(`${k}\t${v}\n`);
      for (const path of layers) log(`wrote ${path}`);
    }
    return 0;
  },
};
