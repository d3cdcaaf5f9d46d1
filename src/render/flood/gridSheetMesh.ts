import { BufferAttribute, BufferGeometry, DoubleSide, Mesh, MeshBasicMaterial } from 'three';

/**
 * A transparent sheet over a flood grid: positions (x, y, z per vertex), RGBA colours per
 * vertex and triangle indices, drawn after the terrain without writing depth. Shared by the
 * water surface and the depth-difference layer.
 */
export function gridSheetMesh(
  positions: Float32Array,
  colours: Float32Array,
  indices: number[],
  name: string,
  renderOrder: number,
): Mesh {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('color', new BufferAttribute(colours, 4));
  geometry.setIndex(indices);
  const material = new MeshBasicMaterial({
    vertexColors: true,
    transparent: true,
    depthWrite: false,
    side: DoubleSide,
  });
  const mesh = new Mesh(geometry, material);
  mesh.name = name;
  mesh.renderOrder = renderOrder;
  mesh.frustumCulled = false;
  return mesh;
}
