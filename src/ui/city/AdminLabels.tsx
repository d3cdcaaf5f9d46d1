import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { AdminLabel } from '../../render/city/adminLayer.ts';

/**
 * District and ward names as plain DOM labels over the canvas, positioned every frame by
 * projecting their anchors (no React roots per label, no allocation per frame). `exaggeration`
 * scales the anchors' heights like the terrain.
 */
export function AdminLabels({
  labels,
  visible,
  exaggeration,
}: {
  labels: readonly AdminLabel[];
  visible: boolean;
  exaggeration: number;
}) {
  const gl = useThree((s) => s.gl);
  const nodes = useRef<HTMLDivElement[]>([]);
  const point = useMemo(() => new Vector3(), []);
  useEffect(() => {
    const parent = gl.domElement.parentElement;
    if (!parent) return;
    const container = document.createElement('div');
    container.className = 'city-labels';
    nodes.current = labels.map((label) => {
      const node = document.createElement('div');
      node.className = `city-label city-label-${label.kind}`;
      node.textContent = label.name;
      container.appendChild(node);
      return node;
    });
    parent.appendChild(container);
    return () => {
      container.remove();
      nodes.current = [];
    };
  }, [gl, labels]);

  useFrame(({ camera, size }) => {
    labels.forEach((label, i) => {
      const node = nodes.current[i];
      if (!node) return;
      point.set(label.position[0], label.position[1] * exaggeration, label.position[2]).project(camera);
      const show = visible && point.z < 1 && Math.abs(point.x) < 1.1 && Math.abs(point.y) < 1.1;
      node.style.display = show ? '' : 'none';
      if (!show) return;
      const x = ((point.x + 1) / 2) * size.width;
      const y = ((1 - point.y) / 2) * size.height;
      node.style.transform = `translate(-50%, -50%) translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
    });
  });
  return null;
}
