import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { parseParcels } from './parcels.ts';
import { parseZoningRules } from './zoningRules.ts';

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
