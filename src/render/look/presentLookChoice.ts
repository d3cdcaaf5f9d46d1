/**
 * Whether the 3D views draw the "present" look (sky, sun with soft building shadows, water
 * shading, haze) during tour playback: on where WebGL runs on a graphics processor, off where it
 * draws in software (SwiftShader in headless Chromium and CI, llvmpipe: the look costs seconds a
 * frame there), off when the renderer cannot be told. The page's `?look=present` forces it on,
 * `?look=plain` off. The ordinary workbench view is always plain.
 */
import { isSoftwareRendererName } from '../../core/softwareRenderer.ts';

/** The page's choice: `auto` (by the renderer), `present` (forced on), `plain` (forced off). */
export type LookChoice = 'auto' | 'present' | 'plain';

/** The choice from the page address's `look` parameter (null: absent; anything else: auto). */
export function lookChoiceOf(parameter: string | null): LookChoice {
  return parameter === 'present' || parameter === 'plain' ? parameter : 'auto';
}

/**
 * Whether tour playback starts in the present look under `choice`, given the WebGL renderer's
 * name (WEBGL_debug_renderer_info's unmasked renderer, else RENDERER; undefined: no WebGL).
 */
export function presentLookWanted(choice: LookChoice, rendererName: string | undefined): boolean {
  if (choice !== 'auto') return choice === 'present';
  if (!rendererName?.trim()) return false;
  return !isSoftwareRendererName(rendererName);
}
