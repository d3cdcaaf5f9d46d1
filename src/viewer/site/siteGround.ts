import { CustomHeightmapTerrainProvider, Math as CesiumMath } from 'cesium';
import {
  type SiteTerrain,
  type SiteTerrainLattice,
  siteGroundAt,
  siteHeightmapTile,
} from '../../scenario/siteTerrain.ts';

/** Samples per side of a CesiumJS heightmap tile (the lattice's 40 m nodes need no more up close). */
const TILE_SAMPLES = 32;

/** The site's ground: its lattice, heights and a sampler, metres above MSL (drawn as ellipsoid heights). */
export interface SiteGround {
  lattice: SiteTerrainLattice;
  decimetres: Int16Array;
  /** Ground height at a longitude/latitude, metres (0 on a site published without terrain). */
  at(longitude: number, latitude: number): number;
}

/** Loads data/terrain.bin (int16 little-endian decimetres) of the manifest's terrain; a flat ground without one. */
export async function loadSiteGround(terrain: SiteTerrain | undefined): Promise<SiteGround | undefined> {
  if (!terrain) return undefined;
  const response = await fetch(terrain.heights);
  if (!response.ok) throw new Error(`${terrain.heights}: HTTP ${response.status}`);
  const view = new DataView(await response.arrayBuffer());
  const decimetres = new Int16Array(terrain.columns * terrain.rows);
  for (let i = 0; i < decimetres.length; i++) decimetres[i] = view.getInt16(i * 2, true);
  return {
    lattice: terrain,
    decimetres,
    at: (longitude, latitude) => siteGroundAt(terrain, decimetres, longitude, latitude),
  };
}

/**
 * CesiumJS terrain from the site's ground: every heightmap tile is sampled from the lattice in
 * the browser (no tiles to fetch, no worker of its own; outside the city the edge heights go on).
 */
export function siteTerrainProvider(ground: SiteGround): CustomHeightmapTerrainProvider {
  const provider: CustomHeightmapTerrainProvider = new CustomHeightmapTerrainProvider({
    width: TILE_SAMPLES,
    height: TILE_SAMPLES,
    callback: (x, y, level) => {
      const r = provider.tilingScheme.tileXYToRectangle(x, y, level);
      const degrees = {
        west: CesiumMath.toDegrees(r.west),
        south: CesiumMath.toDegrees(r.south),
        east: CesiumMath.toDegrees(r.east),
        north: CesiumMath.toDegrees(r.north),
      };
      return siteHeightmapTile(ground.lattice, ground.decimetres, degrees, TILE_SAMPLES, TILE_SAMPLES);
    },
  });
  return provider;
}
