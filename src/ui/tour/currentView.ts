import { fromSceneMetres } from '../../core/geo.ts';
import type { TourPosition } from '../../scenario/tour.ts';

/** Scene points (x east, y up, z −north; m) of the last camera drawn and what it looked at. */
const latest = { position: [0, 0, 0], target: [0, 0, 0], seen: false };

/** Records the camera of the view just drawn (called every frame by CameraRig). */
export function recordView(
  position: { x: number; y: number; z: number },
  target: { x: number; y: number; z: number },
): void {
  latest.position = [position.x, position.y, position.z];
  latest.target = [target.x, target.y, target.z];
  latest.seen = true;
}

const toWgs84 = ([x, y, z]: number[]): TourPosition => {
  const [longitude, latitude] = fromSceneMetres(x!, -z!);
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return [round(longitude, 6), round(latitude, 6), round(y!, 0)];
};

/** The camera's current view as a tour stop stores it (WGS84 with heights, m), or none before a frame. */
export function currentTourView(): { position: TourPosition; target: TourPosition } | undefined {
  if (!latest.seen) return undefined;
  return { position: toWgs84(latest.position), target: toWgs84(latest.target) };
}
