import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Vector3 } from 'three';
import type { CameraLink } from '../render/cameraLink.ts';

/** Keeps this view's camera in step with the other view's through a shared CameraLink. */
export function LinkedCamera({ link, viewIndex }: { link: CameraLink; viewIndex: number }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update(): void } | null;
  const domElement = useThree((s) => s.gl.domElement);
  const seen = useRef(-1);

  useEffect(() => {
    const lead = () => {
      link.leader = viewIndex;
    };
    domElement.addEventListener('pointerdown', lead);
    domElement.addEventListener('wheel', lead, { passive: true });
    return () => {
      domElement.removeEventListener('pointerdown', lead);
      domElement.removeEventListener('wheel', lead);
    };
  }, [domElement, link, viewIndex]);

  useFrame(() => {
    if (!controls) return;
    if (link.leader === viewIndex) {
      const p = camera.position;
      const t = controls.target;
      if (
        p.x !== link.position[0] ||
        p.y !== link.position[1] ||
        p.z !== link.position[2] ||
        t.x !== link.target[0] ||
        t.y !== link.target[1] ||
        t.z !== link.target[2]
      ) {
        link.position[0] = p.x;
        link.position[1] = p.y;
        link.position[2] = p.z;
        link.target[0] = t.x;
        link.target[1] = t.y;
        link.target[2] = t.z;
        link.version++;
      }
    } else if (seen.current !== link.version) {
      camera.position.set(link.position[0], link.position[1], link.position[2]);
      controls.target.set(link.target[0], link.target[1], link.target[2]);
      controls.update();
    }
    seen.current = link.version;
  });
  return null;
}
