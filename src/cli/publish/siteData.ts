import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CityFiles } from '../../data/dataset/cityFiles.ts';
import {
  depthGridOnLonLat,
  type SiteDepthGrid,
  siteTrafficLinesOf,
  type SiteTrafficLines,
} from '../../scenario/publishedSite.ts';
import type { ScenarioRun } from '../../scenario/pipeline.ts';
import { closedLinkIdsOfRun, floodMaxDepthGrid, trafficLinksGeoJson } from '../../scenario/runLayers.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { type SiteMassing, siteMassingOf } from '../../scenario/siteMassing.ts';
import type { CityLanduseResult } from '../../scenario/stages/landuseStage.ts';
import type { TrafficStageResult } from '../../scenario/stageResults.ts';
import { cityGrid } from '../../sim/flood/city/cityGrid.ts';
import { hashSources } from './siteBundle.ts';

/** What the site keeps of one scenario run. */
export interface PublishedRun {
  kpis: Record<string, number>;
  flood?: SiteDepthGrid;
  traffic?: SiteTrafficLines;
  /** The proposed buildings of the scenario's zoning edits (absent when none is rebuilt). */
  massing?: SiteMassing;
}

/** Where published runs are kept between publishes. */
const RUN_CACHE_DIR = resolve('node_modules/.cache/twin-publish/runs');
/** Code and data a run depends on: a change to any of them runs the scenario again. */
const RUN_SOURCES = ['src/core', 'src/data', 'src/sim', 'src/scenario', 'public/data/thuduc/manifest.json'];

/** The site's layers and KPIs of a finished run. */
export function publishedRunOf(scenario: Scenario, run: ScenarioRun, files: CityFiles): PublishedRun {
  const published: PublishedRun = { kpis: run.kpis };
  const landuse = run.results.landuse as CityLanduseResult | undefined;
  const massing = landuse?.proposedParcels ? siteMassingOf(landuse) : undefined;
  if (massing && massing.features.length > 0) published.massing = massing;
  const flood = run.results.flood;
  if (flood) {
    // cells outside the city are walls of the engine: no data there
    const inside = files.terrain
      ? cityGrid(files.terrain, flood.grid.cellSizeMetres).bedMetres.map((z) => (Number.isNaN(z) ? 0 : 1))
      : undefined;
    published.flood = depthGridOnLonLat(floodMaxDepthGrid(flood, inside));
  }
  const traffic = run.results.traffic as (TrafficStageResult & { linkSpeedKmh?: Float32Array }) | undefined;
  if (traffic && files.roads) {
    const links = trafficLinksGeoJson(
      files.roads,
      {
        linkVolumePcuPerHour: traffic.linkVolumePcuPerHour,
        linkSpeedKmh: traffic.linkSpeedKmh ?? new Float32Array(traffic.linkVolumePcuPerHour.length),
      },
      closedLinkIdsOfRun(scenario, flood),
    );
    published.traffic = siteTrafficLinesOf(links);
  }
  return published;
}

/**
 * The published run of `scenario`: from the cache when the scenario, the simulation code and
 * the dataset are unchanged, else `run` is called and its result kept.
 */
export async function cachedPublishedRun(
  scenario: Scenario,
  run: () => Promise<PublishedRun>,
): Promise<PublishedRun> {
  const key = createHash('sha256')
    .update(JSON.stringify(scenario))
    .update(hashSources(RUN_SOURCES))
    .digest('hex')
    .slice(0, 16);
  const file = join(RUN_CACHE_DIR, `${scenario.id}-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PublishedRun;
  const published = await run();
  mkdirSync(RUN_CACHE_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(published));
  return published;
}
