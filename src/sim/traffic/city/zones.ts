/**
 * Traffic analysis zones of Thủ Đức: a square grid of `cellSizeMetres` cells clipped to the
 * network nodes inside the city (a cell with at least one node is a zone). Each zone's centroid
 * is the mean position of its nodes; it is connected to its `connectorsPerZone` nodes nearest to
 * that centroid among the nodes on tertiary or larger roads (any node when the cell has none).
 * A grid is the simplest zone system that needs no ward boundaries (the 2018 OSM extract has
 * almost none); Ortúzar & Willumsen, "Modelling Transport" (4th ed., 2011) §3.3 discusses zoning.
 */

/** Internal zones (the gateway zones come after them). */
export interface GridZones {
  count: number;
  cellSizeMetres: number;
  /** Grid origin (south-west corner), scene metres, and size in cells. */
  westMetres: number;
  southMetres: number;
  columns: number;
  rows: number;
  /** Zone index (0-based) of each grid cell, -1 when the cell has no zone. */
  zoneOfCell: Int32Array;
  eastMetres: Float64Array;
  northMetres: Float64Array;
  /** Road node indices (roads.json) each zone connects to. */
  connectorNodes: number[][];
}

/** The nodes a zone system is built on: positions (flat east/north) and which may host zones. */
export interface ZoneNodes {
  positions: ArrayLike<number>;
  /** 1 for nodes inside the city on the kept network. */
  eligible: Uint8Array;
  /** 1 for nodes on a tertiary or larger road (preferred connector ends). */
  major: Uint8Array;
}

/** Builds the grid zones (see the module comment). */
export function gridZones(nodes: ZoneNodes, cellSizeMetres: number, connectorsPerZone: number): GridZones {
  const n = nodes.eligible.length;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (!nodes.eligible[i]) continue;
    const x = nodes.positions[2 * i]!;
    const y = nodes.positions[2 * i + 1]!;
    west = Math.min(west, x);
    south = Math.min(south, y);
    east = Math.max(east, x);
    north = Math.max(north, y);
  }
  const columns = Math.max(1, Math.ceil((east - west) / cellSizeMetres + 1e-9));
  const rows = Math.max(1, Math.ceil((north - south) / cellSizeMetres + 1e-9));
  const cellOf = (x: number, y: number) => {
    const c = Math.min(columns - 1, Math.floor((x - west) / cellSizeMetres));
    const r = Math.min(rows - 1, Math.floor((y - south) / cellSizeMetres));
    return r * columns + c;
  };
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!nodes.eligible[i]) continue;
    const cell = cellOf(nodes.positions[2 * i]!, nodes.positions[2 * i + 1]!);
    const list = members.get(cell) ?? [];
    list.push(i);
    members.set(cell, list);
  }
  const cells = [...members.keys()].sort((a, b) => a - b);
  const zoneOfCell = new Int32Array(columns * rows).fill(-1);
  const eastMetres = new Float64Array(cells.length);
  const northMetres = new Float64Array(cells.length);
  const connectorNodes: number[][] = [];
  cells.forEach((cell, z) => {
    zoneOfCell[cell] = z;
    const list = members.get(cell)!;
    let sx = 0;
    let sy = 0;
    for (const i of list) {
      sx += nodes.positions[2 * i]!;
      sy += nodes.positions[2 * i + 1]!;
    }
    const cx = sx / list.length;
    const cy = sy / list.length;
    eastMetres[z] = cx;
    northMetres[z] = cy;
    const majors = list.filter((i) => nodes.major[i]);
    const candidates = majors.length > 0 ? majors : list;
    const distance = (i: number) =>
      Math.hypot(nodes.positions[2 * i]! - cx, nodes.positions[2 * i + 1]! - cy);
    connectorNodes.push(
      candidates
        .map((i) => ({ i, d: distance(i) }))
        .sort((a, b) => a.d - b.d || a.i - b.i)
        .slice(0, connectorsPerZone)
        .map((c) => c.i),
    );
  });
  return {
    count: cells.length,
    cellSizeMetres,
    westMetres: west,
    southMetres: south,
    columns,
    rows,
    zoneOfCell,
    eastMetres,
    northMetres,
    connectorNodes,
  };
}

/** Zone (0-based) of a point: its grid cell's zone, else the zone with the nearest centroid. */
export function zoneOfPoint(zones: GridZones, east: number, north: number): number {
  const c = Math.floor((east - zones.westMetres) / zones.cellSizeMetres);
  const r = Math.floor((north - zones.southMetres) / zones.cellSizeMetres);
  if (c >= 0 && c < zones.columns && r >= 0 && r < zones.rows) {
    const z = zones.zoneOfCell[r * zones.columns + c]!;
    if (z >= 0) return z;
  }
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let z = 0; z < zones.count; z++) {
    const d = (zones.eastMetres[z]! - east) ** 2 + (zones.northMetres[z]! - north) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = z;
    }
  }
  return best;
}
