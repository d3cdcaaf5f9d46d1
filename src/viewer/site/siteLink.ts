/**
 * The share link of a view of the public site, kept in the URL hash:
 * `#scenario=ID&lang=vi|en&view=lon,lat,heightMetres,headingDegrees,pitchDegrees`.
 * Pure parsing and writing; unknown or malformed parts are ignored.
 */

/** A camera view: position in degrees and metres above the ellipsoid, heading and pitch in degrees. */
export interface SiteView {
  longitude: number;
  latitude: number;
  heightMetres: number;
  headingDegrees: number;
  pitchDegrees: number;
}

/** What a link selects; each part is absent when the link does not give it (or gives nonsense). */
export interface SiteLink {
  scenario?: string;
  language?: 'vi' | 'en';
  view?: SiteView;
}

/** Reads a hash (with or without the leading `#`). */
export function parseSiteLink(hash: string): SiteLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const link: SiteLink = {};
  const scenario = params.get('scenario');
  if (scenario) link.scenario = scenario;
  const language = params.get('lang');
  if (language === 'vi' || language === 'en') link.language = language;
  const numbers = (params.get('view') ?? '').split(',').map(Number);
  const [longitude, latitude, heightMetres, headingDegrees, pitchDegrees] = numbers;
  if (
    numbers.length === 5 &&
    numbers.every(Number.isFinite) &&
    Math.abs(latitude!) <= 90 &&
    Math.abs(longitude!) <= 180 &&
    heightMetres! > 0
  )
    link.view = {
      longitude: longitude!,
      latitude: latitude!,
      heightMetres: heightMetres!,
      headingDegrees: headingDegrees!,
      pitchDegrees: pitchDegrees!,
    };
  return link;
}

/** Writes the hash of a link (`#…`): degrees to 5 decimals (≈ 1 m), metres and angles whole. */
export function siteLinkHash(link: SiteLink): string {
  const params = new URLSearchParams();
  if (link.scenario) params.set('scenario', link.scenario);
  if (link.language) params.set('lang', link.language);
  if (link.view) {
    const v = link.view;
    params.set(
      'view',
      [
        v.longitude.toFixed(5),
        v.latitude.toFixed(5),
        Math.round(v.heightMetres),
        Math.round(v.headingDegrees),
        Math.round(v.pitchDegrees),
      ].join(','),
    );
  }
  return `#${params.toString().replaceAll('%2C', ',')}`;
}
