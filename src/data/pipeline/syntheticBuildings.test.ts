import { describe, expect, it } from 'vitest';
import { encodeOsmPbf } from '../../../tests/fixtures/osm/encodeOsmPbf.ts';
import { smallTownBoundary, smallTownExtract } from '../../../tests/fixtures/osm/smallTown.ts';
import { fromSceneMetres } from '../../core/geo.ts';
import { ROAD_CLASSES } from '../../core/vocabulary.ts';
import { readOsmPbf } from '../osm/pbfReader.ts';
import { osmBuildings } from './buildings.ts';
import { encodeBuildings } from '../formats/buildings.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import { pointInPolygon } from '../../core/geometry/pointInPolygon.ts';
import { ringsOverlap, segmentRingDistance, type Point } from './geometry.ts';
import { createRegion, polygonsFromGeoJson } from './region.ts';
import { buildRoadGraph } from './roads.ts';
import { fillSyntheticBuildings } from './syntheticBuildings.ts';
import { extractLandUse } from './landUse.ts';
import { extractWater } from './water.ts';

const osm = readOsmPbf(encodeOsmPbf(smallTownExtract()));
const region = createRegion(polygonsFromGeoJson(smallTownBoundary()).flatMap((p) => p.polygons));
const { graph } = buildRoadGraph(osm, region);
const landUse = extractLandUse(osm, region);
const water = extractWater(osm, region);
const osmB = osmBuildings(osm, region, landUse.areas).buildings;
const fill = (seed: number) =>
  fillSyntheticBuildings({
    region,
    landUse: landUse.areas,
    water: water.areas,
    roads: graph,
    osmBuildings: osmB,
    seed,
  });

describe('synthetic building filler on the small-town fixture', () => {
  const result = fill(1);
  const synthetic = result.buildings;

  it('fills the street frontage with flagged row houses of the documented sizes', () => {
    expect(result.counts.rowHouses).toBeGreaterThan(100);
    expect(synthetic.every((b) => b.source === 'synthetic' && b.id.startsWith('s'))).toBe(true);
    const houses = synthetic.filter((b) => b.footprint.length === 4 && b.floors <= 6);
    for (const b of houses) {
      const [p, q, r] = b.footprint as [Point, Point, Point];
      const sides = [Math.hypot(q[0] - p[0], q[1] - p[1]), Math.hypot(r[0] - q[0], r[1] - q[1])].sort(
        (a, c) => a - c,
      );
      expect(sides[0]).toBeGreaterThanOrEqual(3.7); // 4–5 m lots less a 0.2 m gap, 0.1 m rounding
      expect(sides[0]).toBeLessThanOrEqual(5);
      expect(sides[1]).toBeGreaterThanOrEqual(14.9);
      expect(sides[1]).toBeLessThanOrEqual(20.1);
      expect(b.heightMetres).toBeCloseTo(b.floors * 3.3, 5);
    }
  });

  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    const again = JSON.stringify(encodeBuildings(fill(1).buildings));
    expect(again).toBe(JSON.stringify(encodeBuildings(synthetic)));
    expect(JSON.stringify(encodeBuildings(fill(2).buildings))).not.toBe(again);
  });

  it('never overlaps the OSM building, another synthetic building, water, the school or the park', () => {
    const house = osmB[0]!.footprint;
    const scene = (name: string) =>
      landUse.areas
        .concat(water.areas.map((polygons) => ({ osmId: 'water', use: 'water' as const, polygons })))
        .filter((a) => (name === 'water' ? a.use === 'water' : a.use === name))
        .flatMap((a) => a.polygons);
    const forbidden = [...scene('water'), ...scene('education'), ...scene('green')];
    expect(forbidden.length).toBe(4); // the pond (as land use and as water), the school, the park
    for (let i = 0; i < synthetic.length; i++) {
      const ring = synthetic[i]!.footprint;
      expect(ringsOverlap(ring, house)).toBe(false);
      for (const [e, n] of ring) {
        const [lon, lat] = fromSceneMetres(e, n);
        expect(region.contains(lon, lat)).toBe(true);
        for (const rings of forbidden) expect(pointInPolygon(lon, lat, rings)).toBe(false);
      }
      const [x0, y0, x1, y1] = bbox(ring);
      for (let k = i + 1; k < synthetic.length; k++) {
        const other = synthetic[k]!.footprint;
        const [a0, b0, a1, b1] = bbox(other);
        if (a0 > x1 || a1 < x0 || b0 > y1 || b1 < y0) continue;
        expect(ringsOverlap(ring, other)).toBe(false);
      }
    }
  });

  it('keeps every footprint clear of the carriageways (≥ 6.5 m from tertiary centrelines, ≥ 2 m from any)', () => {
    const { offsets, coordinates } = graph.geometries;
    const tertiary = new Set<number>();
    graph.links.geometry.forEach((g, i) => {
      if (ROAD_CLASSES[graph.links.roadClass[i]!] === 'tertiary') tertiary.add(g);
    });
    let closest = Number.POSITIVE_INFINITY;
    for (const b of synthetic) {
      for (let g = 0; g + 1 < offsets.length; g++) {
        for (let k = offsets[g]!; k + 1 < offsets[g + 1]!; k++) {
          const a: Point = [coordinates[2 * k]!, coordinates[2 * k + 1]!];
          const c: Point = [coordinates[2 * k + 2]!, coordinates[2 * k + 3]!];
          const d = segmentRingDistance(a, c, b.footprint);
          expect(d).toBeGreaterThanOrEqual(tertiary.has(g) ? 6.5 : 2);
          closest = Math.min(closest, d);
        }
      }
    }
    expect(closest).toBeLessThan(10);
  });
});
