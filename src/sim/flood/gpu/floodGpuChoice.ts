/**
 * When the app runs its floods on the WebGPU kernel (floodGpuEngine.ts) instead of the WebAssembly
 * row workers: on a hardware GPU adapter by default, never on a software one (SwiftShader, the
 * adapter of headless Chromium in CI, is slower than the CPU kernels and would change the digits
 * the e2e tests compare with the CLI). The page's `?floodGpu=1` forces WebGPU on any adapter,
 * `?floodGpu=0` turns it off.
 */
import { isSoftwareRendererName } from '../../../core/softwareRenderer.ts';

/** The kernel name of the WebGPU engine's results (FloodRunner.kernel). */
export const GPU_FLOOD_KERNEL_NAME = 'WebGPU';

/** The page's choice: `auto` (hardware adapters only), `on` (any adapter), `off`. */
export type FloodGpuChoice = 'auto' | 'on' | 'off';

/** What the choice needs to know of an adapter (GPUAdapterInfo's fields). */
export interface FloodGpuAdapterInfo {
  vendor: string;
  architecture: string;
  description?: string;
  /** Chromium's flag for a software fallback adapter (absent in older browsers). */
  isFallbackAdapter?: boolean;
}

/** The choice from the page address's `floodGpu` parameter (null: absent). */
export function floodGpuChoiceOf(parameter: string | null): FloodGpuChoice {
  if (parameter === '1') return 'on';
  if (parameter === '0') return 'off';
  return 'auto';
}

/** True for a software adapter: flagged as fallback, or named SwiftShader (or another CPU rasteriser). */
export function isSoftwareAdapter(info: FloodGpuAdapterInfo): boolean {
  if (info.isFallbackAdapter) return true;
  return isSoftwareRendererName(`${info.vendor} ${info.architecture} ${info.description ?? ''}`);
}

/** Whether a flood runs on WebGPU with `adapter` (undefined: none) under `choice`. */
export function floodGpuWanted(choice: FloodGpuChoice, adapter: FloodGpuAdapterInfo | undefined): boolean {
  if (!adapter || choice === 'off') return false;
  return choice === 'on' || !isSoftwareAdapter(adapter);
}
