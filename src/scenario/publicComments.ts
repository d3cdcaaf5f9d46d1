/**
 * Public comments (góp ý) on a published planning scenario, as Vietnamese planning consultation
 * collects them (Luật Quy hoạch đô thị 2009, Điều 20–21: the people concerned are consulted on a
 * plan): a reader drops a pin on the map with a comment. Pure: the site keeps them in the
 * browser (localStorage), exports them as GeoJSON, and sends them to the endpoint the publisher
 * configured (none by default).
 */
import { CITY_REGION_TEXT, insideCityRegion } from '../core/cityRegion.ts';
import { InputError } from '../core/errors.ts';

/** Longest comment, characters. */
export const MAX_COMMENT_CHARS = 2000;
/** Most comments one browser keeps (the oldest beyond it are dropped on save). */
export const MAX_STORED_COMMENTS = 500;

/** One comment: where (WGS84 degrees), on which published scenario, what and when (ISO 8601). */
export interface PublicComment {
  id: string;
  scenario: string;
  longitude: number;
  latitude: number;
  text: string;
  createdAt: string;
}

/** A new comment, or an InputError naming what is wrong (empty, too long, outside the city). */
export function newComment(fields: Omit<PublicComment, 'text'> & { text: string }): PublicComment {
  const text = fields.text.trim();
  const problems: Array<{ path: string; message: string }> = [];
  if (text.length === 0) problems.push({ path: 'text', message: 'the comment is empty' });
  if (text.length > MAX_COMMENT_CHARS)
    problems.push({ path: 'text', message: `${text.length} characters, at most ${MAX_COMMENT_CHARS}` });
  if (!insideCityRegion(fields.longitude, fields.latitude))
    problems.push({
      path: 'position',
      message: `${fields.longitude}, ${fields.latitude} is outside the city region (${CITY_REGION_TEXT})`,
    });
  if (problems.length > 0) throw new InputError(problems);
  return { ...fields, text };
}

/** True for a value shaped like a {@link PublicComment} whose fields are all valid. */
function isComment(value: unknown): value is PublicComment {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.id === 'string' &&
    typeof c.scenario === 'string' &&
    typeof c.text === 'string' &&
    c.text.trim().length > 0 &&
    c.text.length <= MAX_COMMENT_CHARS &&
    typeof c.createdAt === 'string' &&
    typeof c.longitude === 'number' &&
    typeof c.latitude === 'number' &&
    insideCityRegion(c.longitude, c.latitude)
  );
}

/**
 * The comments kept in the browser from their stored JSON text: absent, unreadable or foreign
 * text gives none, and entries that are not valid comments are left out (a reader's storage may
 * hold anything), so the site always opens.
 */
export function storedComments(text: string | null): PublicComment[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isComment).slice(-MAX_STORED_COMMENTS) : [];
  } catch {
    return [];
  }
}

/** The comments as stored text (the newest {@link MAX_STORED_COMMENTS}). */
export function commentsText(comments: readonly PublicComment[]): string {
  return JSON.stringify(comments.slice(-MAX_STORED_COMMENTS));
}

/** The comments as a GeoJSON FeatureCollection of points (RFC 7946: [longitude, latitude]). */
export function commentsGeoJson(comments: readonly PublicComment[]) {
  return {
    type: 'FeatureCollection' as const,
    features: comments.map((c) => ({
      type: 'Feature' as const,
      id: c.id,
      geometry: { type: 'Point' as const, coordinates: [c.longitude, c.latitude] },
      properties: { scenario: c.scenario, text: c.text, createdAt: c.createdAt },
    })),
  };
}

/**
 * The publisher's comments endpoint as given to `twin publish --comments-endpoint`: a path on the
 * site's own host (`/…`), because the site's Content-Security-Policy lets it connect to its own
 * origin only; anything else is an InputError saying so.
 */
export function commentsEndpoint(value: string): string {
  if (!/^\/(?!\/)[^\s?#]*(\?[^\s#]*)?$/.test(value))
    throw new InputError([
      {
        path: '--comments-endpoint',
        message: `"${value}" is not a path on the site's own host such as /api/comments (the site's CSP allows connect-src 'self' only)`,
      },
    ]);
  return value;
}
