/**
 * The "present" look of a 3D view for tour playback: a gradient sky (skyDome.ts), a sun
 * (directional light) casting soft building shadows whose shadow map follows the view, water
 * shading of rivers and flood water (waterShading.ts) and haze (scene fog of the sky's horizon
 * colour, its distances following the camera). Attached to a scene and renderer, it takes every
 * change back when detached; the plain look (the workbench's) has no part of it.
 */
import {
  Color,
  DirectionalLight,
  Fog,
  Group,
  HemisphereLight,
  type Material,
  Mesh,
  type Object3D,
  PCFShadowMap,
  type PerspectiveCamera,
  type Scene,
  Vector3,
  type WebGLRenderer,
} from 'three';
import { PRESENT_SKY_COLOURS, skyDome } from './skyDome.ts';
import { shadeAsWater, type WaterShadingUniforms } from './waterShading.ts';

/** Sun azimuth (° clockwise from north) and elevation (°): a mid-morning sun from the east-south-east. */
const SUN_AZIMUTH_DEGREES = 115;
const SUN_ELEVATION_DEGREES = 42;
/** Shadow map side, texels (PCF, soft by `SHADOW_RADIUS_TEXELS`). */
export const SHADOW_MAP_TEXELS = 2048;
const SHADOW_RADIUS_TEXELS = 3;
/** Half-width of the shadowed square around the view's centre, m: its bounds. */
const SHADOW_HALF_WIDTH_METRES = { min: 400, max: 16_000 } as const;
/** Seconds between shadow map redraws while the view stands still (layers may change). */
const SHADOW_REFRESH_SECONDS = 2;
/** Seconds between looks for new meshes to shade (layers mount and rebuild their meshes). */
const SCAN_SECONDS = 0.5;

/** Meshes by name (render/city, render/landuse): buildings cast and receive shadows, the ground receives. */
const CASTERS = new Set(['buildings-large', 'buildings-small', 'landuse-massing']);
const RECEIVERS = new Set(['terrain', 'buildings-large', 'buildings-small', 'landuse-massing']);
/** Water surfaces: the city's rivers and lakes, the flood water. */
const WATER = new Set(['water', 'flood-water']);

/** Unit vector towards the sun in the scene frame (x east, y up, z south). */
export function sunDirection(): Vector3 {
  const azimuth = (SUN_AZIMUTH_DEGREES * Math.PI) / 180;
  const elevation = (SUN_ELEVATION_DEGREES * Math.PI) / 180;
  return new Vector3(
    Math.sin(azimuth) * Math.cos(elevation),
    Math.sin(elevation),
    -Math.cos(azimuth) * Math.cos(elevation),
  );
}

/**
 * Half-width of the shadowed square for a camera `distanceMetres` from the view's centre with
 * vertical field of view `fovDegrees` and `aspect`, m: what the view shows around its centre,
 * with a margin, within {@link SHADOW_HALF_WIDTH_METRES}.
 */
export function shadowHalfWidth(distanceMetres: number, fovDegrees: number, aspect: number): number {
  const half = distanceMetres * Math.tan((fovDegrees * Math.PI) / 360) * Math.max(aspect, 1) * 1.3;
  return Math.min(SHADOW_HALF_WIDTH_METRES.max, Math.max(SHADOW_HALF_WIDTH_METRES.min, half));
}

/** What attaching changed, to be put back. */
interface Changed {
  fog: Scene['fog'];
  shadowMap: { enabled: boolean; type: WebGLRenderer['shadowMap']['type']; autoUpdate: boolean };
  shadows: Map<Object3D, { cast: boolean; receive: boolean }>;
  water: Map<Material, () => void>;
}

export class PresentLook {
  private readonly group = new Group();
  private readonly sun = new DirectionalLight('#fff3df', 2.4);
  private readonly towardsSun = sunDirection();
  private readonly fog = new Fog(PRESENT_SKY_COLOURS.horizon, 1, 2);
  private readonly waterUniforms: WaterShadingUniforms = {
    waterTime: { value: 0 },
    waterSky: { value: new Color(PRESENT_SKY_COLOURS.horizon) },
    waterSunColour: { value: new Color('#fff3df') },
    waterSunDirection: { value: this.towardsSun },
  };
  private readonly centre = new Vector3();
  private readonly fitted = new Vector3(Number.NaN, 0, 0);
  private fittedHalfWidth = 0;
  private sinceShadow = 0;
  private sinceScan = SCAN_SECONDS;
  private attached: { scene: Scene; renderer: WebGLRenderer; changed: Changed } | null = null;

  constructor() {
    this.group.name = 'present-look';
    const sky = skyDome(this.towardsSun);
    const hemisphere = new HemisphereLight('#dcecff', '#6b7b5a', 0.9);
    this.sun.castShadow = true;
    this.sun.shadow.mapSize.set(SHADOW_MAP_TEXELS, SHADOW_MAP_TEXELS);
    this.sun.shadow.radius = SHADOW_RADIUS_TEXELS;
    this.sun.shadow.bias = -0.0004;
    this.group.add(sky, hemisphere, this.sun, this.sun.target);
  }

