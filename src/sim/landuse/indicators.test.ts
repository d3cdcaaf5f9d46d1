import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INDICATOR_ASSUMPTIONS as A,
  floorSpaceFromBuildOut,
  landUseIndicators,
  type ParcelFloorSpace,
  tripEndsByZone,
} from './indicators.ts';

function parcel(
  use: ParcelFloorSpace['use'],
  lot: number,
  footprint: number,
  gfa: number,
  trafficZone = 'Z1',
): ParcelFloorSpace {
  return {
    use,
    lotAreaSquareMetres: lot,
    footprintSquareMetres: footprint,
    grossFloorAreaSquareMetres: gfa,
    trafficZone,
  };
}

describe('landUseIndicators (hand-computed)', () => {
  const parcels = [
    parcel('residential', 6000, 3600, 28_000), // 1000 residents
    parcel('mixed', 2000, 1200, 5600), // 2800 housing → 100 residents; 2800 / 25 = 112 jobs
    parcel('commercial', 1000, 800, 2500), // 100 jobs
    parcel('green', 1000, 0, 0), // 1000 m² park
  ];
  const out = landUseIndicators(parcels);

  it('residents at 28 m²/person and jobs at m² per job by use', () => {
    expect(out.residents).toBeCloseTo(1100, 9);
    expect(out.jobs).toBeCloseTo(212, 9);
    expect(out.grossFloorAreaByUse).toEqual({ residential: 28_000, mixed: 5600, commercial: 2500, green: 0 });
  });

  it('densities per hectare over 1 ha of lots, green space per resident, impervious share', () => {
    expect(out.lotAreaHectares).toBeCloseTo(1, 12);
    expect(out.residentsPerHectare).toBeCloseTo(1100, 9);
    expect(out.jobsPerHectare).toBeCloseTo(212, 9);
    expect(out.greenSpacePerResidentSquareMetres).toBeCloseTo(1000 / 1100, 12);
    // Roofs 3600 + 1200 + 800 = 5600; paved half of open ground (2400 + 800 + 200) / 2 = 1700;
    // the park's ground is pervious. (5600 + 1700) / 10 000 = 0.73.
    expect(out.imperviousShare).toBeCloseTo(0.73, 12);
  });

  it('a floor area per person of 14 m² doubles residents', () => {
    const doubled = landUseIndicators(parcels, { ...A, floorAreaPerResidentSquareMetres: 14 });
    expect(doubled.residents).toBeCloseTo(2200, 9);
  });
});

describe('tripEndsByZone', () => {
  const parcels = [
    parcel('residential', 1000, 500, 10_000, 'Z1'),
    parcel('commercial', 1000, 800, 4000, 'Z2'),
  ];

  it('applies the rates per m² by use without balancing', () => {
    // Z1: 10 000 × 0.09 = 900 productions, 10 000 × 0.01 = 100 attractions; Z2: 4000 × 0.2 = 800.
    const ends = tripEndsByZone(parcels, A, false);
    expect(ends.Z1!.productions).toBeCloseTo(900, 9);
    expect(ends.Z1!.attractions).toBeCloseTo(100, 9);
    expect(ends.Z2!.productions).toBe(0);
    expect(ends.Z2!.attractions).toBeCloseTo(800, 9);
  });

  it('balances attractions to total productions, keeping their proportions', () => {
    const ends = tripEndsByZone(parcels);
    // Total productions 900; attractions 100 : 800 scaled by 900 / 900 = 1 → here already equal.
    expect(ends.Z1!.attractions + ends.Z2!.attractions).toBeCloseTo(900, 9);
    const more = tripEndsByZone([...parcels, parcel('commercial', 500, 400, 1000, 'Z3')]);
    // Attractions 100 + 800 + 200 = 1100 scaled to 900: Z3 gets 200 × 900 / 1100.
    expect(more.Z3!.attractions).toBeCloseTo((200 * 900) / 1100, 9);
    const total = Object.values(more).reduce((s, z) => s + z.attractions, 0);
    expect(total).toBeCloseTo(900, 9);
  });
});

describe('floorSpaceFromBuildOut', () => {
  it('takes the use from the zone rules and the zone code as traffic zone', () => {
    const rules = {
      R1: {
        use: 'residential' as const,
        maxCoverage: 0.6,
        maxFAR: 3,
        maxHeight: 25,
        floorHeight: 3.5,
        setbacks: { front: 3, side: 1.5, rear: 2 },
      },
    };
    const spaces = floorSpaceFromBuildOut(
      {
        parcels: [
          {
            id: 'A',
            zone: 'R1',
            lotArea: 600,
            envelopeArea: 425,
            footprintArea: 360,
            floors: 5,
            grossFloorArea: 1800,
            height: 17.5,
          },
        ],
        totals: { lotArea: 600, grossFloorArea: 1800, byUse: { residential: 1800 } },
        envelopes: [[]],
      },
      rules,
    );
    expect(spaces).toEqual([
      {
        use: 'residential',
        lotAreaSquareMetres: 600,
        footprintSquareMetres: 360,
        grossFloorAreaSquareMetres: 1800,
        trafficZone: 'R1',
      },
    ]);
  });
});
