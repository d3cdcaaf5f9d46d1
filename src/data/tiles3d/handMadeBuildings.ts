import type { BuildingRecord } from './types.ts';

/**
 * Fifty hand-made buildings for the tiles3d tests: 46 rectangles on a 2 km grid, an L-shape,
 * a concave comb, a rectangle given clockwise and one given as a closed ring.
 */
export function handMadeBuildings(): BuildingRecord[] {
  const uses = ['residential', 'commercial', 'industrial', 'mixed', 'education', 'health', 'public'];
  const buildings: BuildingRecord[] = [];
  for (let i = 0; i < 46; i++) {
    const east = -1000 + (i % 8) * 260 + (i % 3) * 7;
    const north = -900 + Math.floor(i / 8) * 330;
    const width = 8 + (i % 5) * 4;
    const depth = 10 + (i % 4) * 3;
    buildings.push({
      id: `way/${1000 + i}`,
      source: i % 4 === 0 ? 'synthetic' : 'osm',
      use: uses[i % uses.length]!,
      heightMetres: 3.5 * (1 + (i % 9)),
      floors: 1 + (i % 9),
      footprint: [
        [east, north],
        [east + width, north],
        [east + width, north + depth],
        [east, north + depth],
      ],
    });
  }
  buildings.push({
    id: 'way/L',
    source: 'osm',
    use: 'commercial',
    heightMetres: 12.25,
    floors: 4,
    footprint: L_SHAPE,
  });
  buildings.push({
    id: 'relation/comb-Đức',
    source: 'osm',
    use: 'industrial',
    heightMetres: 7.75,
    floors: 2,
    footprint: COMB,
  });
  buildings.push({
    id: 'syn/clockwise',
    source: 'synthetic',
    use: 'residential',
    heightMetres: 9,
    floors: 3,
    footprint: [
      [900, 900],
      [900, 920],
      [930, 920],
      [930, 900],
    ],
  });
  buildings.push({
    id: 'syn/closed',
    source: 'synthetic',
    use: 'public',
    heightMetres: 30,
    floors: 10,
    footprint: [
      [-950, 950],
      [-920, 950],
      [-920, 990],
      [-950, 990],
      [-950, 950],
    ],
  });
  return buildings;
}

/** An L-shaped footprint (6 corners, area 20·10 + 10·10 = 300 m²). */
export const L_SHAPE: Array<[number, number]> = [
  [300, 300],
  [320, 300],
  [320, 310],
  [310, 310],
  [310, 320],
  [300, 320],
];

/** A concave comb (10 corners): a 50×10 spine and two 10×20 teeth, area 500 + 2·200 = 900 m². */
export const COMB: Array<[number, number]> = [
  [-500, 500],
  [-450, 500],
  [-450, 530],
  [-460, 530],
  [-460, 510],
  [-470, 510],
  [-470, 530],
  [-480, 530],
  [-480, 510],
  [-500, 510],
];
