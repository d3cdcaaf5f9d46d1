import { InputError, type InputProblem } from '../../core/errors.ts';
import { ringSignedArea } from '../../core/geometry/area.ts';
import type { BuildingRecord } from './types.ts';

/**
 * Checks one building (id and use non-empty, height > 0, integer floors, known source, finite
 * points) and returns its footprint as a clean counter-clockwise ring, flat
 * [e0, n0, e1, n1, ...] scene metres: consecutive duplicate points and a closing point equal to
 * the first are dropped, a clockwise ring is reversed (shoelace signed area, so walls face out).
 * Throws InputError with the JSON path `buildings[index]...` on unusable input.
 */
export function cleanFootprint(building: BuildingRecord, index: number): number[] {
  const problems: InputProblem[] = [];
  const path = `buildings[${index}]`;
  if (!(Number.isFinite(building.heightMetres) && building.heightMetres > 0)) {
    problems.push({ path: `${path}.heightMetres`, message: 'expected a finite height > 0 metres' });
  }
  if (!(Number.isInteger(building.floors) && building.floors >= 0 && building.floors <= 65535)) {
    problems.push({ path: `${path}.floors`, message: 'expected an integer 0..65535' });
  }
  if (typeof building.id !== 'string' || building.id === '') {
    problems.push({ path: `${path}.id`, message: 'expected a non-empty string' });
  }
  if (typeof building.use !== 'string' || building.use === '') {
    problems.push({ path: `${path}.use`, message: 'expected a non-empty land-use code' });
  }
  if (building.source !== 'osm' && building.source !== 'synthetic') {
    problems.push({ path: `${path}.source`, message: "expected 'osm' or 'synthetic'" });
  }
  const ring: Array<[number, number]> = [];
  building.footprint.forEach(([east, north], k) => {
    if (!(Number.isFinite(east) && Number.isFinite(north))) {
      problems.push({ path: `${path}.footprint[${k}]`, message: 'expected finite [east, north] metres' });
      return;
    }
    const last = ring[ring.length - 1];
    if (last && last[0] === east && last[1] === north) return;
    ring.push([east, north]);
  });
  const first = ring[0];
  const closing = ring[ring.length - 1];
  if (ring.length >= 2 && first![0] === closing![0] && first![1] === closing![1]) ring.pop();
  const signedArea = ringSignedArea(ring);
  if (problems.length === 0 && (ring.length < 3 || signedArea === 0)) {
    problems.push({
      path: `${path}.footprint`,
      message: 'expected at least 3 distinct points enclosing an area',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (signedArea < 0) ring.reverse();
  return ring.flat();
}
