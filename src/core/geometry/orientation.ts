/** Ring winding and closure (Turf's `rewind`, for one ring). See ring.ts for the representation. */
import { ringSignedArea } from './area.ts';
import type { Position } from './ring.ts';

/** The ring without a closing position that repeats its first one (a new array). */
export function openRing<P extends Position>(ring: ReadonlyArray<P>): P[] {
  const n = ring.length;
  if (n > 1 && ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1])
    return ring.slice(0, n - 1);
  return ring.slice();
}

/** The ring open (see openRing) and counter-clockwise (x east, y north): reversed when clockwise. */
export function counterClockwise<P extends Position>(ring: ReadonlyArray<P>): P[] {
  const open = openRing(ring);
  return ringSignedArea(open) < 0 ? open.reverse() : open;
}
