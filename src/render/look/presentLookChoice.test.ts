import { describe, expect, it } from 'vitest';
import { lookChoiceOf, presentLookWanted } from './presentLookChoice.ts';

/** Renderer strings as browsers report them (unmasked where the browser offers it). */
const SOFTWARE = [
  // headless Chromium on this machine and in CI
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'Google SwiftShader',
  'llvmpipe (LLVM 15.0.7, 256 bits)',
  'ANGLE (Mesa, llvmpipe (LLVM 17.0.6 256 bits), OpenGL 4.5)',
  'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'Apple Software Renderer',
];
const HARDWARE = [
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
  'Apple M2',
  'Mali-G78',
  'Adreno (TM) 650',
  'NVIDIA H200/PCIe/SSE2',
];

describe('the present look choice', () => {
  it('reads ?look=present and ?look=plain, anything else as auto', () => {
    expect(lookChoiceOf('present')).toBe('present');
    expect(lookChoiceOf('plain')).toBe('plain');
    expect(lookChoiceOf(null)).toBe('auto');
    expect(lookChoiceOf('Present')).toBe('auto');
  });

  it('is on for graphics processors and off for software rasterisers', () => {
    for (const name of HARDWARE) expect(presentLookWanted('auto', name), name).toBe(true);
    for (const name of SOFTWARE) expect(presentLookWanted('auto', name), name).toBe(false);
  });

  it('is off when the renderer cannot be told (no WebGL, an empty name)', () => {
    expect(presentLookWanted('auto', undefined)).toBe(false);
    expect(presentLookWanted('auto', '  ')).toBe(false);
  });

  it('follows the page parameter over the renderer', () => {
    expect(presentLookWanted('present', SOFTWARE[0])).toBe(true);
    expect(presentLookWanted('present', undefined)).toBe(true);
    expect(presentLookWanted('plain', HARDWARE[0])).toBe(false);
  });
});
