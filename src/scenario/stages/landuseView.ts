/**
 * What the workbench draws of the land-use stage (the scenario worker sends it with each run):
 * the parcel outlines for picking, the massing of rebuilt parcels and the growth cells by year.
 */
import { toSceneMetres } from '../../core/geo.ts';
import { ringArea } from '../../core/geometry/area.ts';
import { ringCentroid } from '../../core/geometry/centroid.ts';
import { LAND_USES } from '../../core/vocabulary.ts';
import type { CityLanduseModel } from '../../sim/landuse/city/cityLanduseModel.ts';
import { type CityLanduseResult, growthCellCentre, type ProposedParcel } from './landuseStage.ts';

/** Exterior rings of many polygons in one flat array (scene metres). */
export interface FlatRings {
  /** Vertex offsets: ring k is vertices offsets[k] .. offsets[k + 1] − 1. */
  offsets: Int32Array;
  /** Flat [east, north, ...] scene metres. */
  coordinates: Float32Array;
}

/** The parcels of the city's zoning layer, for drawing and picking in the UI. */
export interface ParcelOutlines extends FlatRings {
  ids: string[];
  zones: string[];
  prepareSeconds: number;
}

/** What the workbench draws from one land-use stage result (its KPIs come with the run, not here). */
export interface LanduseView {
  /** Massing of rebuilt parcels: one ring per footprint polygon. */
  massing: FlatRings & {
    /** Index into LAND_USES per ring. */
    use: Uint8Array;
    heightMetres: Float32Array;
    groundMetres: Float32Array;
  };
  /** Build-out of each rebuilt parcel (areas m², height m). */
  proposedParcels: Array<{
    id: string;
    zone: string;
    lotArea: number;
    footprintArea: number;
    floors: number;
    grossFloorArea: number;
    height: number;
    reason?: string;
  }>;
  buildOutFailures: string[];
  growth?: {
    cellSizeMetres: number;
    eastMetres: Float32Array;
    northMetres: Float32Array;
    groundMetres: Float32Array;
    year: Uint16Array;
    years: number[];
    urbanCellsByYear: number[];
  };
  seconds: CityLanduseResult['seconds'];
}

function groundAt(model: CityLanduseModel, east: number, north: number): number {
  const cell = model.terrain.toScene.cellAt(east, north);
  return cell >= 0 ? model.terrain.elevationMetres[cell]! : 0;
}

/**
 * The drawn footprints of the rebuilt parcels: each envelope polygon (scene metres) shrunk about
 * its centroid by √(footprint / envelope) so that it has the build-out's footprint area (the
 * coverage limit usually leaves it smaller than the envelope); parcels with no floors and slivers
 * under 1 m² are left out. One entry per polygon, with its parcel and its centroid.
 */
export function massingFootprints(
  result: Pick<CityLanduseResult, 'proposedParcels'>,
): Array<{ parcel: ProposedParcel; ring: Array<[number, number]>; centroid: [number, number] }> {
  const footprints: Array<{
    parcel: ProposedParcel;
    ring: Array<[number, number]>;
    centroid: [number, number];
  }> = [];
  for (const p of result.proposedParcels) {
    if (p.floors <= 0 || p.envelopeArea <= 0) continue;
    const scale = Math.sqrt(p.footprintArea / p.envelopeArea);
    for (const polygon of p.envelope) {
      const ring = polygon[0]!.slice(0, -1).map(([lon, lat]) => toSceneMetres(lon, lat));
      if (ring.length < 3 || ringArea(ring) < 1) continue;
      const [ce, cn] = ringCentroid(ring);
      footprints.push({
        parcel: p,
        ring: ring.map(([e, n]): [number, number] => [ce + (e - ce) * scale, cn + (n - cn) * scale]),
        centroid: [ce, cn],
      });
    }
  }
  return footprints;
}

/** Massing of the rebuilt parcels ({@link massingFootprints}) extruded to the build-out height. */
export function massingOf(model: CityLanduseModel, result: CityLanduseResult): LanduseView['massing'] {
  const offsets = [0];
  const coordinates: number[] = [];
  const use: number[] = [];
  const height: number[] = [];
  const ground: number[] = [];
  for (const { parcel, ring, centroid } of massingFootprints(result)) {
    for (const [e, n] of ring) coordinates.push(e, n);
    offsets.push(coordinates.length / 2);
    use.push(LAND_USES.indexOf(parcel.use));
    height.push(parcel.height);
    ground.push(groundAt(model, ...centroid));
  }
  return {
    offsets: Int32Array.from(offsets),
    coordinates: Float32Array.from(coordinates),
    use: Uint8Array.from(use),
    heightMetres: Float32Array.from(height),
    groundMetres: Float32Array.from(ground),
  };
}

/** The parcels of the city's zoning layer as flat outlines (scene metres), with ids and zones. */
export function parcelOutlinesOf(model: CityLanduseModel): ParcelOutlines {
  const offsets = [0];
  const coordinates: number[] = [];
  for (const p of model.parcels) {
    for (const [east, north] of p.ringsMetres[0]!) coordinates.push(east, north);
    offsets.push(coordinates.length / 2);
  }
  return {
    ids: model.parcels.map((p) => p.id),
    zones: model.parcels.map((p) => p.zone),
    offsets: Int32Array.from(offsets),
    coordinates: Float32Array.from(coordinates),
    prepareSeconds: model.preparedSeconds,
  };
}

/**
 * What the workbench draws of a land-use stage result (massing of rebuilt parcels, their
 * build-out, growth cells by year), as new arrays listed in `transferables` (the stage result
 * itself stays intact in the pipeline's cache).
 */
export function landuseViewOf(
  model: CityLanduseModel,
  result: CityLanduseResult,
): { view: LanduseView; transferables: ArrayBuffer[] } {
  const massing = massingOf(model, result);
  const view: LanduseView = {
    massing,
    proposedParcels: result.proposedParcels.map((p) => ({
      id: p.id.toString(),
      zone: p.zone,
      lotArea: p.lotArea,
      footprintArea: p.footprintArea,
      floors: p.floors,
      grossFloorArea: p.grossFloorArea,
      height: p.height,
      ...(p.reason ? { reason: p.reason } : {}),
    })),
    buildOutFailures: result.buildOutFailures,
    seconds: result.seconds,
  };
  const transferables: ArrayBuffer[] = [
    massing.offsets.buffer,
    massing.coordinates.buffer,
    massing.use.buffer,
    massing.heightMetres.buffer,
    massing.groundMetres.buffer,
  ] as ArrayBuffer[];
  if (result.growth) {
    const g = result.growth;
    const n = g.newUrbanCells.length;
    const east = new Float32Array(n);
    const north = new Float32Array(n);
    const ground = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const [e, nn] = growthCellCentre(model, g.newUrbanCells[k]!);
      east[k] = e;
      north[k] = nn;
      ground[k] = groundAt(model, e, nn);
    }
    const year = g.newUrbanYears.slice();
    view.growth = {
      cellSizeMetres: model.growthGrid.cellSizeMetres,
      eastMetres: east,
      northMetres: north,
      groundMetres: ground,
      year,
      years: [...g.years],
      urbanCellsByYear: [...g.urbanCellsByYear],
    };
    transferables.push(east.buffer, north.buffer, ground.buffer, year.buffer as ArrayBuffer);
  }
  return { view, transferables };
}
