import { describe, expect, it } from 'vitest';
import { parseSiteLink, siteLinkHash } from './siteLink.ts';

describe('share link of a site view', () => {
  it('round-trips scenario, language and view (1 m, whole degrees)', () => {
    const link = {
      scenario: 'saigon-dike-and-ponds',
      language: 'en' as const,
      view: {
        longitude: 106.7512345,
        latitude: 10.8,
        heightMetres: 1500.4,
        headingDegrees: 9.6,
        pitchDegrees: -35,
      },
    };
    const hash = siteLinkHash(link);
    expect(hash).toBe('#scenario=saigon-dike-and-ponds&lang=en&view=106.75123,10.80000,1500,10,-35');
    expect(parseSiteLink(hash)).toEqual({
      ...link,
      view: {
        longitude: 106.75123,
        latitude: 10.8,
        heightMetres: 1500,
        headingDegrees: 10,
        pitchDegrees: -35,
      },
    });
  });

  it('ignores a bad language, a view off the globe, underground or with missing numbers', () => {
    expect(parseSiteLink('#lang=fr&view=200,10,100,0,-30')).toEqual({});
    expect(parseSiteLink('view=106,10,-5,0,-30')).toEqual({});
    expect(parseSiteLink('#view=106,10,100,0')).toEqual({});
    expect(parseSiteLink('')).toEqual({});
  });
});
