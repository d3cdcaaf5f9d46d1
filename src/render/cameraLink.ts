/**
 * Links the cameras of two views (comparison split screen and swipe): the view the user last
 * touched leads and writes its pose; the other copies it every frame. Plain numbers, no
 * allocation per frame.
 */
export interface CameraLink {
  /** Camera position and orbit target, three.js coordinates (metres). */
  position: [number, number, number];
  target: [number, number, number];
  /** Index of the leading view. */
  leader: number;
  /** Incremented on each write so followers can skip unchanged poses. */
  version: number;
}

/** A new link with view 0 leading. */
export function createCameraLink(): CameraLink {
  return { position: [0, 9000, 12000], target: [0, 0, 0], leader: 0, version: 0 };
}
