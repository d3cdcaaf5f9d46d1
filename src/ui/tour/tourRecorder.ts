import { wrapLines } from './wrapLines.ts';

/** The overlays of the presentation drawn over the 3D views in the video, as the screen shows them. */
const OVERLAYS = ['.tour-header', '.tour-panel', '.caption [data-testid="tour-caption"]'];

/** A recording in progress: `stop()` ends it and gives the WebM video. */
export interface TourRecording {
  stop(): Promise<Blob>;
}

/** Whether this browser can record a tour (canvas capture and a WebM MediaRecorder). */
export function canRecordTour(): boolean {
  return (
    typeof MediaRecorder !== 'undefined' &&
    MediaRecorder.isTypeSupported('video/webm') &&
    typeof HTMLCanvasElement.prototype.captureStream === 'function'
  );
}

/**
 * Records what the presentation `root` shows as a WebM video (`canvas.captureStream` and
 * `MediaRecorder`): every frame its 3D canvases (the comparison's panes with their swipe clip)
 * are composed on one canvas of the root's size, with the title, the KPI cards and the caption
 * drawn over them, so the video survives the views changing between stops. A frame is recorded
 * each time the page draws one (at most the display's rate).
 */
export function startTourRecording(root: HTMLElement): TourRecording {
  const bounds = root.getBoundingClientRect();
  const video = document.createElement('canvas');
  video.width = Math.round(bounds.width);
  video.height = Math.round(bounds.height);
  const ctx = video.getContext('2d')!;
  // frames are taken when drawn (requestFrame), so the video has every composed frame, even
  // when a busy page draws few of them
  const stream = video.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  recorder.onerror = (event) => console.error('tour recording failed', (event as ErrorEvent).error ?? event);
  recorder.start(1000);
  let frame = 0;
  const draw = () => {
    ctx.fillStyle = '#cfe3f0';
    ctx.fillRect(0, 0, video.width, video.height);
    for (const canvas of root.querySelectorAll('canvas')) drawView(ctx, canvas, bounds);
    for (const selector of OVERLAYS) {
      const element = root.querySelector<HTMLElement>(selector);
      if (element) drawOverlay(ctx, element, bounds);
    }
    track.requestFrame();
    frame = requestAnimationFrame(draw);
  };
  draw();
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        recorder.onstop = () => {
          cancelAnimationFrame(frame);
          resolve(new Blob(chunks, { type: 'video/webm' }));
        };
        recorder.stop();
      }),
  };
}

/** Draws a 3D view where it is on screen, clipped as its pane is (the swipe's `inset(0 0 0 N%)`). */
function drawView(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, root: DOMRect): void {
  const r = canvas.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  const pane = canvas.closest<HTMLElement>('.compare-pane');
  const inset = /inset\(0(?:px)? 0(?:px)? 0(?:px)? ([\d.]+)%\)/.exec(pane?.style.clipPath ?? '');
  const left = inset ? (Number(inset[1]) / 100) * r.width : 0;
  ctx.drawImage(
    canvas,
    (left / r.width) * canvas.width,
    0,
    canvas.width * (1 - left / r.width),
    canvas.height,
    r.left - root.left + left,
    r.top - root.top,
    r.width - left,
    r.height,
  );
}

/** Draws an overlay's box and its text lines in its font, wrapped to its width. */
function drawOverlay(ctx: CanvasRenderingContext2D, element: HTMLElement, root: DOMRect): void {
  const box = (element.closest('.caption') ?? element) as HTMLElement;
  const r = box.getBoundingClientRect();
  const style = getComputedStyle(element);
  const padding = 12;
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const lineHeight = Number.parseFloat(style.fontSize) * 1.3;
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks (a KPI's label, then its value) are wanted
  const lines = element.innerText
    .split('\n')
    .flatMap((line) => wrapLines(line, r.width - 2 * padding, (s) => ctx.measureText(s).width));
  const height = Math.max(r.height, lines.length * lineHeight + 2 * padding);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.75)';
  ctx.fillRect(r.left - root.left, r.top - root.top, r.width, height);
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.fillText(line, r.left - root.left + padding, r.top - root.top + padding + i * lineHeight);
  });
}
