import {
  BoxGeometry,
  Color,
  DirectionalLight,
  Group,
  type Material,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  ShaderLib,
  Vector3,
  type WebGLProgramParametersWithUniforms,
  type WebGLRenderer,
} from 'three';
import { describe, expect, it } from 'vitest';
import { PresentLook, SHADOW_MAP_TEXELS, shadowHalfWidth, sunDirection } from './presentLook.ts';
import { PRESENT_SKY_COLOURS } from './skyDome.ts';
import { shadeAsWater, type WaterShadingUniforms } from './waterShading.ts';

/** The parts of a renderer the look touches (no WebGL in Node). */
const fakeRenderer = () =>
  ({
    shadowMap: { enabled: false, type: 1, autoUpdate: true, needsUpdate: false },
  }) as unknown as WebGLRenderer;

const named = (name: string, material: Material = new MeshLambertMaterial()) => {
  const mesh = new Mesh(new BoxGeometry(), material);
  mesh.name = name;
  return mesh;
};

/** A built-in material's shader as three hands it to onBeforeCompile. */
const shaderOf = (lib: 'lambert' | 'basic') =>
  ({
    uniforms: {},
    vertexShader: ShaderLib[lib].vertexShader,
    fragmentShader: ShaderLib[lib].fragmentShader,
  }) as unknown as WebGLProgramParametersWithUniforms;

describe('the present look', () => {
  it('puts the sun above the horizon, east-south-east (x east, z south)', () => {
    const sun = sunDirection();
    expect(sun.length()).toBeCloseTo(1, 12);
    expect((Math.asin(sun.y) * 180) / Math.PI).toBeCloseTo(42, 9);
    expect(sun.x).toBeGreaterThan(0); // east
    expect(sun.z).toBeGreaterThan(0); // south of east (z = −north)
  });

  it('fits the shadowed square to the view, within 400 m and 16 km', () => {
    // 3 km away, 45° field of view, 16:10: the view's half-width ≈ 3000 · tan 22.5° · 1.6
    expect(shadowHalfWidth(3000, 45, 1.6)).toBeCloseTo(3000 * Math.tan(Math.PI / 8) * 1.6 * 1.3, 6);
    expect(shadowHalfWidth(50, 45, 1.6)).toBe(400);
    expect(shadowHalfWidth(200_000, 45, 1.6)).toBe(16_000);
    // a nearer camera gets a smaller square: sharper shadows
    expect(shadowHalfWidth(2000, 45, 1)).toBeLessThan(shadowHalfWidth(8000, 45, 1));
  });

  it('shades the buildings, ground and water it finds, and takes everything back when detached', () => {
    const scene = new Scene();
    const renderer = fakeRenderer();
    const buildings = new Group();
    const large = named('buildings-large');
    const terrain = named('terrain');
    const waterMaterial = new MeshLambertMaterial({ color: '#4f9fd6' });
    const water = named('water', waterMaterial);
    const road = named('roads');
    buildings.add(large);
    scene.add(buildings, terrain, water, road);

    const look = new PresentLook();
    look.attach(scene, renderer);
    const camera = new PerspectiveCamera(45, 1.6, 30, 200_000);
    camera.position.set(0, 3000, 3000);
    look.frame(camera, new Vector3(1234, 0, -567), 0.1);

    expect(renderer.shadowMap.enabled).toBe(true);
    expect(renderer.shadowMap.needsUpdate).toBe(true);
    expect(scene.fog?.color.getHexString()).toBe(new Color(PRESENT_SKY_COLOURS.horizon).getHexString());
    expect(scene.getObjectByName('present-sky')).toBeDefined();
    expect([large.castShadow, large.receiveShadow]).toEqual([true, true]);
    expect([terrain.castShadow, terrain.receiveShadow]).toEqual([false, true]);
    expect([road.castShadow, road.receiveShadow]).toEqual([false, false]);
    expect(waterMaterial.customProgramCacheKey()).toBe('present-water');
    // the sun aims at the view's centre snapped to whole shadow texels, and stands towards the sun
    const sun = scene.getObjectByName('present-look')!.children.find((c) => c instanceof DirectionalLight)!;
    const centre = new Vector3(1234, 0, -567);
    const texel = (2 * shadowHalfWidth(camera.position.distanceTo(centre), 45, 1.6)) / SHADOW_MAP_TEXELS;
    const aim = (sun as DirectionalLight).target.position;
    expect(aim.distanceTo(centre)).toBeLessThanOrEqual(texel);
    expect(aim.x / texel).toBeCloseTo(Math.round(aim.x / texel), 6);
    expect(aim.z / texel).toBeCloseTo(Math.round(aim.z / texel), 6);
    expect(sun.position.clone().sub(aim).normalize().distanceTo(sunDirection())).toBeLessThan(1e-9);

    look.detach();
    expect(renderer.shadowMap.enabled).toBe(false);
    expect(renderer.shadowMap.autoUpdate).toBe(true);
    expect(scene.fog).toBeNull();
    expect(scene.getObjectByName('present-sky')).toBeUndefined();
    expect([large.castShadow, large.receiveShadow, terrain.receiveShadow]).toEqual([false, false, false]);
    expect(waterMaterial.customProgramCacheKey()).not.toBe('present-water');
  });
});

describe('water shading', () => {
  const uniforms: WaterShadingUniforms = {
    waterTime: { value: 0 },
    waterSky: { value: new Color() },
    waterSunColour: { value: new Color() },
    waterSunDirection: { value: new Vector3(0, 1, 0) },
  };

  it('patches the Lambert (rivers) and basic (flood water) shaders where it means to', () => {
    for (const [lib, material] of [
      ['lambert', new MeshLambertMaterial()],
      ['basic', new MeshBasicMaterial({ vertexColors: true, transparent: true })],
    ] as const) {
      shadeAsWater(material, uniforms);
      const shader = shaderOf(lib);
      material.onBeforeCompile(shader, undefined as unknown as WebGLRenderer);
      // every anchor was found: a three upgrade that renames one fails here, not silently on screen
      expect(shader.vertexShader, lib).toContain('vWaterWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;');
      expect(shader.fragmentShader, lib).toContain('vec3 waterNormal(vec2 p, float strength)');
      expect(shader.fragmentShader.indexOf('float fresnel'), lib).toBeLessThan(
        shader.fragmentShader.indexOf('#include <opaque_fragment>'),
      );
      expect(shader.uniforms.waterSunDirection, lib).toBe(uniforms.waterSunDirection);
    }
  });

  it('puts the material back as it was', () => {
    const material = new MeshBasicMaterial();
    const before = material.onBeforeCompile;
    const restore = shadeAsWater(material, uniforms);
    expect(material.onBeforeCompile).not.toBe(before);
    restore();
    expect(material.onBeforeCompile).toBe(before);
    expect(material.customProgramCacheKey()).toBe(new MeshBasicMaterial().customProgramCacheKey());
  });
});
