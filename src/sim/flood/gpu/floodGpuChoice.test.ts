import { describe, expect, it } from 'vitest';
import { floodGpuChoiceOf, isSoftwareAdapter, floodGpuWanted } from './floodGpuChoice.ts';

/** SwiftShader as headless Chromium 150 reports it (tests/e2e/floodGpu.e2e.ts prints the same). */
const SWIFTSHADER = {
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  isFallbackAdapter: true,
};
/** A hardware adapter as Chromium reports one. */
const HARDWARE = { vendor: 'nvidia', architecture: 'hopper', description: '', isFallbackAdapter: false };

describe('the choice of the WebGPU flood kernel', () => {
  it('reads ?floodGpu=1 as on, 0 as off and anything else as auto', () => {
    expect(floodGpuChoiceOf('1')).toBe('on');
    expect(floodGpuChoiceOf('0')).toBe('off');
    expect(floodGpuChoiceOf(null)).toBe('auto');
    expect(floodGpuChoiceOf('yes')).toBe('auto');
  });

  it('tells a software adapter by its fallback flag or by its name', () => {
    expect(isSoftwareAdapter(SWIFTSHADER)).toBe(true);
    expect(isSoftwareAdapter({ ...SWIFTSHADER, isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15)' })).toBe(
      true,
    );
    expect(isSoftwareAdapter(HARDWARE)).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3' })).toBe(false);
  });

  it('uses a hardware adapter by default, SwiftShader only when forced, nothing when off or absent', () => {
    expect(floodGpuWanted('auto', HARDWARE)).toBe(true);
    expect(floodGpuWanted('auto', SWIFTSHADER)).toBe(false);
    expect(floodGpuWanted('on', SWIFTSHADER)).toBe(true);
    expect(floodGpuWanted('off', HARDWARE)).toBe(false);
    expect(floodGpuWanted('on', undefined)).toBe(false);
  });
});
