/**
 * Benchmark: builds a tileset of synthetic buildings (rotated rectangles 6–30 m, 3–60 m high, seeded,
 * spread over a 16 × 14 km city) and prints build time and sizes. Run:
 *   npx tsx bench/tilesetBench.ts
 */
import { seededRandom } from '../src/core/random.ts';
import { buildTileset } from '../src/data/tiles3d/buildTileset.ts';
import type { BuildingRecord } from '../src/data/tiles3d/types.ts';

const USES = ['residential', 'commercial', 'industrial', 'mixed', 'education', 'health', 'public'];

/** Seeded synthetic city of `count` rotated rectangular buildings, scene metres. */
function syntheticCity(count: number, seed: number): BuildingRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i): BuildingRecord => {
    const east = random.range(-8000, 8000);
    const north = random.range(-7000, 7000);
    const halfWidth = random.range(3, 15);
    const halfDepth = random.range(3, 15);
    const angle = random.range(0, Math.PI);
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const floors = 1 + random.int(16);
    const corner = (u: number, v: number): [number, number] => [east + u * c - v * s, north + u * s + v * c];
    return {
      id: `syn/${i}`,
      source: i % 3 === 0 ? 'osm' : 'synthetic',
      use: USES[random.int(USES.length)]!,
      heightMetres: floors * 3.5,
      floors,
      footprint: [
        corner(-halfWidth, -halfDepth),
        corner(halfWidth, -halfDepth),
        corner(halfWidth, halfDepth),
        corner(-halfWidth, halfDepth),
      ],
    };
  });
}

const count = 50_000;
const buildings = syntheticCity(count, 42);
for (const run of [1, 2, 3]) {
  const start = performance.now();
  const { tilesetJson, tiles } = buildTileset(buildings);
  const milliseconds = performance.now() - start;
  const glbBytes = tiles.reduce((sum, t) => sum + t.glb.byteLength, 0);
  const jsonBytes = JSON.stringify(tilesetJson).length;
  console.log(
    `run ${run}: ${count} buildings → ${tiles.length} tiles in ${milliseconds.toFixed(0)} ms; ` +
      `glb ${(glbBytes / 1e6).toFixed(2)} MB (${(glbBytes / count).toFixed(0)} B/building), tileset.json ${jsonBytes} B`,
  );
}
