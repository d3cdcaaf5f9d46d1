import { area as geodesicArea } from '@turf/turf';
import { InputError } from '../../core/errors.ts';
import type { LandUse } from '../../core/vocabulary.ts';
import { ownZoneRules, type ZoneRules } from './zoningRules.ts';
import { type EdgeRole, edgeNearestRoad, edgeRoles } from './edgeRoles.ts';
import { buildableEnvelope, type EdgeSetback } from './envelope.ts';
import { type LocalFrame, localFrameAbout } from './localFrame.ts';
import type { LonLat, Parcel } from './parcels.ts';
import { multiPolygonArea } from '../../core/geometry/area.ts';
import type { PointMetres } from './planeGeometry.ts';

/** Envelopes smaller than this (m²) are empty: floating-point slivers, not buildable land. */
const EMPTY_ENVELOPE_SQUARE_METRES = 1e-6;
/** Relative slack before rounding floors down, so 3 / 0.6 counts as 5 floors and not 4.999…. */
const FLOOR_ROUNDING_SLACK = 1e-9;

/** The build-out of one parcel under its zone's rules. Areas in geodesic m², height in metres. */
export interface ParcelBuildOut {
  id: string | number;
  zone: string;
  lotArea: number;
  /** Area of the buildable envelope (lot shrunk by its setbacks). */
  envelopeArea: number;
  /** min(envelopeArea, maxCoverage × lotArea). */
  footprintArea: number;
  floors: number;
  grossFloorArea: number;
  height: number;
  /** Why nothing can be built, when floors is 0. */
  reason?: string;
}

/** Sums over all parcels: areas in m², gross floor area by land use in m². */
export interface BuildOutTotals {
  lotArea: number;
  grossFloorArea: number;
  byUse: Partial<Record<LandUse, number>>;
}

/** The result of `buildOut`: the CLI prints `parcels` and `totals`; `envelopes` feed the 3D massing. */
export interface BuildOutResult {
  parcels: ParcelBuildOut[];
  totals: BuildOutTotals;
  /** Per parcel (same order): the envelope as GeoJSON MultiPolygon coordinates, WGS84 degrees. */
  envelopes: LonLat[][][][];
}

/**
 * Maximum build-out of parcels under zoning rules (`twin zoning buildout`, spec "Zoning"):
 * envelope = lot shrunk by the front setback along the front edge, the rear setback along the
 * edge opposite it and the side setback along the others (and along hole edges);
 * footprintArea = min(envelopeArea, maxCoverage·lotArea);
 * floors = min(⌊maxHeight / floorHeight⌋, ⌊maxFAR·lotArea / footprintArea⌋);
 * grossFloorArea = footprintArea·floors; height = floors·floorHeight.
 *
 * lotArea is the geodesic area on the sphere of mean radius 6 371 008.8 m (`@turf/area`).
 * The envelope is computed in a local equirectangular frame about the lot and its planar area
 * is scaled by lotArea / planar lot area, so both areas come from the same measure.
 *
 * @param roads optional road polylines (WGS84) used to choose the front edge of parcels
 *   without `frontEdge`: the edge nearest a road; with no roads, edge 0.
 * @param onParcelDone called after each parcel with the count done (progress, cancellation by throwing)
 * @throws InputError naming `features[i]` (parcels in feature order) when a zone has no rules or
 *   the clipping engines both fail on a lot's geometry
 */
export function buildOut(
  parcels: readonly Parcel[],
  zones: Readonly<Record<string, ZoneRules>>,
  roads: ReadonlyArray<readonly LonLat[]> = [],
  onParcelDone?: (parcelsDone: number) => void,
): BuildOutResult {
  const results: ParcelBuildOut[] = [];
  const envelopes: LonLat[][][][] = [];
  const totals: BuildOutTotals = { lotArea: 0, grossFloorArea: 0, byUse: {} };
  parcels.forEach((parcel, index) => {
    const rules = ownZoneRules(zones, parcel.zone);
    if (!rules) {
      throw new InputError([
        { path: `features[${index}].properties.zone`, message: `no rules for "${parcel.zone}"` },
      ]);
    }
    const { result, envelope } = envelopeOrInputError(parcel, rules, roads, index);
    results.push(result);
    envelopes.push(envelope);
    totals.lotArea += result.lotArea;
    totals.grossFloorArea += result.grossFloorArea;
    totals.byUse[rules.use] = (totals.byUse[rules.use] ?? 0) + result.grossFloorArea;
    onParcelDone?.(results.length);
  });
  return { parcels: results, totals, envelopes };
}

