import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTour, type Tour } from './tour.ts';
import {
  addStopFromView,
  moveStop,
  newStopId,
  removeStop,
  setStopCaption,
  withFreeTourId,
} from './tourEditing.ts';
import { parseScenario } from './validate.ts';

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))));
const shipped = (): Tour =>
  parseTour(JSON.parse(readFileSync('scenarios/tours/thu-duc-2045.json', 'utf8')), { scenarios });
const ids = (tour: Tour) => tour.stops.map((s) => s.id);

describe('tour editing', () => {
  it('adds a stop at the current view that the schema accepts, with a fresh id', () => {
    const tour = shipped();
    const view = {
      position: [106.75, 10.79, 3000] as [number, number, number],
      target: [106.76, 10.8, 0] as [number, number, number],
    };
    const edited = addStopFromView(tour, view, 'ring-road-2-completed', { vi: 'Mới', en: 'New' });
    expect(tour.stops).toHaveLength(5); // unchanged
    expect(edited.stops).toHaveLength(6);
    const added = edited.stops[5]!;
    expect(added.id).toBe('stop-1');
    expect(added.camera.position).toEqual(view.position);
    expect(added.camera.target).toEqual(view.target);
    // what the editor makes is a valid document (it is saved, exported and played as one)
    expect(parseTour(JSON.parse(JSON.stringify(edited)), { scenarios }).stops[5]!.scenario).toBe(
      'ring-road-2-completed',
    );
    expect(newStopId(addStopFromView(edited, view, 'baseline', { vi: 'a', en: 'b' }))).toBe('stop-3');
  });

  it('moves stops within the tour and never loses one', () => {
    const tour = shipped();
    expect(ids(moveStop(tour, 0, 1))).toEqual([
      'storm',
      'today',
      'dike-and-ponds',
      'thu-thiem',
      'ring-road-2',
    ]);
    expect(ids(moveStop(tour, 4, -1))).toEqual([
      'today',
      'storm',
      'dike-and-ponds',
      'ring-road-2',
      'thu-thiem',
    ]);
    expect(moveStop(tour, 0, -1)).toBe(tour);
    expect(moveStop(tour, 4, 1)).toBe(tour);
    expect(moveStop(tour, 9, -1)).toBe(tour);
  });

  it('deletes a stop but keeps the last one, and edits a caption in one language', () => {
    const tour = shipped();
    expect(ids(removeStop(tour, 1))).toEqual(['today', 'dike-and-ponds', 'thu-thiem', 'ring-road-2']);
    const one = { ...tour, stops: tour.stops.slice(0, 1) };
    expect(removeStop(one, 0)).toBe(one);
    const edited = setStopCaption(tour, 2, 'en', 'Dike and ponds');
    expect(edited.stops[2]!.caption).toEqual({ vi: tour.stops[2]!.caption.vi, en: 'Dike and ponds' });
    expect(tour.stops[2]!.caption.en).not.toBe('Dike and ponds');
  });
});

describe('a free tour id', () => {
  it('keeps a free id and numbers a taken one after the first free copy', () => {
    const tour = shipped();
    expect(withFreeTourId(tour, new Set(['other']))).toBe(tour);
    expect(withFreeTourId(tour, new Set([tour.id])).id).toBe(`${tour.id}-1`);
    const copy = withFreeTourId(tour, new Set([tour.id, `${tour.id}-1`, `${tour.id}-3`]));
    expect(copy.id).toBe(`${tour.id}-2`);
    expect(copy.stops).toBe(tour.stops);
    expect(tour.id).toBe('thu-duc-2045');
  });
});
