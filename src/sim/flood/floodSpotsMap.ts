/**
 * An SVG map of a run's maximum flood depth with the known flood spots drawn as hits and misses
 * (docs/img/flood-spots-map.svg, `twin validate flood-spots --svg`). Plain text, no external tools:
 * each depth class is one path of horizontal runs of cells on the flood grid (north up).
 */
import type { FloodSpotsValidation, ProjectedSpot, SpotDepthLayer } from './floodSpots.ts';

/** Depth classes of the map, m (lower bounds) and their colours. */
const DEPTH_CLASSES: ReadonlyArray<{ from: number; colour: string; label: string }> = [
  { from: 0.1, colour: '#fed976', label: '0.10–0.30 m' },
  { from: 0.3, colour: '#fd8d3c', label: '0.30–0.50 m' },
  { from: 0.5, colour: '#e31a1c', label: '0.50–1.00 m' },
  { from: 1, colour: '#800026', label: '≥ 1.00 m' },
];
const DRY_COLOUR = '#ececec';
const WATER_COLOUR = '#9ecae1';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** What the map shows besides the validation result. */
export interface FloodSpotsMapInput {
  layer: SpotDepthLayer;
  /** 1 for permanent water inside the city (rivers, canals, lakes, ponds). */
  water: ArrayLike<number>;
  /** The spots in the grid's CRS, in the order of `validation.spots`. */
  spots: readonly ProjectedSpot[];
  validation: FloodSpotsValidation;
  /** Title line (scenario and commit). */
  title: string;
  /** Small print under the title (data sources). */
  subtitle: string;
}

/** Screen pixels per flood-grid cell, chosen so the map is about 640 px wide. */
function pixelsPerCell(columns: number): number {
  return Math.max(0.5, Math.min(4, Math.round((640 / columns) * 4) / 4));
}

