import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { Scenario } from './scenario.ts';
import { parseScenario } from './validate.ts';

/** Longest share code accepted (characters); larger scenarios are shared as files. */
export const MAX_SHARE_CODE_LENGTH = 6000;

/**
 * Encodes a scenario as a URL-safe share code: JSON → zlib → base64url.
 * Throws InputError when the result is too long for a link.
 */
export function encodeShareCode(scenario: Scenario): string {
  const bytes = zlibSync(strToU8(JSON.stringify(scenario)), { level: 9 });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const code = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (code.length > MAX_SHARE_CODE_LENGTH) {
    throw new InputError(
      `scenario too large for a share link (${code.length} characters); export it as a file`,
    );
  }
  return code;
}

/** Decodes and validates a share code; InputError says why a broken code is refused. */
export function decodeShareCode(code: string): Scenario {
  let json: string;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    json = strFromU8(unzlibSync(bytes));
  } catch {
    throw new InputError('share link is damaged (not a compressed scenario)');
  }
  return parseScenario(parseJsonText(json, 'share link'));
}
