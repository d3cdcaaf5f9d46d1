import { describe, expect, it } from 'vitest';
import { appendRightOffsetPolyline, cityVehicleGeometry } from './vehicleGeometry.ts';

describe('vehicle paths of the city links', () => {
  it('shifts a polyline to the right of travel with mitred joins, dropping repeated vertices', () => {
    const out: number[] = [];
    // east 100 m, then north 50 m (a left turn: the right side is the outside of the bend)
    expect(appendRightOffsetPolyline([0, 0, 100, 0, 100, 0, 100, 50], 6, out)).toBe(3);
    expect(out.map((v) => Number(v.toFixed(9)))).toEqual([0, -6, 106, -6, 106, 50]);
    expect(appendRightOffsetPolyline([5, 5, 5, 5], 6, [])).toBe(0);
  });

  it('follows roads.json polylines in the direction of travel, straight new roads, no connectors', () => {
    const city = {
      network: {
        links: [
          { from: 1, to: 2 }, // connector
          { from: 2, to: 3 }, // road link along its geometry
          { from: 3, to: 2 }, // the same road reversed
          { from: 2, to: 3 }, // a new road
        ],
      },
      roadLinkOfLink: [-1, 0, 1, -2],
      nodeEastMetres: [0, 10, 110],
      nodeNorthMetres: [0, 0, 0],
    };
    const roads = {
      links: { geometry: [0, 0], reversed: [0, 1] },
      geometries: { offsets: [0, 3], coordinates: [10, 0, 60, 0, 110, 0] },
    };
    const { linkPolylines, excludedLinks } = cityVehicleGeometry(city, roads, 6);
    expect([...excludedLinks]).toEqual([1, 0, 0, 0]);
    expect([...linkPolylines.offsets]).toEqual([0, 0, 3, 6, 8]);
    expect([...linkPolylines.coordinates]).toEqual([
      10,
      -6,
      60,
      -6,
      110,
      -6, // eastbound: south side
      110,
      6,
      60,
      6,
      10,
      6, // westbound: north side
      10,
      -6,
      110,
      -6,
    ]);
  });
});
