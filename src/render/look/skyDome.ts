import { BackSide, Color, Mesh, ShaderMaterial, SphereGeometry, type Vector3 } from 'three';

/** The present look's sky colours (sRGB hex): zenith, horizon (also the haze), sun glow. */
export const PRESENT_SKY_COLOURS = { zenith: '#3f78bf', horizon: '#d3e0ea', sun: '#fff0d2' } as const;

const VERTEX = /* glsl */ `
varying vec3 vDirection;
void main() {
  vDirection = position;
  // rotation only: the dome stays centred on the camera; z = w puts it on the far plane
  vec4 clip = projectionMatrix * vec4(mat3(viewMatrix) * position, 1.0);
  gl_Position = clip.xyww;
}`;

const FRAGMENT = /* glsl */ `
uniform vec3 zenith;
uniform vec3 horizon;
uniform vec3 sunColour;
uniform vec3 sunDirection;
varying vec3 vDirection;
void main() {
  vec3 d = normalize(vDirection);
  vec3 sky = mix(horizon, zenith, pow(max(d.y, 0.0), 0.45));
  float towardsSun = max(dot(d, sunDirection), 0.0);
  sky += sunColour * (0.22 * pow(towardsSun, 8.0) + 1.5 * pow(towardsSun, 900.0));
  gl_FragColor = vec4(sky, 1.0);
  #include <colorspace_fragment>
}`;

/**
 * A gradient sky dome: horizon colour at and below the horizon (so the haze, fog of the same
 * colour, meets it without a seam), zenith colour overhead, a glow and a disc towards the sun
 * (`sunDirection`, unit, scene frame). Drawn first, on the far plane, following the camera; not
 * tone-mapped or fogged, so its horizon is exactly {@link PRESENT_SKY_COLOURS}.horizon on screen.
 */
export function skyDome(sunDirection: Vector3): Mesh {
  const material = new ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    uniforms: {
      zenith: { value: new Color(PRESENT_SKY_COLOURS.zenith) },
      horizon: { value: new Color(PRESENT_SKY_COLOURS.horizon) },
      sunColour: { value: new Color(PRESENT_SKY_COLOURS.sun) },
      sunDirection: { value: sunDirection.clone().normalize() },
    },
    side: BackSide,
    depthWrite: false,
    toneMapped: false,
    fog: false,
  });
  const dome = new Mesh(new SphereGeometry(1, 32, 16), material);
  dome.name = 'present-sky';
  dome.frustumCulled = false;
  dome.renderOrder = -1000;
  return dome;
}
