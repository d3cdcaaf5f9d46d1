import type { Color, Material, Vector3 } from 'three';

/** Uniforms the water shading reads, shared by every shaded material (one update a frame). */
export interface WaterShadingUniforms {
  /** Seconds since the look started (moves the ripples). */
  waterTime: { value: number };
  /** The sky colour reflected at grazing angles (linear). */
  waterSky: { value: Color };
  waterSunColour: { value: Color };
  /** Unit vector towards the sun, scene frame. */
  waterSunDirection: { value: Vector3 };
}

const FRAGMENT_PARS = /* glsl */ `
uniform float waterTime;
uniform vec3 waterSky;
uniform vec3 waterSunColour;
uniform vec3 waterSunDirection;
varying vec3 vWaterWorld;
// slopes of three travelling waves (wavelengths ~70, 30, 15 m), faded out with distance
vec3 waterNormal(vec2 p, float strength) {
  vec2 g = vec2(0.8, 0.6) * cos(dot(p, vec2(0.8, 0.6)) * 0.09 + waterTime * 1.3) * 0.06;
  g += vec2(-0.5, 0.85) * cos(dot(p, vec2(-0.5, 0.85)) * 0.21 + waterTime * 1.9) * 0.035;
  g += vec2(0.95, -0.3) * cos(dot(p, vec2(0.95, -0.3)) * 0.43 + waterTime * 2.6) * 0.02;
  return normalize(vec3(-g.x * strength, 1.0, -g.y * strength));
}`;

const FRAGMENT_SHADING = /* glsl */ `
{
  vec3 toEye = cameraPosition - vWaterWorld;
  float eyeDistance = length(toEye);
  vec3 v = toEye / eyeDistance;
  vec3 n = waterNormal(vWaterWorld.xz, 1.0 - smoothstep(1500.0, 9000.0, eyeDistance));
  float fresnel = 0.02 + 0.98 * pow(1.0 - max(dot(n, v), 0.0), 5.0);
  float glint = pow(max(dot(n, normalize(waterSunDirection + v)), 0.0), 180.0);
  outgoingLight = mix(outgoingLight, waterSky, 0.8 * fresnel) + 0.9 * glint * waterSunColour;
}
#include <opaque_fragment>`;

/**
 * Shades a water material (the city's rivers and lakes, a Lambert material; the flood water, a
 * basic material with depth colours) as water: sky reflected by a Fresnel term, the sun's glint
 * and a gentle ripple of the normal, over the material's own colour. Patches the built-in shader
 * (`onBeforeCompile`, its own program cache key); returns the function that puts it back.
 */
export function shadeAsWater(material: Material, uniforms: WaterShadingUniforms): () => void {
  const { onBeforeCompile, customProgramCacheKey } = material;
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vWaterWorld;')
      .replace(
        '#include <project_vertex>',
        '#include <project_vertex>\nvWaterWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;',
      );
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
      .replace('#include <opaque_fragment>', FRAGMENT_SHADING);
  };
  material.customProgramCacheKey = () => 'present-water';
  material.needsUpdate = true;
  return () => {
    material.onBeforeCompile = onBeforeCompile;
    material.customProgramCacheKey = customProgramCacheKey;
    material.needsUpdate = true;
  };
}