  /** Puts the look on `scene` drawn by `renderer` (detaching first if it was on another). */
  attach(scene: Scene, renderer: WebGLRenderer): void {
    this.detach();
    const { shadowMap } = renderer;
    const changed: Changed = {
      fog: scene.fog,
      shadowMap: { enabled: shadowMap.enabled, type: shadowMap.type, autoUpdate: shadowMap.autoUpdate },
      shadows: new Map(),
      water: new Map(),
    };
    // PCFSoftShadowMap is gone from three r18x: PCF with a radius is its soft successor
    shadowMap.enabled = true;
    shadowMap.type = PCFShadowMap;
    shadowMap.autoUpdate = false;
    shadowMap.needsUpdate = true;
    scene.fog = this.fog;
    scene.add(this.group);
    this.attached = { scene, renderer, changed };
    this.sinceScan = SCAN_SECONDS;
    recompile(scene);
  }

  /**
   * Per frame: moves the ripples, fits the haze and the sun's shadow map to the view (`camera`
   * looking at `target`, scene frame), redraws the shadow map when the view moved or every few
   * seconds, and shades meshes that appeared.
   */
  frame(camera: PerspectiveCamera, target: Vector3 | undefined, dtSeconds: number): void {
    const on = this.attached;
    if (!on) return;
    this.waterUniforms.waterTime.value += dtSeconds;
    this.sinceScan += dtSeconds;
    if (this.sinceScan >= SCAN_SECONDS) {
      this.sinceScan = 0;
      this.shadeNewMeshes(on.scene, on.changed);
    }
    if (target) this.centre.copy(target);
    else camera.getWorldDirection(this.centre).multiplyScalar(camera.position.y).add(camera.position);
    const distance = Math.max(camera.position.distanceTo(this.centre), 100);
    this.fog.near = distance * 0.8;
    this.fog.far = distance * 3 + 10_000;

    const half = shadowHalfWidth(distance, camera.fov, camera.aspect);
    // centre snapped to whole shadow texels so edges do not shimmer while panning
    const texel = (2 * half) / SHADOW_MAP_TEXELS;
    this.centre.set(
      Math.round(this.centre.x / texel) * texel,
      this.centre.y,
      Math.round(this.centre.z / texel) * texel,
    );
    this.sinceShadow += dtSeconds;
    const moved = !this.fitted.equals(this.centre) || half !== this.fittedHalfWidth;
    if (!moved && this.sinceShadow < SHADOW_REFRESH_SECONDS) return;
    this.sinceShadow = 0;
    this.fitted.copy(this.centre);
    this.fittedHalfWidth = half;
    const shadowCamera = this.sun.shadow.camera;
    shadowCamera.left = -half;
    shadowCamera.right = half;
    shadowCamera.top = half;
    shadowCamera.bottom = -half;
    shadowCamera.near = 1;
    shadowCamera.far = 4 * half + 6000;
    shadowCamera.updateProjectionMatrix();
    this.sun.target.position.copy(this.centre);
    this.sun.position
      .copy(this.towardsSun)
      .multiplyScalar(2 * half + 3000)
      .add(this.centre);
    this.sun.target.updateMatrixWorld();
    this.sun.updateMatrixWorld();
    on.renderer.shadowMap.needsUpdate = true;
  }

  /** Takes every change back (fog, shadow settings, shadow flags, water shading) and frees the GPU resources. */
  detach(): void {
    const on = this.attached;
    if (!on) return;
    this.attached = null;
    const { scene, renderer, changed } = on;
    scene.remove(this.group);
    scene.fog = changed.fog;
    Object.assign(renderer.shadowMap, changed.shadowMap);
    for (const [object, was] of changed.shadows) {
      object.castShadow = was.cast;
      object.receiveShadow = was.receive;
    }
    for (const restore of changed.water.values()) restore();
    this.sun.shadow.map?.dispose();
    this.sun.shadow.map = null;
    this.group.traverse((o) => {
      if (o instanceof Mesh) {
        o.geometry.dispose();
        (o.material as Material).dispose();
      }
    });
    recompile(scene);
  }

  /** Shadow flags on buildings and ground, water shading on water, for meshes not seen yet. */
  private shadeNewMeshes(scene: Scene, changed: Changed): void {
    scene.traverse((object) => {
      const cast = CASTERS.has(object.name);
      const receive = RECEIVERS.has(object.name);
      if ((cast || receive) && !changed.shadows.has(object)) {
        changed.shadows.set(object, { cast: object.castShadow, receive: object.receiveShadow });
        object.castShadow ||= cast;
        object.receiveShadow ||= receive;
      }
      if (WATER.has(object.name) && object instanceof Mesh) {
        const material = object.material as Material;
        if (!changed.water.has(material))
          changed.water.set(material, shadeAsWater(material, this.waterUniforms));
      }
    });
  }
}

/** Marks every material of `scene` for recompiling (fog and shadows change the shader programs). */
function recompile(scene: Scene): void {
  scene.traverse((object) => {
    const material = (object as Partial<Mesh>).material;
    for (const m of Array.isArray(material) ? material : material ? [material] : []) m.needsUpdate = true;
  });
}
