/**
 * The animated vehicles (sim/traffic/vehicles.ts: an animation of the assigned traffic, not a
 * micro-simulation) as two instanced meshes: motorbikes as small narrow boxes, cars (and buses
 * and trucks, longer) as larger boxes, positioned from the animation's typed array
 * (VEHICLE_STRIDE floats per vehicle: x, y, heading, type, speed) and coloured by their link's
 * assigned speed in km/h (VEHICLE_SPEED_LEGEND). Updating writes the instance matrices and
 * colours in place: no allocation per frame. Vehicles are drawn `SIZE_FACTOR` times their size so
 * they can be seen at city scale.
 */
import {
  BoxGeometry,
  DynamicDrawUsage,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  MeshLambertMaterial,
} from 'three';
import { VEHICLE_STRIDE } from '../../sim/traffic/vehicles.ts';
import type { TerrainGrid } from '../city/terrainGrid.ts';
import { hexColor, type Legend, type RampStop, rampColor } from '../legend.ts';

/** Drawn size over true size (a 2 m motorbike shows as 12 m). */
export const SIZE_FACTOR = 6;
/** Simulated seconds of the vehicle animation per real second (it plays faster than real time). */
export const VEHICLE_TIME_LAPSE = 30;
/** Vehicle colour by the assigned speed of its link, km/h: stopped dark red → free-flowing green. */
export const VEHICLE_SPEED_LEGEND: Legend = {
  kind: 'ramp',
  unit: 'km/h',
  stops: [
    { value: 0, color: hexColor('#a50026') },
    { value: 10, color: hexColor('#f46d43') },
    { value: 20, color: hexColor('#fee08b') },
    { value: 30, color: hexColor('#a6d96a') },
    { value: 50, color: hexColor('#1a9850') },
  ],
};
const SPEED_STOPS: readonly RampStop[] =
  VEHICLE_SPEED_LEGEND.kind === 'ramp' ? VEHICLE_SPEED_LEGEND.stops : [];
/** Length of a car-mesh instance by type (car 4.5 m, bus 12 m, truck 10 m), relative to a car. */
const LENGTH_SCALE = [1, 1, 12 / 4.5, 10 / 4.5] as const;
const LIFT_METRES = 4;

/** Two instanced meshes (motorbikes, cars) for up to `capacity` vehicles. */
export class VehicleInstances {
  readonly group = new Group();
  readonly motorbikes: InstancedMesh;
  readonly cars: InstancedMesh;
  private readonly rgb: [number, number, number] = [0, 0, 0];

  constructor(
    readonly capacity: number,
    private readonly terrain: TerrainGrid | undefined,
  ) {
    const s = SIZE_FACTOR;
    this.motorbikes = new InstancedMesh(
      new BoxGeometry(2 * s, 1.2 * s, 0.8 * s),
      new MeshLambertMaterial({ color: '#ffffff' }),
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
    // allocate the instance colour buffers, white (set per vehicle in `update`); filled directly,
    // not by setColorAt per instance, which costs a tenth of a second on the page's first load
    for (const mesh of [this.motorbikes, this.cars])
      mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(3 * capacity).fill(1), 3);
    this.group.name = 'traffic-vehicles';
  }

  /** Places and colours the vehicles of `positions` (VEHICLE_STRIDE floats each). */
  update(positions: Float32Array): void {
    const bikes = this.motorbikes.instanceMatrix.array as Float32Array;
    const cars = this.cars.instanceMatrix.array as Float32Array;
    const bikeColours = this.motorbikes.instanceColor?.array as Float32Array | undefined;
    const carColours = this.cars.instanceColor?.array as Float32Array | undefined;
    const rgb = this.rgb;
    let nb = 0;
    let nc = 0;
    const count = Math.min(this.capacity, Math.floor(positions.length / VEHICLE_STRIDE));
    for (let k = 0; k < count; k++) {
      const p = VEHICLE_STRIDE * k;
      const east = positions[p]!;
      const north = positions[p + 1]!;
      const heading = positions[p + 2]!;
      const type = positions[p + 3]! | 0;
      const up = (this.terrain ? this.terrain.elevationAt(east, north) : 0) + LIFT_METRES;
      const motorbike = type === 0;
      const target = motorbike ? bikes : cars;
      const slot = motorbike ? nb++ : nc++;
      const o = 16 * slot;
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
      const colours = motorbike ? bikeColours : carColours;
      if (colours) {
        rampColor(SPEED_STOPS, positions[p + 4]!, rgb);
        colours[3 * slot] = rgb[0];
        colours[3 * slot + 1] = rgb[1];
        colours[3 * slot + 2] = rgb[2];
      }
    }
    this.motorbikes.count = nb;
    this.cars.count = nc;
    this.motorbikes.instanceMatrix.needsUpdate = true;
    this.cars.instanceMatrix.needsUpdate = true;
    if (this.motorbikes.instanceColor) this.motorbikes.instanceColor.needsUpdate = true;
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
