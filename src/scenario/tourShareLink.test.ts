import { readdirSync, readFileSync } from 'node:fs';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { translate } from '../i18n/index.ts';
import { MAX_SHARE_CODE_LENGTH } from './shareLink.ts';
import { parseTour, type Tour } from './tour.ts';
import { setStopCaption } from './tourEditing.ts';
import { decodeTourShareCode, encodeTourShareCode } from './tourShareLink.ts';
import { parseScenario } from './validate.ts';

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))));
const references = { scenarios };
const shipped = (): Tour =>
  parseTour(JSON.parse(readFileSync('scenarios/tours/thu-duc-2045.json', 'utf8')), references);

/** base64url of bytes, as share codes are written. */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('tour share links', () => {
  it('round-trips an edited tour (Vietnamese text included) through a URL-safe code', () => {
    const tour = setStopCaption(shipped(), 2, 'vi', 'Đê bao và hồ điều tiết: ngập giảm bao nhiêu?');
    const code = encodeTourShareCode(tour);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    // the shipped tour fits a link with room to spare (captions compress well)
    expect(code.length).toBeLessThan(MAX_SHARE_CODE_LENGTH / 2);
    expect(decodeTourShareCode(code, references)).toEqual(tour);
  });

  it('refuses a damaged code with a reason, framed in both languages', () => {
    const code = encodeTourShareCode(shipped());
    const damaged = 'share link is damaged (not a compressed tour)';
    const cut = () => decodeTourShareCode(code.slice(0, code.length - 40), references);
    expect(cut).toThrow(InputError);
    expect(cut).toThrow(damaged);
    expect(() => decodeTourShareCode('%%%', references)).toThrow(damaged);
    expect(translate('vi', 'tour.shareLinkRefused', { detail: damaged })).toBe(
      'Không mở được liên kết chia sẻ chuyến tham quan: share link is damaged (not a compressed tour)',
    );
    expect(translate('en', 'tour.shareLinkRefused', { detail: damaged })).toBe(
      'Could not open the tour share link: share link is damaged (not a compressed tour)',
    );
  });

  it('checks the decoded document as a tour: a scenario code or a tour of unknown scenarios is refused', () => {
    const scenarioCode = base64url(zlibSync(new TextEncoder().encode(JSON.stringify(scenarios[0]))));
    expect(() => decodeTourShareCode(scenarioCode, references)).toThrow(/^format: /);
    const code = encodeTourShareCode(shipped());
    const fewer = { scenarios: scenarios.filter((s) => s.id !== 'ring-road-2-completed') };
    expect(() => decodeTourShareCode(code, fewer)).toThrow(
      /^stops\[4\]\.scenario: unknown scenario "ring-road-2-completed"/,
    );
  });

  it('says a tour is too large for a link instead of making an unusable one', () => {
    const tour = shipped();
    // captions of random letters do not compress: 20 stops of 400 characters are far over the cap
    let seed = 7;
    const noise = () =>
      Array.from({ length: 400 }, () => {
        seed = (seed * 16807) % 2147483647;
        return String.fromCharCode(97 + (seed % 26));
      }).join('');
    const stops = Array.from({ length: 20 }, (_, i) => ({
      ...tour.stops[0]!,
      id: `s${i}`,
      caption: { vi: noise(), en: noise() },
    }));
    expect(() => encodeTourShareCode({ ...tour, stops })).toThrow(
      /^tour too large for a share link \(\d+ characters\); export it as a file$/,
    );
  });
});
