import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import { toSceneMetres } from '../core/geo.ts';
import { CAMERA_PRESETS } from '../render/cameraPresets.ts';
import { useApp } from './context.tsx';

/** Seconds a camera flight takes. */
const FLIGHT_SECONDS = 1.2;
/** Camera elevation angle above the horizon for presets, radians. */
const ELEVATION_RADIANS = (50 * Math.PI) / 180;

interface OrbitLike {
  target: Vector3;
  update(): void;
}

/** Flies the camera to the preset requested in the app store (smoothstep over FLIGHT_SECONDS). */
export function CameraRig() {
  const request = useApp((s) => s.cameraRequest);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const flight = useRef({
    active: false,
    elapsed: 0,
    fromPosition: new Vector3(),
    fromTarget: new Vector3(),
    toPosition: new Vector3(),
    toTarget: new Vector3(),
  });

  useEffect(() => {
    const preset = CAMERA_PRESETS.find((p) => p.id === request?.presetId);
    if (!preset || !controls) return;
    const [east, north] = toSceneMetres(preset.longitudeDegrees, preset.latitudeDegrees);
    const heading = (preset.headingDegrees * Math.PI) / 180;
    const horizontal = preset.distanceMetres * Math.cos(ELEVATION_RADIANS);
    const f = flight.current;
    f.fromPosition.copy(camera.position);
    f.fromTarget.copy(controls.target);
    f.toTarget.set(east, 0, -north);
    // camera stands behind the target, looking along the heading
    f.toPosition.set(
      east - horizontal * Math.sin(heading),
      preset.distanceMetres * Math.sin(ELEVATION_RADIANS),
      -(north - horizontal * Math.cos(heading)),
    );
    f.elapsed = 0;
    f.active = true;
  }, [request, camera, controls]);

  useFrame((_, deltaSeconds) => {
    const f = flight.current;
    if (!f.active || !controls) return;
    f.elapsed = Math.min(FLIGHT_SECONDS, f.elapsed + deltaSeconds);
    const x = f.elapsed / FLIGHT_SECONDS;
    const s = x * x * (3 - 2 * x);
    camera.position.lerpVectors(f.fromPosition, f.toPosition, s);
    controls.target.lerpVectors(f.fromTarget, f.toTarget, s);
    controls.update();
    if (f.elapsed >= FLIGHT_SECONDS) f.active = false;
  });
  return null;
}