/** The SVG document (deterministic text for the same input). */
export function floodSpotsMapSvg(input: FloodSpotsMapInput): string {
  const { layer, water, spots, validation: v } = input;
  const p = pixelsPerCell(layer.columns);
  const mapWidth = layer.columns * p;
  const mapHeight = layer.rows * p;
  const left = 10;
  const top = 56;
  const legendWidth = 230;
  const width = Math.ceil(left + mapWidth + 10 + legendWidth);
  const height = Math.ceil(Math.max(top + mapHeight + 30, top + 330));
  const f = (n: number) => String(Math.round(n * 100) / 100);
  // Class per cell: -1 outside the city, 0 dry land, 1..4 depth classes, 5 permanent water.
  const classOf = (k: number): number => {
    if (water[k]) return 5;
    if (!layer.land[k]) return -1;
    const d = layer.maxDepthMetres[k]!;
    let cls = 0;
    DEPTH_CLASSES.forEach((c, i) => {
      if (d >= c.from) cls = i + 1;
    });
    return cls;
  };
  const paths: string[][] = [[], [], [], [], [], []];
  for (let r = 0; r < layer.rows; r++) {
    let c = 0;
    while (c < layer.columns) {
      const cls = classOf(r * layer.columns + c);
      let end = c + 1;
      while (end < layer.columns && classOf(r * layer.columns + end) === cls) end++;
      if (cls >= 0)
        paths[cls]!.push(`M${f(c * p)} ${f(r * p)}h${f((end - c) * p)}v${f(p)}h${f(-(end - c) * p)}z`);
      c = end;
    }
  }
  const colours = [DRY_COLOUR, ...DEPTH_CLASSES.map((c) => c.colour), WATER_COLOUR];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(input.title)}</text>`,
    `<text x="${left}" y="38" fill="#555">${escapeXml(input.subtitle)}</text>`,
    `<g transform="translate(${left} ${top})" shape-rendering="crispEdges">`,
  ];
  paths.forEach((d, i) => {
    if (d.length > 0) out.push(`<path fill="${colours[i]}" d="${d.join('')}"/>`);
  });
  out.push('</g>', `<g transform="translate(${left} ${top})">`);
  // Spots: filled = flooded ≥ threshold within the radius (hit), hollow = miss, grey = excluded.
  const north = layer.yllCornerMetres + layer.rows * layer.cellSizeMetres;
  const sx = (x: number) => ((x - layer.xllCornerMetres) / layer.cellSizeMetres) * p;
  const sy = (y: number) => ((north - y) / layer.cellSizeMetres) * p;
  v.spots.forEach((s, i) => {
    const spot = spots[i]!;
    const x = sx(spot.x);
    const y = sy(spot.y);
    if (x < -20 || y < -20 || x > mapWidth + 20 || y > mapHeight + 20) return;
    const label = `${i + 1}. ${s.title}: ${s.evaluated ? `${s.maxDepthMetres!.toFixed(2)} m within ${v.radiusMetres} m` : s.excludedBecause}`;
    const mark = !s.evaluated
      ? `<rect x="${f(x - 3.5)}" y="${f(y - 3.5)}" width="7" height="7" fill="#999" stroke="#333"/>`
      : s.flooded
        ? `<circle cx="${f(x)}" cy="${f(y)}" r="4.5" fill="#111" stroke="white" stroke-width="1.5"/>`
        : `<circle cx="${f(x)}" cy="${f(y)}" r="4.5" fill="white" stroke="#111" stroke-width="2"/>`;
    out.push(
      `<g><title>${escapeXml(label)}</title>${mark}<text x="${f(x + 6)}" y="${f(y - 4)}" font-size="9" stroke="white" stroke-width="2.5" paint-order="stroke">${i + 1}</text></g>`,
    );
  });
  // Scale bar: 2 km.
  const bar = (2000 / layer.cellSizeMetres) * p;
  out.push(
    `<line x1="10" y1="${f(mapHeight + 16)}" x2="${f(10 + bar)}" y2="${f(mapHeight + 16)}" stroke="#333" stroke-width="3"/>`,
    `<text x="${f(14 + bar)}" y="${f(mapHeight + 20)}">2 km (EPSG:32648, north up)</text>`,
    '</g>',
  );
  // Legend.
  const lx = left + mapWidth + 16;
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  const legend: string[] = [
    `<g transform="translate(${f(lx)} ${top})">`,
    `<text x="0" y="0" font-weight="bold">Maximum depth on land</text>`,
  ];
  const swatches: Array<[string, string]> = [
    [DRY_COLOUR, '< 0.10 m'],
    ...DEPTH_CLASSES.map((c): [string, string] => [c.colour, c.label]),
    [WATER_COLOUR, 'river, canal, lake, pond'],
  ];
  swatches.forEach(([colour, label], i) => {
    const y = 12 + i * 17;
    legend.push(
      `<rect x="0" y="${y}" width="16" height="12" fill="${colour}" stroke="#999"/>`,
      `<text x="22" y="${y + 10}">${escapeXml(label)}</text>`,
    );
  });
  const y0 = 12 + swatches.length * 17 + 14;
  legend.push(
    `<text x="0" y="${y0}" font-weight="bold">Known flood spots</text>`,
    `<circle cx="8" cy="${y0 + 14}" r="4.5" fill="#111" stroke="white" stroke-width="1.5"/><text x="22" y="${y0 + 18}">hit: ≥ ${v.floodedDepthMetres.toFixed(2)} m within ${v.radiusMetres} m</text>`,
    `<circle cx="8" cy="${y0 + 31}" r="4.5" fill="white" stroke="#111" stroke-width="2"/><text x="22" y="${y0 + 35}">miss</text>`,
    `<rect x="4.5" y="${y0 + 44.5}" width="7" height="7" fill="#999" stroke="#333"/><text x="22" y="${y0 + 52}">excluded (off the grid, no land near)</text>`,
  );
  const y1 = y0 + 78;
  const lines = [
    `Spots flooded (H): ${v.spotsFlooded} of ${v.spotsCount} = ${pct(v.hitRate)}`,
    `Random street points (B): ${pct(v.streetBaseRate)} of ${v.randomPoints}`,
    `Skill (H − B)/(1 − B): ${v.skill === null ? '–' : v.skill.toFixed(3)}`,
    `p-value P(X ≥ hits | B): ${v.pValue === null ? '–' : v.pValue.toPrecision(3)}`,
  ];
  lines.forEach((text, i) => {
    legend.push(`<text x="0" y="${y1 + i * 16}">${escapeXml(text)}</text>`);
  });
  legend.push('</g>');
  out.push(...legend, '</svg>');
  return `${out.join('\n')}\n`;
}
