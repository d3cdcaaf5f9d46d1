import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { buildOut } from './buildout.ts';
import { parseParcels } from './parcels.ts';
import { parseZoningRules } from './zoningRules.ts';
import { closedSquare as box } from '../../core/geometry/fixtures.ts';

function problemsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

const R1 = {
  use: 'residential',
  maxCoverage: 0.6,
  maxFAR: 3,
  maxHeight: 25,
  floorHeight: 3.5,
  setbacks: { front: 3, side: 1.5, rear: 2 },
};

const square = [
  [106.77, 10.82],
  [106.7701, 10.82],
  [106.7701, 10.8201],
  [106.77, 10.8201],
  [106.77, 10.82],
];

function feature(properties: unknown, coordinates: unknown = [square]) {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } };
}

describe('parseZoningRules (twin-zoning-rules/1)', () => {
  it('reads a valid document', () => {
    const rules = parseZoningRules({ format: 'twin-zoning-rules/1', zones: { R1 } });
    expect(rules.zones.R1).toEqual(R1);
  });

  it('reports every problem by path', () => {
    const problems = problemsOf(() =>
      parseZoningRules({
        format: 'twin-zoning-rules/2',
        zones: {
          R1: { ...R1, maxCoverage: 1.5, setbacks: { front: 3, side: 'x', rear: 2 } },
          C1: { ...R1, use: 'casino' },
        },
      }),
    );
    expect(problems).toEqual([
      'format: expected "twin-zoning-rules/1"',
      'zones.R1.maxCoverage: expected a number in [0, 1], got 1.5',
      'zones.R1.setbacks.side: expected a number, got "x"',
      expect.stringMatching(/^zones\.C1\.use: expected one of "residential"/),
    ]);
  });

  it('rejects a document without zones', () => {
    expect(problemsOf(() => parseZoningRules({ format: 'twin-zoning-rules/1', zones: {} }))).toEqual([
      'zones: expected at least one zone',
    ]);
  });
});

describe('parseParcels (GeoJSON)', () => {
  it('reads parcels and opens the rings (edge indices as given)', () => {
    const parcels = parseParcels(
      { type: 'FeatureCollection', features: [feature({ id: 7, zone: 'R1', frontEdge: 3 })] },
      ['R1'],
    );
    expect(parcels).toEqual([{ id: 7, zone: 'R1', exterior: square.slice(0, 4), holes: [], frontEdge: 3 }]);
  });

  it('keeps hole rings, opened', () => {
    const hole = [
      [106.77004, 10.82004],
      [106.77004, 10.82006],
      [106.77006, 10.82006],
      [106.77006, 10.82004],
      [106.77004, 10.82004],
    ];
    const [parcel] = parseParcels(
      { type: 'FeatureCollection', features: [feature({ id: 'h', zone: 'R1' }, [square, hole])] },
      ['R1'],
    );
    expect(parcel!.holes).toEqual([hole.slice(0, 4)]);
    expect(parcel!.frontEdge).toBeUndefined();
  });

  it('reports every problem by path, including unknown zones', () => {
    const open = square.slice(0, 4);
    const bowTie = [square[0], square[2], square[1], square[3], square[0]];
    const problems = problemsOf(() =>
      parseParcels(
        {
          type: 'FeatureCollection',
          features: [
            feature({ id: 'a', zone: 'R9' }),
            feature({ id: 'b', zone: 'R1' }, [open]),
            {
              type: 'Feature',
              properties: { id: 'c', zone: 'R1' },
              geometry: { type: 'Point', coordinates: [0, 0] },
            },
            feature({ id: 'd', zone: 'R1' }, [[square[0], square[1], ['x', 10.82], square[3], square[0]]]),
            feature({ id: 'e', zone: 'R1', frontEdge: 4 }),
            feature({ id: 'f', zone: 'R1' }, [bowTie]),
            feature({ id: 'a', zone: 'R1' }),
            feature({ zone: 'R1' }),
          ],
        },
        ['R1', 'C1'],
      ),
    );
    expect(problems).toEqual([
      'features[0].properties.zone: unknown zone "R9" (the rules define R1, C1)',
      'features[1].geometry.coordinates[0]: ring is not closed (GeoJSON repeats the first position at the end)',
      'features[2].geometry.type: expected "Polygon", got "Point"',
      'features[3].geometry.coordinates[0][2][0]: expected a number, got "x"',
      'features[4].properties.frontEdge: expected a number in [0, 3], got 4',
      'features[5].geometry.coordinates[0]: ring crosses itself (edges 0 and 2)',
      'features[6].properties.id: duplicate id "a" (also features[0])',
      'features[7].properties.id: expected a non-empty string or an integer id, got undefined',
    ]);
  });

  it('rejects a document that is not a FeatureCollection', () => {
    expect(problemsOf(() => parseParcels({ type: 'Feature' }, ['R1']))).toEqual([
      'type: expected "FeatureCollection", got "Feature"',
      'features: expected an array, got undefined',
    ]);
  });
});

