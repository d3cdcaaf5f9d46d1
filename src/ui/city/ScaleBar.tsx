import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { PerspectiveCamera, type Vector3 } from 'three';
import { useT } from '../context.tsx';

/** Longest the bar may be, CSS pixels. */
const MAX_BAR_PIXELS = 120;
/** "Nice" bar lengths, metres (1–2–5 steps). */
const NICE_METRES = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];

/**
 * Bar length (CSS px) and label (m or km) for a ground resolution of `metresPerPixel`: the longest
 * 1–2–5 length that fits MAX_BAR_PIXELS.
 */
export function scaleBarFor(metresPerPixel: number): { pixels: number; label: string } {
  let metres = NICE_METRES[0]!;
  for (const m of NICE_METRES) if (m / metresPerPixel <= MAX_BAR_PIXELS) metres = m;
  return {
    pixels: Math.round(metres / metresPerPixel),
    label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`,
  };
}

/** The DOM scale bar; `ScaleBarUpdater` (inside the canvas) writes its width and label. */
export function ScaleBar({ target }: { target: React.RefObject<HTMLDivElement | null> }) {
  const t = useT();
  return (
    <div className="scale-bar" role="img" aria-label={t('scale.label')} data-testid="scale-bar">
      <div ref={target} className="scale-bar-line" />
    </div>
  );
}

/**
 * Updates the scale bar each frame from the ground resolution at the orbit target (distance ×
 * 2·tan(fov/2) / viewport height), touching the DOM only when the label or width changes.
 */
export function ScaleBarUpdater({ target }: { target: React.RefObject<HTMLDivElement | null> }) {
  const controls = useThree((s) => s.controls) as unknown as { target?: Vector3 } | null;
  const last = useRef('');
  useFrame(({ camera, size }) => {
    const node = target.current;
    if (!node || !(camera instanceof PerspectiveCamera)) return;
    const distance = controls?.target ? camera.position.distanceTo(controls.target) : camera.position.y;
    const metresPerPixel = (distance * 2 * Math.tan((camera.fov * Math.PI) / 360)) / Math.max(1, size.height);
    const bar = scaleBarFor(metresPerPixel);
    const key = `${bar.pixels} ${bar.label}`;
    if (key === last.current) return;
    last.current = key;
    node.style.width = `${bar.pixels}px`;
    node.textContent = bar.label;
  });
  return null;
}
