import { decodeShareJson, encodeShareJson } from './shareLink.ts';
import { parseTour, type Tour, type TourReferences } from './tour.ts';

/**
 * Share links of tours (`#/presentation?tour=CODE`): the scenario share-code machinery of
 * shareLink.ts (JSON → zlib → base64url, the same length cap and the same bounded, streamed
 * inflation) around a `twin-tour/1` document, checked on the way in like an imported file.
 */

/** The URL-safe share code of `tour`; throws InputError when it is too long for a link. */
export function encodeTourShareCode(tour: Tour): string {
  return encodeShareJson(tour, 'tour');
}

/**
 * The tour a share code carries, checked against `references` (the scenarios it may run, the
 * map layers). Throws InputError saying why a code is refused (too long, damaged, inflates too
 * far, not a valid tour: `path: message`).
 */
export function decodeTourShareCode(code: string, references: TourReferences): Tour {
  return parseTour(decodeShareJson(code, 'tour'), references);
}
