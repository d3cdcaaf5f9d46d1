import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import { toSceneMetres } from '../core/geo.ts';
import type { TourEasing, TourPosition } from '../scenario/tour.ts';
import { ease } from '../scenario/tourPlayback.ts';
import { CAMERA_PRESETS } from '../render/cameraPresets.ts';
import { useApp } from './context.tsx';
import { recordView } from './tour/currentView.ts';

/** Seconds a flight to a preset takes. */
const FLIGHT_SECONDS = 1.2;
/** Camera elevation angle above the horizon for presets, radians. */
const ELEVATION_RADIANS = (50 * Math.PI) / 180;

interface OrbitLike {
  target: Vector3;
  update(): void;
}

/** Sets `out` to the scene point (x east, y up, z −north; m) of a WGS84 position with its height. */
function scenePoint(out: Vector3, [longitude, latitude, height]: TourPosition): Vector3 {
  const [east, north] = toSceneMetres(longitude, latitude);
  return out.set(east, height, -north);
}

/**
 * Flies the camera to the place requested in the app store: a preset (smoothstep over
 * FLIGHT_SECONDS) or a tour stop's view (its position and target, duration and easing; a
 * duration of 0 cuts).
 */
export function CameraRig() {
  const request = useApp((s) => s.cameraRequest);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const flight = useRef({
    active: false,
    elapsed: 0,
    seconds: FLIGHT_SECONDS,
    easing: 'smoothstep' as TourEasing,
    fromPosition: new Vector3(),
    fromTarget: new Vector3(),
    toPosition: new Vector3(),
    toTarget: new Vector3(),
  });

  useEffect(() => {
    if (!request || !controls) return;
    const f = flight.current;
    if ('view' in request) {
      scenePoint(f.toPosition, request.view.position);
      scenePoint(f.toTarget, request.view.target);
      f.seconds = request.view.durationSeconds;
      f.easing = request.view.easing;
    } else {
      const preset = CAMERA_PRESETS.find((p) => p.id === request.presetId);
      if (!preset) return;
      const [east, north] = toSceneMetres(preset.longitudeDegrees, preset.latitudeDegrees);
      const heading = (preset.headingDegrees * Math.PI) / 180;
      const horizontal = preset.distanceMetres * Math.cos(ELEVATION_RADIANS);
      f.toTarget.set(east, 0, -north);
      // camera stands behind the target, looking along the heading
      f.toPosition.set(
        east - horizontal * Math.sin(heading),
        preset.distanceMetres * Math.sin(ELEVATION_RADIANS),
        -(north - horizontal * Math.cos(heading)),
      );
      f.seconds = FLIGHT_SECONDS;
      f.easing = 'smoothstep';
    }
    f.fromPosition.copy(camera.position);
    f.fromTarget.copy(controls.target);
    f.elapsed = 0;
    f.active = true;
  }, [request, camera, controls]);

  useFrame((_, deltaSeconds) => {
    const f = flight.current;
    if (controls) recordView(camera.position, controls.target); // a tour stop is added from this view
    if (!f.active || !controls) return;
    f.elapsed = Math.min(f.seconds, f.elapsed + deltaSeconds);
    const s = f.seconds > 0 ? ease(f.easing, f.elapsed / f.seconds) : 1;
    camera.position.lerpVectors(f.fromPosition, f.toPosition, s);
    controls.target.lerpVectors(f.fromTarget, f.toTarget, s);
    controls.update();
    if (f.elapsed >= f.seconds) f.active = false;
  });
  return null;
}
