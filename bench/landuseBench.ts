/**
 * Benchmark of the land-use cores on seeded synthetic inputs; prints timings, asserts nothing.
 * Run: npx tsx bench/landuseBench.ts
 *  - build-out of 5 000 lots (rotated rectangles, L shapes, irregular convex 5–8-gons) near Thủ Đức;
 *  - urban growth on a 1 000 × 1 000 grid (30 m cells), 2025 → 2045;
 *  - multi-source Dijkstra on a 500 × 500 street grid (250 000 nodes, ~1 M directed links).
 */
import type { ZoneRules } from '../src/sim/landuse/zoningRules.ts';
import { seededRandom } from '../src/core/random.ts';
import { buildOut } from '../src/sim/landuse/buildout.ts';
import { GROWTH_LAND_USE, simulateGrowth } from '../src/sim/landuse/growth.ts';
import { localFrameAbout } from '../src/sim/landuse/localFrame.ts';
import { distanceToNearestTarget, type RoadGraph } from '../src/sim/landuse/networkAccess.ts';
import type { Parcel } from '../src/sim/landuse/parcels.ts';
import type { PointMetres } from '../src/sim/landuse/planeGeometry.ts';

const random = seededRandom(2025);

function syntheticLot(i: number): Parcel {
  const centre: [number, number] = [106.72 + random.range(0, 0.1), 10.78 + random.range(0, 0.08)];
  const frame = localFrameAbout([centre]);
  const kind = i % 3;
  let ring: PointMetres[];
  if (kind === 0) {
    const w = random.range(4, 40);
    const d = random.range(10, 60);
    ring = [
      [0, 0],
      [w, 0],
      [w, d],
      [0, d],
    ];
  } else if (kind === 1) {
    const s = random.range(15, 50);
    ring = [
      [0, 0],
      [s, 0],
      [s, s / 2],
      [s / 2, s / 2],
      [s / 2, s],
      [0, s],
    ];
  } else {
    const n = 5 + random.int(4);
    const r = random.range(8, 40);
    ring = Array.from({ length: n }, (_, k): PointMetres => {
      const a = (2 * Math.PI * (k + random.range(0.1, 0.9))) / n;
      return [r * Math.cos(a), r * Math.sin(a)];
    });
  }
  const angle = random.range(0, Math.PI);
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const exterior = ring.map(([x, y]) => frame.toDegrees(x * c - y * s, x * s + y * c));
  return { id: i, zone: i % 2 === 0 ? 'R1' : 'C1', exterior, holes: [] };
}

const zones: Record<string, ZoneRules> = {
  R1: {
    use: 'residential',
    maxCoverage: 0.6,
    maxFAR: 3,
    maxHeight: 25,
    floorHeight: 3.5,
    setbacks: { front: 3, side: 1.5, rear: 2 },
  },
  C1: {
    use: 'commercial',
    maxCoverage: 0.8,
    maxFAR: 6,
    maxHeight: 60,
    floorHeight: 4,
    setbacks: { front: 6, side: 0, rear: 2 },
  },
};

const lots = Array.from({ length: 5000 }, (_, i) => syntheticLot(i));
let t0 = performance.now();
const built = buildOut(lots, zones);
let ms = performance.now() - t0;
console.log(
  `build-out: ${lots.length} lots in ${ms.toFixed(0)} ms (${((lots.length / ms) * 1000).toFixed(0)} lots/s); ` +
    `GFA ${(built.totals.grossFloorArea / 1e6).toFixed(3)} km²`,
);

const N = 1000;
const landUse = new Uint8Array(N * N);
const roads = new Uint8Array(N * N);
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const i = y * N + x;
    if (x < 60) landUse[i] = GROWTH_LAND_USE.water;
    else if (Math.hypot(x - 500, y - 500) < 80) landUse[i] = GROWTH_LAND_USE.urban;
    if (x % 100 === 0 || y % 100 === 0) roads[i] = 1;
  }
}
t0 = performance.now();
const growth = await simulateGrowth({
  width: N,
  height: N,
  cellSizeMetres: 30,
  landUse,
  roads,
  excludeFloodProne: false,
  coefficients: { dispersion: 20, breed: 40, spread: 30, slopeResistance: 30, roadGravity: 50 },
  startYear: 2025,
  endYear: 2045,
  seed: 1,
});
ms = performance.now() - t0;
const last = growth.indicators.at(-1)!;
console.log(
  `growth: ${N}×${N} cells, 20 years in ${ms.toFixed(0)} ms (${(ms / 20).toFixed(1)} ms/year); ` +
    `urban cells ${growth.indicators[0]!.urbanCells - growth.indicators[0]!.newUrbanCells} → ${last.urbanCells}`,
);

const G = 500;
const from: number[] = [];
const to: number[] = [];
const lengths: number[] = [];
for (let y = 0; y < G; y++) {
  for (let x = 0; x < G; x++) {
    const i = y * G + x;
    for (const j of [x + 1 < G ? i + 1 : -1, y + 1 < G ? i + G : -1]) {
      if (j < 0) continue;
      from.push(i, j);
      to.push(j, i);
      const l = random.range(60, 140);
      lengths.push(l, l);
    }
  }
}
const graph: RoadGraph = {
  nodeCount: G * G,
  nodeEastMetres: Float64Array.from({ length: G * G }, (_, i) => (i % G) * 100),
  nodeNorthMetres: Float64Array.from({ length: G * G }, (_, i) => Math.floor(i / G) * 100),
  linkFrom: Int32Array.from(from),
  linkTo: Int32Array.from(to),
  linkLengthMetres: Float64Array.from(lengths),
};
const targets = Array.from({ length: 200 }, () => random.int(G * G));
t0 = performance.now();
distanceToNearestTarget(graph, targets, new Float64Array(targets.length));
ms = performance.now() - t0;
console.log(
  `access: multi-source Dijkstra, ${G * G} nodes, ${from.length} links, 200 POIs in ${ms.toFixed(0)} ms`,
);