/** buildOutParcel, with a geometry-engine failure reported against the parcel's feature path. */
function envelopeOrInputError(
  parcel: Parcel,
  rules: ZoneRules,
  roads: ReadonlyArray<readonly LonLat[]>,
  index: number,
): ReturnType<typeof buildOutParcel> {
  try {
    return buildOutParcel(parcel, rules, roads);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError([
      {
        path: `features[${index}].geometry`,
        message: `cannot compute the envelope of parcel ${JSON.stringify(parcel.id)} (${message}); check for slivers or near-duplicate vertices`,
      },
    ]);
  }
}

/** Build-out of one parcel; see `buildOut`. */
export function buildOutParcel(
  parcel: Parcel,
  rules: ZoneRules,
  roads: ReadonlyArray<readonly LonLat[]> = [],
): { result: ParcelBuildOut; envelope: LonLat[][][] } {
  const frame = localFrameAbout(parcel.exterior);
  const toMetres = (ring: readonly LonLat[]): PointMetres[] =>
    ring.map(([lon, lat]) => frame.toMetres(lon, lat));
  const exterior = toMetres(parcel.exterior);
  const holes = parcel.holes.map(toMetres);
  const frontEdge = parcel.frontEdge ?? edgeNearestRoad(exterior, roads.map(toMetres));
  const roles = edgeRoles(exterior, frontEdge);
  const edges: EdgeSetback[] = [
    ...exterior.map((from, i) => ({
      from,
      to: exterior[(i + 1) % exterior.length]!,
      setbackMetres: setbackFor(roles[i]!, rules),
    })),
    ...holes.flatMap((hole) =>
      hole.map((from, i) => ({ from, to: hole[(i + 1) % hole.length]!, setbackMetres: rules.setbacks.side })),
    ),
  ];
  const envelopeMetres = buildableEnvelope([exterior, ...holes], edges);

  const lotArea = geodesicArea({
    type: 'Polygon',
    coordinates: [parcel.exterior, ...parcel.holes].map((ring) => [...ring, ring[0]!]),
  });
  const metresToGeodesic = lotArea / multiPolygonArea([[exterior, ...holes]]);
  const envelopeArea = multiPolygonArea(envelopeMetres) * metresToGeodesic;
  const result = applyRules(parcel, rules, lotArea, envelopeArea);
  return { result, envelope: result.footprintArea > 0 ? toDegrees(envelopeMetres, frame) : [] };
}

function applyRules(parcel: Parcel, rules: ZoneRules, lotArea: number, envelopeArea: number): ParcelBuildOut {
  const base = { id: parcel.id, zone: parcel.zone, lotArea };
  const zero = { footprintArea: 0, floors: 0, grossFloorArea: 0, height: 0 };
  if (envelopeArea < EMPTY_ENVELOPE_SQUARE_METRES) {
    const { front, side, rear } = rules.setbacks;
    return {
      ...base,
      envelopeArea: 0,
      ...zero,
      reason: `setbacks (front ${front} m, side ${side} m, rear ${rear} m) leave no buildable envelope`,
    };
  }
  const footprintArea = Math.min(envelopeArea, rules.maxCoverage * lotArea);
  if (footprintArea <= 0) return { ...base, envelopeArea, ...zero, reason: 'maxCoverage is 0' };
  const floors = Math.min(
    roundDown(rules.maxHeight / rules.floorHeight),
    roundDown((rules.maxFAR * lotArea) / footprintArea),
  );
  const built = {
    footprintArea,
    floors,
    grossFloorArea: footprintArea * floors,
    height: floors * rules.floorHeight,
  };
  if (floors > 0) return { ...base, envelopeArea, ...built };
  return {
    ...base,
    envelopeArea,
    ...built,
    reason:
      rules.maxHeight < rules.floorHeight
        ? `maxHeight ${rules.maxHeight} m is below one floor (${rules.floorHeight} m)`
        : `maxFAR ${rules.maxFAR} allows less than one full floor on the footprint`,
  };
}

function setbackFor(role: EdgeRole, rules: ZoneRules): number {
  return rules.setbacks[role === 'front' ? 'front' : role === 'rear' ? 'rear' : 'side'];
}

function roundDown(x: number): number {
  return Math.floor(x * (1 + FLOOR_ROUNDING_SLACK));
}

function toDegrees(polygons: PointMetres[][][], frame: LocalFrame): LonLat[][][] {
  return polygons.map((polygon) => polygon.map((ring) => ring.map(([e, n]) => frame.toDegrees(e, n))));
}
