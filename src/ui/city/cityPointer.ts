/**
 * Turns a pointer position on the canvas into a pick: a camera ray (three.js) converted to the
 * scene frame, the pick tolerance for roads, and the inspector attributes of what was hit.
 */
import { type Camera, PerspectiveCamera, Raycaster, Vector2 } from 'three';
import { LAND_USE_NAMES } from '../../data/pipeline/landUseTags.ts';
import type { CityLayerId, CityModel, CityPick } from '../../render/city/cityModel.ts';
import type { SceneRay } from '../../render/city/pickGeometry.ts';
import type { PickedFeature } from '../../state/appStore.ts';

/** Road pick tolerance, screen pixels. */
const TOLERANCE_PIXELS = 6;

const raycaster = new Raycaster();
const ndc = new Vector2();

/** The scene-frame ray through canvas pixel (x, y) (CSS pixels from the canvas' top-left). */
export function rayThroughPixel(
  camera: Camera,
  x: number,
  y: number,
  width: number,
  height: number,
): SceneRay {
  ndc.set((x / width) * 2 - 1, -(y / height) * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  const { origin, direction } = raycaster.ray;
  return {
    originEast: origin.x,
    originNorth: -origin.z,
    originUp: origin.y,
    directionEast: direction.x,
    directionNorth: -direction.z,
    directionUp: direction.y,
  };
}

/** Picks at canvas pixel (x, y) among the visible layers. */
export function pickAtPixel(
  model: CityModel,
  camera: Camera,
  x: number,
  y: number,
  width: number,
  height: number,
  visible: (id: CityLayerId) => boolean,
): CityPick {
  const ray = rayThroughPixel(camera, x, y, width, height);
  const fov = camera instanceof PerspectiveCamera ? camera.fov : 45;
  const metresPerUnitT = (TOLERANCE_PIXELS * 2 * Math.tan((fov * Math.PI) / 360)) / Math.max(1, height);
  return model.pick(ray, visible, metresPerUnitT);
}

/** The inspector's view of a pick. */
export function pickedFeature(model: CityModel, pick: NonNullable<CityPick>): PickedFeature {
  if (pick.layer === 'buildings') {
    const a = model.buildings!.attributes(pick.index);
    const names = LAND_USE_NAMES[a.use];
    return { layer: 'buildings', attributes: { ...a, vi: names.vi, en: names.en } };
  }
  if (pick.layer === 'roads')
    return { layer: 'roads', attributes: { ...model.roads!.attributes(pick.index) } };
  return { layer: 'landuse', attributes: model.parcels!.attributes(pick.index) };
}

/** True when two picks name the same feature. */
export function samePick(a: CityPick, b: CityPick): boolean {
  return a?.layer === b?.layer && a?.index === b?.index;
}
