import { createContext, useContext } from 'react';
import { type LookChoice, lookChoiceOf } from '../../render/look/presentLookChoice.ts';

/**
 * The look of the 3D views under this context: `present` (sky, sun shadows, water shading,
 * haze: render/look/presentLook.ts) in tour playback where chosen, `plain` everywhere else
 * (the workbench's views have no provider and stay plain).
 */
export type ViewLook = 'plain' | 'present';

export const ViewLookContext = createContext<ViewLook>('plain');

/** The look of the 3D views of this part of the page. */
export function useViewLook(): ViewLook {
  return useContext(ViewLookContext);
}

/** The page's `look` parameter (`?look=present|plain`, before or inside the hash's query). */
export function pageLookChoice(): LookChoice {
  const inHash = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('look');
  return lookChoiceOf(new URLSearchParams(window.location.search).get('look') ?? inHash);
}

let probed: { name: string | undefined } | undefined;

/**
 * The WebGL renderer's name, probed once per page on a throwaway context: the unmasked
 * renderer (WEBGL_debug_renderer_info) where RENDERER is Chromium's generic "WebKit WebGL",
 * else RENDERER (Firefox gives the real name there and deprecates the extension). Undefined
 * without WebGL.
 */
export function webglRendererName(): string | undefined {
  if (probed) return probed.name;
  let name: string | undefined;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (gl) {
    name = String(gl.getParameter(gl.RENDERER));
    if (/^webkit webgl$/i.test(name)) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      if (info) name = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    }
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  probed = { name };
  return name;
}
