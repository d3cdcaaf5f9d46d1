/**
 * District and ward names as plain DOM labels over the canvas, placed every frame by projecting
 * their anchors (no React roots per label, no allocation per frame); the anchors' heights are
 * scaled by the vertical exaggeration like the terrain.
 */
import { type Camera, Vector3 } from 'three';
import type { AdminLabel } from '../../render/city/adminLayer.ts';

/** The labels of one view. */
export interface AdminLabelNodes {
  /** Moves each label over its anchor, hidden off screen or when `visible` is false. */
  place(
    camera: Camera,
    widthPixels: number,
    heightPixels: number,
    visible: boolean,
    exaggeration: number,
  ): void;
  /** Removes the labels from the page. */
  dispose(): void;
}

/** Adds a label per `labels` entry over `canvas` (into its parent element). */
export function createAdminLabels(canvas: HTMLCanvasElement, labels: readonly AdminLabel[]): AdminLabelNodes {
  const container = document.createElement('div');
  container.className = 'city-labels';
  const nodes = labels.map((label) => {
    const node = document.createElement('div');
    node.className = `city-label city-label-${label.kind}`;
    node.textContent = label.name;
    container.appendChild(node);
    return node;
  });
  canvas.parentElement?.appendChild(container);
  const point = new Vector3();
  return {
    place(camera, widthPixels, heightPixels, visible, exaggeration) {
      labels.forEach((label, i) => {
        const node = nodes[i]!;
        point.set(label.position[0], label.position[1] * exaggeration, label.position[2]).project(camera);
        const show = visible && point.z < 1 && Math.abs(point.x) < 1.1 && Math.abs(point.y) < 1.1;
        node.style.display = show ? '' : 'none';
        if (!show) return;
        const x = ((point.x + 1) / 2) * widthPixels;
        const y = ((1 - point.y) / 2) * heightPixels;
        node.style.transform = `translate(-50%, -50%) translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      });
    },
    dispose: () => container.remove(),
  };
}
