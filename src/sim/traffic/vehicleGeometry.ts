/**
 * Drawn paths of the Thủ Đức network links for the vehicle animation (vehicles.ts): each road
 * link follows its roads.json polyline in the direction of travel, shifted to the right-hand
 * side (as the link flow layer draws it) with mitred joins so the path stays continuous; new-road
 * links run straight between their nodes, shifted the same way; centroid connectors (not
 * streets) are excluded.
 */
import type { LinkPolylines } from './vehicles.ts';

/** The roads.json columns the paths need (`RoadsDocument` has them). */
export interface RoadPolylineSource {
  links: { geometry: ArrayLike<number>; reversed: ArrayLike<number> };
  geometries: { offsets: ArrayLike<number>; coordinates: ArrayLike<number> };
}

/** The parts of a `CityNetwork` used: which roads.json link each network link is, and node positions. */
export interface VehicleGeometryNetwork {
  network: { links: ReadonlyArray<{ from: number; to: number }> };
  /** roads.json link of each network link; -1 connectors, -2 new-road links. */
  roadLinkOfLink: ArrayLike<number>;
  nodeEastMetres: ArrayLike<number>;
  nodeNorthMetres: ArrayLike<number>;
}

/** A mitre longer than this many offsets (a sharp turn) is clamped. */
const MITRE_LIMIT = 2;

/**
 * Appends the polyline `xy` (flat [x, y, ...], in travel order) shifted `right` metres to the
 * right of travel to `out`; repeated vertices are dropped. Returns the number of vertices written.
 */
export function appendRightOffsetPolyline(xy: ArrayLike<number>, right: number, out: number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < xy.length / 2; k++) {
    const x = xy[2 * k]!;
    const y = xy[2 * k + 1]!;
    if (xs.length > 0 && x === xs[xs.length - 1] && y === ys[ys.length - 1]) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < 2) return 0;
  // right-hand unit normal of each segment: direction (dx, dy) → (dy, −dx)
  const nx: number[] = [];
  const ny: number[] = [];
  for (let k = 0; k < n - 1; k++) {
    const dx = xs[k + 1]! - xs[k]!;
    const dy = ys[k + 1]! - ys[k]!;
    const length = Math.hypot(dx, dy);
    nx.push(dy / length);
    ny.push(-dx / length);
  }
  for (let k = 0; k < n; k++) {
    const a = Math.max(0, k - 1);
    const b = Math.min(n - 2, k);
    let mx = nx[a]! + nx[b]!;
    let my = ny[a]! + ny[b]!;
    const m = Math.hypot(mx, my);
    if (m < 1e-9) {
      // a U-turn: use the incoming segment's normal
      mx = nx[a]!;
      my = ny[a]!;
    } else {
      mx /= m;
      my /= m;
    }
    const cos = mx * nx[a]! + my * ny[a]!;
    const scale = right * Math.min(MITRE_LIMIT, 1 / Math.max(cos, 1e-9));
    out.push(xs[k]! + mx * scale, ys[k]! + my * scale);
  }
  return n;
}

/**
 * Drawn paths of every network link (see the module comment) and the mask of links without
 * vehicles (connectors).
 */
export function cityVehicleGeometry(
  city: VehicleGeometryNetwork,
  roads: RoadPolylineSource,
  rightOffsetMetres: number,
): { linkPolylines: LinkPolylines; excludedLinks: Uint8Array } {
  const links = city.network.links;
  const offsets = new Int32Array(links.length + 1);
  const excludedLinks = new Uint8Array(links.length);
  const out: number[] = [];
  const { offsets: geometryStart, coordinates: c } = roads.geometries;
  const xy: number[] = [];
  for (let i = 0; i < links.length; i++) {
    const road = city.roadLinkOfLink[i]!;
    xy.length = 0;
    if (road >= 0) {
      const g = roads.links.geometry[road]!;
      const first = geometryStart[g]!;
      const last = geometryStart[g + 1]! - 1;
      if (roads.links.reversed[road]) for (let v = last; v >= first; v--) xy.push(c[2 * v]!, c[2 * v + 1]!);
      else for (let v = first; v <= last; v++) xy.push(c[2 * v]!, c[2 * v + 1]!);
    } else if (road === -1) {
      excludedLinks[i] = 1;
    } else {
      const { from, to } = links[i]!;
      xy.push(city.nodeEastMetres[from - 1]!, city.nodeNorthMetres[from - 1]!);
      xy.push(city.nodeEastMetres[to - 1]!, city.nodeNorthMetres[to - 1]!);
    }
    offsets[i + 1] =
      offsets[i]! + (xy.length > 0 ? appendRightOffsetPolyline(xy, rightOffsetMetres, out) : 0);
  }
  return { linkPolylines: { offsets, coordinates: Float64Array.from(out) }, excludedLinks };
}
