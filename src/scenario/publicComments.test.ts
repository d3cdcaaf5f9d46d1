import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import {
  commentsEndpoint,
  commentsGeoJson,
  commentsText,
  MAX_COMMENT_CHARS,
  MAX_STORED_COMMENTS,
  newComment,
  storedComments,
} from './publicComments.ts';

const at = {
  id: 'c1',
  scenario: 'saigon-dike-and-ponds',
  longitude: 106.76,
  latitude: 10.85,
  createdAt: '2026-12-02T06:00:00.000Z',
};

describe('public comments', () => {
  it('keeps a trimmed comment and refuses an empty, overlong or out-of-city one, naming each problem', () => {
    expect(newComment({ ...at, text: '  Ngập đường Kha Vạn Cân khi triều cường  ' }).text).toBe(
      'Ngập đường Kha Vạn Cân khi triều cường',
    );
    expect(() => newComment({ ...at, text: '   ' })).toThrow(/text: the comment is empty/);
    expect(() => newComment({ ...at, text: 'x'.repeat(MAX_COMMENT_CHARS + 1) })).toThrow(/at most 2000/);
    try {
      newComment({ ...at, latitude: 106.76, longitude: 10.85, text: 'swapped' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => p.path)).toEqual(['position']);
    }
  });

  it('round-trips through storage and survives garbage in it', () => {
    const comments = [newComment({ ...at, text: 'một' }), newComment({ ...at, id: 'c2', text: 'hai' })];
    expect(storedComments(commentsText(comments))).toEqual(comments);
    expect(storedComments(null)).toEqual([]);
    expect(storedComments('{not json')).toEqual([]);
    expect(storedComments('{"a":1}')).toEqual([]);
    const mixed = JSON.stringify([comments[0], { id: 'x' }, { ...comments[1], longitude: 0 }, 42]);
    expect(storedComments(mixed)).toEqual([comments[0]]);
  });

  it('keeps only the newest comments', () => {
    const many = Array.from({ length: MAX_STORED_COMMENTS + 3 }, (_, i) => ({
      ...at,
      id: `c${i}`,
      text: `${i}`,
    }));
    const kept = storedComments(commentsText(many));
    expect(kept).toHaveLength(MAX_STORED_COMMENTS);
    expect(kept[0]!.id).toBe('c3');
  });

  it('exports GeoJSON points as [longitude, latitude] with the text, scenario and time', () => {
    const geojson = commentsGeoJson([newComment({ ...at, text: 'cần thêm hồ điều tiết' })]);
    expect(geojson.features[0]).toEqual({
      type: 'Feature',
      id: 'c1',
      geometry: { type: 'Point', coordinates: [106.76, 10.85] },
      properties: {
        scenario: 'saigon-dike-and-ponds',
        text: 'cần thêm hồ điều tiết',
        createdAt: at.createdAt,
      },
    });
  });

  it('accepts only an endpoint on the site host (the CSP allows connect-src self)', () => {
    expect(commentsEndpoint('/api/comments')).toBe('/api/comments');
    expect(commentsEndpoint('/gop-y?du-an=thu-duc')).toBe('/gop-y?du-an=thu-duc');
    for (const bad of ['https://example.org/c', '//evil.example/c', 'api/comments', '/a b'])
      expect(() => commentsEndpoint(bad)).toThrow(/own host/);
  });
});
