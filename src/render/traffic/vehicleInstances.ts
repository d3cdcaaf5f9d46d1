/**
 * The vehicle fleet as two instanced meshes: motorbikes as small narrow boxes, cars (and buses
 * and trucks, longer) as larger boxes, positioned from the stepper's typed array (x, y, heading,
 * type per vehicle; sim/traffic/vehicles.ts). Updating writes the instance matrices in place:
 * no allocation per frame. Vehicles are drawn `SIZE_FACTOR` times their size so they can be seen
 * at city scale.
 */
import { BoxGeometry, Color, DynamicDrawUsage, Group, InstancedMesh, MeshLambertMaterial } from 'three';
import type { TerrainGrid } from '../city/terrainGrid.ts';

/** Drawn size over true size (a 2 m motorbike shows as 12 m). */
export const SIZE_FACTOR = 6;
/** Colours by type code 0 motorbike, 1 car, 2 bus, 3 truck. */
const TYPE_COLOURS = ['#f39c12', '#2e86de', '#27ae60', '#8e44ad'] as const;
const TYPE_RGB = Float32Array.from(TYPE_COLOURS.flatMap((hex) => new Color(hex).toArray()));
/** Length of a car-mesh instance by type (car 4.5 m, bus 12 m, truck 10 m), relative to a car. */
const LENGTH_SCALE = [1, 1, 12 / 4.5, 10 / 4.5] as const;
const LIFT_METRES = 4;

/** Two instanced meshes (motorbikes, cars) for up to `capacity` vehicles. */
export class VehicleInstances {
  readonly group = new Group();
  readonly motorbikes: InstancedMesh;
  readonly cars: InstancedMesh;

  constructor(
    readonly capacity: number,
    private readonly terrain: TerrainGrid | undefined,
  ) {
    const s = SIZE_FACTOR;
    this.motorbikes = new InstancedMesh(
      new BoxGeometry(2 * s, 1.2 * s, 0.8 * s),
      new MeshLambertMaterial({ color: TYPE_COLOURS[0] }),
      capacity,
    );
    this.cars = new InstancedMesh(
      new BoxGeometry(4.5 * s, 1.6 * s, 1.8 * s),
      new MeshLambertMaterial({ color: '#ffffff' }),
      capacity,
    );
    for (const mesh of [this.motorbikes, this.cars]) {
      mesh.instanceMatrix.setUsage(DynamicDrawUsage);
      mesh.count = 0;
      mesh.frustumCulled = false;
      this.group.add(mesh);
    }
    const colour = new Color();
    for (let k = 0; k < capacity; k++) this.cars.setColorAt(k, colour.set(TYPE_COLOURS[1]));
    this.group.name = 'traffic-vehicles';
  }

  /** Places the vehicles of `positions` (4 floats each). */
  update(positions: Float32Array): void {
    const bikes = this.motorbikes.instanceMatrix.array as Float32Array;
    const cars = this.cars.instanceMatrix.array as Float32Array;
    const carColours = this.cars.instanceColor?.array as Float32Array | undefined;
    let nb = 0;
    let nc = 0;
    const count = Math.min(this.capacity, positions.length >> 2);
    for (let k = 0; k < count; k++) {
      const east = positions[4 * k]!;
      const north = positions[4 * k + 1]!;
      const heading = positions[4 * k + 2]!;
      const type = positions[4 * k + 3]! | 0;
      const up = (this.terrain ? this.terrain.elevationAt(east, north) : 0) + LIFT_METRES;
      const motorbike = type === 0;
      const target = motorbike ? bikes : cars;
      const o = 16 * (motorbike ? nb++ : nc);
      const length = motorbike ? 1 : (LENGTH_SCALE[type] ?? 1);
      // rotation by `heading` about the vertical (scene x east, z south), length along local x
      const cos = Math.cos(heading);
      const sin = Math.sin(heading);
      target[o] = cos * length;
      target[o + 1] = 0;
      target[o + 2] = -sin * length;
      target[o + 3] = 0;
      target[o + 4] = 0;
      target[o + 5] = 1;
      target[o + 6] = 0;
      target[o + 7] = 0;
      target[o + 8] = sin;
      target[o + 9] = 0;
      target[o + 10] = cos;
      target[o + 11] = 0;
      target[o + 12] = east;
      target[o + 13] = up;
      target[o + 14] = -north;
      target[o + 15] = 1;
      if (!motorbike && carColours) {
        const t = type >= 1 && type <= 3 ? type : 1;
        carColours[3 * nc] = TYPE_RGB[3 * t]!;
        carColours[3 * nc + 1] = TYPE_RGB[3 * t + 1]!;
        carColours[3 * nc + 2] = TYPE_RGB[3 * t + 2]!;
      }
      if (!motorbike) nc++;
    }
    this.motorbikes.count = nb;
    this.cars.count = nc;
    this.motorbikes.instanceMatrix.needsUpdate = true;
    this.cars.instanceMatrix.needsUpdate = true;
    if (this.cars.instanceColor) this.cars.instanceColor.needsUpdate = true;
  }

  dispose(): void {
    for (const mesh of [this.motorbikes, this.cars]) {
      mesh.geometry.dispose();
      (mesh.material as MeshLambertMaterial).dispose();
      mesh.dispose();
    }
  }
}
