/**
 * True when a graphics adapter or WebGL renderer name is a software rasteriser (drawing on the
 * CPU): SwiftShader (headless Chromium, CI), Mesa llvmpipe / lavapipe, Windows WARP and the
 * "Microsoft Basic Render Driver", or any name saying "software" (Apple Software Renderer).
 */
export function isSoftwareRendererName(name: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|software|warp|basic render driver/i.test(name);
}
