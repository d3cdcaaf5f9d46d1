/**
 * Proposed buildings of a zoning build-out as translucent volumes coloured by use: each massing
 * ring (scene metres) extruded from the ground (× vertical exaggeration, like the terrain) by its
 * true build-out height (like the city's buildings), all merged into one
 * mesh (one draw call). Scene → three.js: x = east, y = up (× vertical exaggeration), z = −north.
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Mesh, MeshLambertMaterial } from 'three';
import earcut from 'earcut';
import type { FlatRings } from '../../scenario/stages/landuseView.ts';
import { LAND_USES } from '../../core/vocabulary.ts';
import { LAND_USE_COLOURS } from '../city/cityColours.ts';

/** Massing input: rings with use, height and ground elevation per ring. */
export interface MassingRings extends FlatRings {
  use: Uint8Array;
  heightMetres: Float32Array;
  groundMetres: Float32Array;
}

/** Opacity of the proposed volumes (existing buildings stay visible through them). */
export const MASSING_OPACITY = 0.55;

function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** Builds the merged massing mesh (roofs by ear-clipping triangulation, walls as quads). */
export function createMassingMesh(massing: MassingRings, exaggeration: number): Mesh {
  const positions: number[] = [];
  const colours: number[] = [];
  const rings = massing.offsets.length - 1;
  for (let k = 0; k < rings; k++) {
    const start = massing.offsets[k]!;
    const end = massing.offsets[k + 1]!;
    const n = end - start;
    if (n < 3) continue;
    const base = massing.groundMetres[k]! * exaggeration;
    const top = base + massing.heightMetres[k]!;
    const [r, g, b] = hexToRgb(LAND_USE_COLOURS[LAND_USES[massing.use[k]!] ?? 'residential']);
    const flat = Array.from(massing.coordinates.subarray(2 * start, 2 * end));
    const push = (e: number, y: number, nn: number, shade: number) => {
      positions.push(e, y, -nn);
      colours.push(r * shade, g * shade, b * shade);
    };
    for (const t of earcut(flat)) push(flat[2 * t]!, top, flat[2 * t + 1]!, 1);
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const ae = flat[2 * i]!;
      const an = flat[2 * i + 1]!;
      const be = flat[2 * j]!;
      const bn = flat[2 * j + 1]!;
      push(ae, base, an, 0.8);
      push(be, base, bn, 0.8);
      push(be, top, bn, 0.8);
      push(ae, base, an, 0.8);
      push(be, top, bn, 0.8);
      push(ae, top, an, 0.8);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(colours), 3));
  geometry.computeVertexNormals();
  const material = new MeshLambertMaterial({
    vertexColors: true,
    transparent: true,
    opacity: MASSING_OPACITY,
    depthWrite: false,
    side: DoubleSide,
  });
  const mesh = new Mesh(geometry, material);
  mesh.name = 'landuse-massing';
  mesh.renderOrder = 2;
  return mesh;
}

/** Frees the mesh's geometry and material. */
export function disposeMesh(mesh: Mesh): void {
  mesh.geometry.dispose();
  (mesh.material as MeshLambertMaterial).dispose();
}
