import type { Tour, TourCamera, TourPosition, TourStop } from './tour.ts';

/**
 * Edits of a tour document for the workbench's tour editor: each returns a new tour and leaves
 * the one given unchanged; an index outside the tour changes nothing.
 */

/** Flight time of a stop added from the current view, s. */
export const NEW_STOP_FLIGHT_SECONDS = 3;

/** The first id `stop-<n>` (n ≥ 1) that no stop of the tour has. */
export function newStopId(tour: Tour): string {
  const taken = new Set(tour.stops.map((s) => s.id));
  let n = 1;
  while (taken.has(`stop-${n}`)) n++;
  return `stop-${n}`;
}

/**
 * A stop at the camera's current view (WGS84 position and target with heights, m) showing
 * `scenarioId`, its caption `caption` (to be edited), no KPI cards yet, added after the last stop.
 */
export function addStopFromView(
  tour: Tour,
  view: { position: TourPosition; target: TourPosition },
  scenarioId: string,
  caption: TourStop['caption'],
): Tour {
  const camera: TourCamera = {
    position: view.position,
    target: view.target,
    durationSeconds: NEW_STOP_FLIGHT_SECONDS,
    easing: 'easeInOutCubic',
  };
  const stop: TourStop = { id: newStopId(tour), camera, scenario: scenarioId, layers: {}, kpis: [], caption };
  return { ...tour, stops: [...tour.stops, stop] };
}

/** Moves stop `index` by `offset` places (−1 earlier, +1 later), kept within the tour. */
export function moveStop(tour: Tour, index: number, offset: number): Tour {
  const to = Math.min(tour.stops.length - 1, Math.max(0, index + offset));
  if (!tour.stops[index] || to === index) return tour;
  const stops = [...tour.stops];
  const [moved] = stops.splice(index, 1);
  stops.splice(to, 0, moved!);
  return { ...tour, stops };
}

/** Removes stop `index`; the last stop stays (a tour has at least one). */
export function removeStop(tour: Tour, index: number): Tour {
  if (!tour.stops[index] || tour.stops.length <= 1) return tour;
  return { ...tour, stops: tour.stops.filter((_, i) => i !== index) };
}

/** Replaces the caption of stop `index` in one language. */
export function setStopCaption(tour: Tour, index: number, language: 'vi' | 'en', text: string): Tour {
  const stop = tour.stops[index];
  if (!stop) return tour;
  const stops = [...tour.stops];
  stops[index] = { ...stop, caption: { ...stop.caption, [language]: text } };
  return { ...tour, stops };
}

/**
 * The tour under an id none of `takenIds` has: itself when its id is free, else a copy with the
 * first free id `<id>-<n>` (n ≥ 1), as a shared tour is imported beside the shipped and the
 * planner's own tour.
 */
export function withFreeTourId(tour: Tour, takenIds: ReadonlySet<string>): Tour {
  if (!takenIds.has(tour.id)) return tour;
  let n = 1;
  while (takenIds.has(`${tour.id}-${n}`)) n++;
  return { ...tour, id: `${tour.id}-${n}` };
}
