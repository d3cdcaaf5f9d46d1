/**
 * Floor space that scenario B adds or removes against A as a 3D bar chart, one bar per site:
 * a square bar of {@link BAR_WIDTH_METRES} standing on the terrain (ground × vertical
 * exaggeration, like the proposed massing), {@link BAR_METRES_PER_M2} metres tall per m² of
 * changed floor area (a quantity, not a building height); new floor space solid and coloured by
 * use, removed floor space as a wireframe in the same colour.
 * Two instanced meshes (two draw calls). Scene → three.js: x = east, y = up, z = −north.
 */
import {
  BoxGeometry,
  Color,
  Group,
  InstancedMesh,
  type Material,
  Matrix4,
  MeshBasicMaterial,
  MeshLambertMaterial,
} from 'three';
import type { FloorSpaceChanges } from '../../scenario/differenceLayers.ts';
import { LAND_USES } from '../../core/vocabulary.ts';
import { LAND_USE_COLOURS } from '../city/cityColours.ts';
import type { TerrainGrid } from '../city/terrainGrid.ts';

/** Side of each bar, m (narrow enough that bars of neighbouring parcels stand apart). */
export const BAR_WIDTH_METRES = 40;
/** Bar height per m² of changed floor area, m (1 m per 500 m²). */
export const BAR_METRES_PER_M2 = 1 / 500;
/** Lowest bar drawn, m, so small changes stay visible from afar. */
const MIN_HEIGHT_METRES = 10;

/** Bar height for a floor-area change, m: |ΔGFA| × BAR_METRES_PER_M2, at least MIN_HEIGHT_METRES. */
export function markerHeightMetres(grossFloorAreaDifferenceM2: number): number {
  return Math.max(MIN_HEIGHT_METRES, Math.abs(grossFloorAreaDifferenceM2) * BAR_METRES_PER_M2);
}

/** The floor-space change markers (see the module comment). */
export class FloorSpaceChangeLayer {
  readonly group = new Group();
  private readonly box = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
  private readonly materials: Material[] = [
    new MeshLambertMaterial({ color: 0xffffff }),
    new MeshBasicMaterial({ color: 0xffffff, wireframe: true }),
  ];
  /** Sites drawn as new (index 0) and removed (index 1). */
  readonly counts: [number, number] = [0, 0];

  /** `exaggeration` scales the ground height like the terrain mesh; box heights stay true. */
  constructor(changes: FloorSpaceChanges, terrain: TerrainGrid | undefined, exaggeration: number) {
    this.group.name = 'floor-space-changes';
    const n = changes.use.length;
    const added: number[] = [];
    const removed: number[] = [];
    for (let i = 0; i < n; i++) (changes.grossFloorAreaDifferenceM2[i]! > 0 ? added : removed).push(i);
    const matrix = new Matrix4();
    const colour = new Color();
    [added, removed].forEach((sites, kind) => {
      this.counts[kind] = sites.length;
      if (sites.length === 0) return;
      const mesh = new InstancedMesh(this.box, this.materials[kind]!, sites.length);
      sites.forEach((i, j) => {
        const east = changes.eastMetres[i]!;
        const north = changes.northMetres[i]!;
        const ground = terrain ? terrain.elevationAt(east, north) * exaggeration : 0;
        matrix.makeScale(
          BAR_WIDTH_METRES,
          markerHeightMetres(changes.grossFloorAreaDifferenceM2[i]!),
          BAR_WIDTH_METRES,
        );
        matrix.setPosition(east, ground, -north);
        mesh.setMatrixAt(j, matrix);
        mesh.setColorAt(j, colour.set(LAND_USE_COLOURS[LAND_USES[changes.use[i]!] ?? 'residential']));
      });
      mesh.name = kind === 0 ? 'floor-space-new' : 'floor-space-removed';
      mesh.frustumCulled = false;
      this.group.add(mesh);
    });
  }

  /** Frees the GPU buffers. */
  dispose(): void {
    for (const child of this.group.children) (child as InstancedMesh).dispose();
    this.box.dispose();
    for (const m of this.materials) m.dispose();
  }
}
