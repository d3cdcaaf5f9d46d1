import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { InputError } from '../core/errors.ts';
import {
  decodeShareCode,
  encodeShareCode,
  inflateAtMost,
  MAX_SHARE_CODE_LENGTH,
  MAX_SHARE_JSON_BYTES,
} from './shareLink.ts';
import { parseScenario } from './validate.ts';

const baseline = parseScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));

describe('share links', () => {
  it('round-trips a scenario through a URL-safe code', () => {
    const scenario = {
      ...baseline,
      id: 'dike-test',
      edits: [
        {
          type: 'dike' as const,
          id: 'd1',
          coordinates: [
            [106.71, 10.78],
            [106.72, 10.79],
          ] as Array<[number, number]>,
          crestHeightMetres: 2.5,
        },
      ],
    };
    const code = encodeShareCode(scenario);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShareCode(code)).toEqual(scenario);
  });

  it('refuses a damaged code with a reason', () => {
    const code = encodeShareCode(baseline);
    expect(() => decodeShareCode(`${code.slice(0, 10)}xx${code.slice(12)}`)).toThrow(
      /damaged|invalid|expected/,
    );
    expect(() => decodeShareCode('not-a-code')).toThrow(/share link is damaged/);
  });
});

/** base64url of bytes, as share codes are written. */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share link limits', () => {
  it('refuses a code longer than the cap before decoding it', () => {
    expect(() => decodeShareCode('A'.repeat(MAX_SHARE_CODE_LENGTH + 1))).toThrow(
      `share link is too long (${MAX_SHARE_CODE_LENGTH + 1} characters; at most ${MAX_SHARE_CODE_LENGTH})`,
    );
  });

  it('stops a zlib bomb inside the length cap as soon as it passes 1 MiB', () => {
    // 4 MB of zeros deflate ~1000-fold: a code of ~5 400 characters, under the length cap.
    const code = base64url(zlibSync(new Uint8Array(4_000_000), { level: 9 }));
    expect(code.length).toBeLessThanOrEqual(MAX_SHARE_CODE_LENGTH);
    expect(() => decodeShareCode(code)).toThrow(/share link inflates to more than 1048576 bytes/);
  });

  it('refuses a 50 MB bomb given to the inflater directly, in well under a second', () => {
    const bomb = zlibSync(new Uint8Array(50_000_000), { level: 1 });
    const started = performance.now();
    expect(() => inflateAtMost(bomb, MAX_SHARE_JSON_BYTES)).toThrow(InputError);
    expect(performance.now() - started).toBeLessThan(1000);
    // The same bytes under a limit above their size inflate whole (the limit, not the data, stops it).
    expect(inflateAtMost(zlibSync(new Uint8Array(1000)), 1000)).toHaveLength(1000);
  });

  it('refuses a truncated stream and a valid code of an invalid scenario', () => {
    const json = new TextEncoder().encode(JSON.stringify({ ...baseline, year: 1066 }));
    const zipped = zlibSync(json);
    expect(() => decodeShareCode(base64url(zipped.subarray(0, zipped.length - 6)))).toThrow(
      'share link is damaged (not a compressed scenario)',
    );
    expect(() => decodeShareCode(base64url(zipped))).toThrow(
      'year: expected a number in [2000, 2100], got 1066',
    );
  });
});
