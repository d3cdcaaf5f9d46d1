import { describe, expect, it } from 'vitest';
import type { RoadsDocument } from '../../data/formats/roads.ts';
import { LinkFlowLayer } from './linkFlowLayer.ts';
import { VEHICLE_SPEED_LEGEND, VehicleInstances } from './vehicleInstances.ts';

/** Two links on one 3-vertex polyline (both directions) and one on a 2-vertex polyline. */
const roads = {
  links: { ids: ['1-0f', '1-0b', '2-0f'], geometry: [0, 0, 1], reversed: [0, 1, 0] },
  geometries: { offsets: [0, 3, 5], coordinates: [0, 0, 100, 0, 200, 0, 0, 0, 0, 100] },
} as unknown as RoadsDocument;

describe('LinkFlowLayer', () => {
  it('draws one segment per polyline piece of each link with volume, by width class', () => {
    const layer = new LinkFlowLayer(roads, undefined);
    layer.show({
      volume: Float32Array.from([500, 0, 5000]),
      colourValue: Float32Array.from([0.5, 0, 1.2]),
      mode: 'ratio',
    });
    expect(layer.segmentCount).toBe(2 + 1);
    expect(layer.group.children.map((c) => c.name).sort()).toEqual(['traffic-links-1', 'traffic-links-3']);
    // the difference mode draws the links whose volume changed (also when it is now 0), only them
    layer.show({
      volume: Float32Array.from([0, 0, 5000]),
      colourValue: Float32Array.from([-500, 0, 0]),
      mode: 'difference',
    });
    expect(layer.segmentCount).toBe(2);
  });
});

describe('VehicleInstances', () => {
  it('splits motorbikes and cars and writes a rotation about the vertical with the position', () => {
    const v = new VehicleInstances(4, undefined);
    // (x, y, heading, type, speed km/h): motorbike heading north at (10, 20); car heading east at (-5, 7); truck at (0, 0)
    v.update(Float32Array.from([10, 20, Math.PI / 2, 0, 25, -5, 7, 0, 1, 0, 0, 0, 0, 3, 50]));
    expect(v.motorbikes.count).toBe(1);
    expect(v.cars.count).toBe(2);
    const m = v.motorbikes.instanceMatrix.array;
    // local x (length) → north = scene −z
    expect(m[0]).toBeCloseTo(0, 6);
    expect(m[2]).toBeCloseTo(-1, 6);
    expect([m[12], m[14]]).toEqual([10, -20]);
    const c = v.cars.instanceMatrix.array;
    expect([c[0], c[2], c[12], c[14]]).toEqual([1, -0, -5, -7]);
    // the truck's instance is longer than the car's (10 m vs 4.5 m)
    expect(c[16]).toBeCloseTo(10 / 4.5, 6);
  });

  it('colours each vehicle by its speed on the km/h legend', () => {
    const v = new VehicleInstances(3, undefined);
    v.update(Float32Array.from([0, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 1, 80]));
    const stops = VEHICLE_SPEED_LEGEND.kind === 'ramp' ? VEHICLE_SPEED_LEGEND.stops : [];
    expect(VEHICLE_SPEED_LEGEND.kind === 'ramp' && VEHICLE_SPEED_LEGEND.unit).toBe('km/h');
    const colour = (k: number, a: ArrayLike<number>) => [a[3 * k], a[3 * k + 1], a[3 * k + 2]];
    const at = (kmh: number) => stops.find((s) => s.value === kmh)!.color;
    const bikes = v.motorbikes.instanceColor!.array;
    const cars = v.cars.instanceColor!.array;
    for (const [actual, expected] of [
      [colour(0, bikes), at(20)],
      [colour(0, cars), at(0)],
      [colour(1, cars), stops[stops.length - 1]!.color], // above the last stop: its colour
    ] as const) {
      actual.forEach((value, i) => {
        expect(value).toBeCloseTo(expected[i]!, 6);
      });
    }
  });
});
