import { transfer } from 'comlink';
import { isCancelled } from '../../core/cancel.ts';
import { CancelledError } from '../../core/errors.ts';
import { type BuildOutResult, buildOut } from './buildout.ts';
import { type GrowthInput, type GrowthResult, simulateGrowth } from './growth.ts';
import {
  DEFAULT_INDICATOR_ASSUMPTIONS,
  type IndicatorAssumptions,
  type LandUseIndicators,
  landUseIndicators,
  type ParcelFloorSpace,
  type TripEnds,
  tripEndsByZone,
} from './indicators.ts';
import { type ResidentPoints, type RoadGraph, shareOfResidentsWithin } from './networkAccess.ts';
import { parseParcels } from './parcels.ts';
import { parseRoadLines } from './roadLines.ts';
import { parseZoningRules } from './zoningRules.ts';

/** Progress callback: fraction done in [0, 1]. */
export type ProgressCallback = (fractionDone: number) => void;

/** Documents for a build-out, as parsed JSON (validated in the worker; InputError names the path). */
export interface BuildOutDocuments {
  /** GeoJSON FeatureCollection of parcels. */
  parcels: unknown;
  /** `twin-zoning-rules/1` document. */
  rules: unknown;
  /** Optional GeoJSON FeatureCollection of road lines (front edges of parcels without `frontEdge`). */
  roads?: unknown;
}

/**
 * The land-use worker API (typed protocol for workers/landuse.worker.ts). `cancelBuffer`
 * comes from core/cancel's createCancelToken(); a cancelled call rejects with "cancelled".
 */
export function createLanduseApi() {
  return {
    /** Zoning build-out of every parcel (see buildOut); envelopes are WGS84 MultiPolygon coordinates. */
    async buildOut(
      documents: BuildOutDocuments,
      onProgress: ProgressCallback,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<BuildOutResult> {
      const rules = parseZoningRules(documents.rules);
      const parcels = parseParcels(documents.parcels, Object.keys(rules.zones));
      const roads = documents.roads === undefined ? [] : parseRoadLines(documents.roads);
      const every = Math.max(1, Math.floor(parcels.length / 100));
      const result = buildOut(parcels, rules.zones, roads, (done) => {
        if (done % every !== 0 && done !== parcels.length) return;
        if (isCancelled(cancelBuffer)) throw new CancelledError();
        onProgress(done / parcels.length);
      });
      if (parcels.length === 0) onProgress(1);
      return result;
    },

    /**
     * Urban growth from startYear to endYear, one map per year (index 0 = the input map).
     * Maps and urbanizationYear are transferred, not copied.
     */
    async growth(
      input: GrowthInput,
      onProgress: ProgressCallback,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<GrowthResult> {
      const result = await simulateGrowth(input, async (fractionDone) => {
        if (isCancelled(cancelBuffer)) throw new CancelledError();
        await onProgress(fractionDone);
      });
      if (input.endYear === input.startYear) onProgress(1);
      return transfer(result, [...result.landUseByYear.map((m) => m.buffer), result.urbanizationYear.buffer]);
    },

    /** Area indicators and trip ends per traffic zone (pure arithmetic; fast). */
    async indicators(
      parcels: ParcelFloorSpace[],
      assumptions: IndicatorAssumptions = DEFAULT_INDICATOR_ASSUMPTIONS,
    ): Promise<{ indicators: LandUseIndicators; tripEnds: Record<string, TripEnds> }> {
      return {
        indicators: landUseIndicators(parcels, assumptions),
        tripEnds: tripEndsByZone(parcels, assumptions),
      };
    },

    /** Share of residents within each network walking distance (m) of the nearest POI. */
    async access(
      graph: RoadGraph,
      homes: ResidentPoints,
      poiEastMetres: number[],
      poiNorthMetres: number[],
      thresholdsMetres: number[],
    ): Promise<Array<{ withinMetres: number; share: number }>> {
      return shareOfResidentsWithin(graph, homes, poiEastMetres, poiNorthMetres, thresholdsMetres);
    },
  };
}

/** The typed protocol of the land-use worker. */
export type LanduseApi = ReturnType<typeof createLanduseApi>;