describe('parcel geometry sanity', () => {
  const parse = (...rings: unknown[]) =>
    problemsOf(() =>
      parseParcels({ type: 'FeatureCollection', features: [feature({ id: 'p', zone: 'R1' }, rings)] }, [
        'R1',
      ]),
    );

  it('refuses a hole larger than its lot or outside it, naming the feature and ring', () => {
    // The lot is 0.0001° (≈ 11 m) square; this hole is 0.0003° square around it: larger than the lot.
    expect(parse(square, box(106.7699, 10.8199, 0.0003))).toEqual([
      'features[0].geometry.coordinates[1]: hole is not inside the lot',
    ]);
    // A small hole 100 m away: outside the lot, so subtracting it would be wrong.
    expect(parse(square, box(106.771, 10.82004, 0.00002))).toEqual([
      'features[0].geometry.coordinates[1]: hole is not inside the lot',
    ]);
    // A hole that crosses the lot's edge (half in, half out).
    expect(parse(square, box(106.77008, 10.82004, 0.00004))).toEqual([
      'features[0].geometry.coordinates[1]: hole is not inside the lot',
    ]);
  });

  it('refuses lots smaller than 1 m² or larger than 10 km²', () => {
    // 0.000005° square at 10.82 N: 0.556 m north × 0.546 m east ≈ 0.30 m².
    expect(parse(box(106.77, 10.82, 0.000005))).toEqual([
      expect.stringMatching(
        /^features\[0\]\.geometry\.coordinates: lot area 0\.30\d m² .* outside \[1, 10000000\] m²$/,
      ),
    ]);
    // 0.05° square ≈ 5.56 km × 5.46 km ≈ 30 km².
    expect(parse(box(106.75, 10.8, 0.05))).toEqual([
      expect.stringMatching(/^features\[0\]\.geometry\.coordinates: lot area 3\.04e\+7 m²/),
    ]);
  });

  it('refuses world-sized, antimeridian and far-away parcels', () => {
    const world = [
      [-170, -80],
      [170, -80],
      [170, 80],
      [-170, 80],
      [-170, -80],
    ];
    expect(parse(world)).toEqual([
      'features[0].geometry.coordinates[0][0]: position (-170, -80) lies outside the city region (106.55…107.05 E, 10.6…11.05 N)',
    ]);
    const antimeridian = [
      [179.9, 10.8],
      [-179.9, 10.8],
      [-179.9, 10.9],
      [179.9, 10.9],
      [179.9, 10.8],
    ];
    expect(parse(antimeridian)[0]).toMatch(
      /^features\[0\]\.geometry\.coordinates\[0\]\[0\]: position \(179\.9, 10\.8\) lies outside/,
    );
    expect(parse(box(2.35, 48.85, 0.0001))[0]).toMatch(
      /coordinates\[0\]\[0\]: position \(2\.35, 48\.85\) lies outside/,
    );
  });
});

describe('zone lookups and rule ranges', () => {
  it('finds only zones the rules define as their own: "constructor" is no zone, "__proto__" can be one', () => {
    const parcel = {
      id: 'p',
      zone: 'constructor',
      exterior: square.slice(0, 4) as [number, number][],
      holes: [],
    };
    expect(problemsOf(() => buildOut([parcel], { R1 } as never))).toEqual([
      'features[0].properties.zone: no rules for "constructor"',
    ]);
    const rules = parseZoningRules(
      JSON.parse(`{"format": "twin-zoning-rules/1", "zones": {"__proto__": ${JSON.stringify(R1)}}}`),
    );
    expect(Object.hasOwn(rules.zones, '__proto__')).toBe(true);
    expect(Object.keys(rules.zones)).toEqual(['__proto__']);
  });

  it('needs a positive FAR and height', () => {
    expect(
      problemsOf(() =>
        parseZoningRules({
          format: 'twin-zoning-rules/1',
          zones: { R1: { ...R1, maxFAR: 0, maxHeight: -1 } },
        }),
      ),
    ).toEqual([
      'zones.R1.maxFAR: expected a number in (0, 100], got 0',
      'zones.R1.maxHeight: expected a number in (0, 1000], got -1',
    ]);
  });
});
