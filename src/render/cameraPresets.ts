import type { MessageKey } from '../i18n/index.ts';

/** A named view: where the camera looks (WGS84 degrees), from how far (m) and which heading. */
export interface CameraPreset {
  id: string;
  title: MessageKey;
  longitudeDegrees: number;
  latitudeDegrees: number;
  /** Distance from camera to target, metres. */
  distanceMetres: number;
  /** Compass heading the camera looks towards, degrees clockwise from north. */
  headingDegrees: number;
}

/** Views planners ask for first (coordinates approximate, read off OSM). */
export const CAMERA_PRESETS: readonly CameraPreset[] = [
  {
    id: 'city',
    title: 'camera.city',
    longitudeDegrees: 106.77,
    latitudeDegrees: 10.82,
    distanceMetres: 26_000,
    headingDegrees: 0,
  },
  {
    id: 'thuThiem',
    title: 'camera.thuThiem',
    longitudeDegrees: 106.7195,
    latitudeDegrees: 10.7745,
    distanceMetres: 4_000,
    headingDegrees: 300,
  },
  {
    id: 'hiTechPark',
    title: 'camera.hiTechPark',
    longitudeDegrees: 106.7975,
    latitudeDegrees: 10.8455,
    distanceMetres: 4_500,
    headingDegrees: 20,
  },
  {
    id: 'vnuUrbanArea',
    title: 'camera.vnuUrbanArea',
    longitudeDegrees: 106.8005,
    latitudeDegrees: 10.8745,
    distanceMetres: 4_000,
    headingDegrees: 0,
  },
  {
    id: 'metroLine1',
    title: 'camera.metroLine1',
    longitudeDegrees: 106.762,
    latitudeDegrees: 10.8295,
    distanceMetres: 9_000,
    headingDegrees: 45,
  },
];
