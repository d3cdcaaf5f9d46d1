import type { CesiumWidget } from 'cesium';

/**
 * The swipe bar of the scenario comparison: a vertical handle over the map that the reader drags
 * (mouse, finger or arrow keys); the scene's split position follows it, so layers split LEFT
 * show one scenario and layers split RIGHT the other. Returns the bar (hidden until shown).
 */
export function createSwipeBar(widget: CesiumWidget, frame: HTMLElement): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'swipe-bar';
  bar.setAttribute('role', 'slider');
  bar.setAttribute('tabindex', '0');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.dataset.testid = 'swipe-bar';
  bar.hidden = true;
  const place = (share: number) => {
    const clamped = Math.min(0.95, Math.max(0.05, share));
    widget.scene.splitPosition = clamped;
    bar.style.left = `${clamped * 100}%`;
    bar.setAttribute('aria-valuenow', String(Math.round(clamped * 100)));
    widget.scene.requestRender();
  };
  place(0.5);
  bar.addEventListener('pointerdown', (event) => {
    bar.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  bar.addEventListener('pointermove', (event) => {
    if (!bar.hasPointerCapture(event.pointerId)) return;
    const box = frame.getBoundingClientRect();
    place((event.clientX - box.left) / box.width);
  });
  bar.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowLeft' ? -0.05 : event.key === 'ArrowRight' ? 0.05 : 0;
    if (step) place(widget.scene.splitPosition + step);
  });
  frame.append(bar);
  return bar;
}
