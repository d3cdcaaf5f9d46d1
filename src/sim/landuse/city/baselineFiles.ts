import type { CityParcel } from './cityParcels.ts';

/** Rounds degrees to 7 decimals (≈ 1 cm), keeping a parcel's shape while shrinking the file. */
function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/**
 * The city's parcels as the parcels GeoJSON of `twin zoning buildout` (WGS84 Polygon features,
 * properties `id`, `zone`, `frontEdge`, plus `sourceId` and `sourceUse`), rings closed.
 */
export function parcelsGeoJson(parcels: readonly CityParcel[]): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  // rounding can merge vertices closer than ~1 cm: drop the repeats (the format refuses them)
  const ring = (positions: ReadonlyArray<readonly [number, number]>) => {
    const closed: number[][] = [];
    for (const [lon, lat] of positions) {
      const p = [round7(lon), round7(lat)];
      const last = closed[closed.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) closed.push(p);
    }
    while (closed.length > 1 && closed[0]![0] === closed.at(-1)![0] && closed[0]![1] === closed.at(-1)![1]) {
      closed.pop();
    }
    closed.push([...closed[0]!]);
    return closed;
  };
  return {
    type: 'FeatureCollection',
    features: parcels.map((p) => ({
      type: 'Feature',
      properties: {
        id: p.id,
        zone: p.zone,
        ...(p.frontEdge !== undefined ? { frontEdge: p.frontEdge } : {}),
        sourceId: p.sourceId,
        sourceUse: p.sourceUse,
      },
      geometry: { type: 'Polygon', coordinates: [ring(p.exterior), ...p.holes.map(ring)] },
    })),
  };
}
