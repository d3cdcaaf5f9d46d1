import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { PerspectiveCamera, Vector3 } from 'three';
import { PresentLook } from '../../render/look/presentLook.ts';

/**
 * Puts the present look (render/look/presentLook.ts) on the view's scene while mounted: the
 * sky, sun and shadows, water shading and haze, fitted to the camera and the map controls'
 * target every frame. Unmounting puts the plain look back.
 */
export function PresentLookView() {
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls) as unknown as { target?: Vector3 } | null;
  const look = useMemo(() => new PresentLook(), []);
  useEffect(() => {
    look.attach(scene, gl);
    return () => look.detach();
  }, [look, scene, gl]);
  useFrame(({ camera }, delta) => look.frame(camera as PerspectiveCamera, controls?.target, delta));
  return null;
}
