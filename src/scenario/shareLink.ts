import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';
import { InputError } from '../core/errors.ts';
import { parseJsonText } from '../core/json.ts';
import type { Scenario } from './scenario.ts';
import { parseScenario } from './validate.ts';

/** Longest share code accepted (characters), when encoding and before decoding; larger scenarios are shared as files. */
export const MAX_SHARE_CODE_LENGTH = 6000;

/**
 * Most bytes a share code may inflate to (1 MiB). A code of MAX_SHARE_CODE_LENGTH characters
 * holds ~4.5 kB of zlib data, which a crafted code can inflate ~1000-fold; real scenarios are
 * a few kB of JSON.
 */
export const MAX_SHARE_JSON_BYTES = 1024 * 1024;

/** Compressed bytes fed to the inflater at a time: each push inflates to at most ~1000× this. */
const INFLATE_CHUNK_BYTES = 256;

/** What a share link carries, as its messages name it. */
export type SharedDocumentKind = 'scenario' | 'tour';

/**
 * Encodes a scenario as a URL-safe share code: JSON → zlib → base64url.
 * Throws InputError when the result is too long for a link.
 */
export function encodeShareCode(scenario: Scenario): string {
  return encodeShareJson(scenario, 'scenario');
}

/**
 * Encodes any JSON document (a scenario, a tour) as a URL-safe share code: JSON → zlib →
 * base64url, at most MAX_SHARE_CODE_LENGTH characters. Throws InputError naming `kind` when the
 * result is too long for a link.
 */
export function encodeShareJson(document: unknown, kind: SharedDocumentKind): string {
  const bytes = zlibSync(strToU8(JSON.stringify(document)), { level: 9 });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const code = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (code.length > MAX_SHARE_CODE_LENGTH) {
    throw new InputError(
      `${kind} too large for a share link (${code.length} characters); export it as a file`,
    );
  }
  return code;
}

/**
 * Inflates zlib `bytes`, stopping with an InputError as soon as the output passes `maxBytes`
 * (the input is fed in small chunks, so a zlib bomb never inflates much past the limit).
 * Throws InputError for data that is not complete zlib.
 */
export function inflateAtMost(
  bytes: Uint8Array,
  maxBytes: number,
  kind: SharedDocumentKind = 'scenario',
): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let complete = false;
  const stream = new Unzlib((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes)
      throw new InputError(
        `share link inflates to more than ${maxBytes} bytes; export the ${kind} as a file`,
      );
    parts.push(chunk);
    if (final) complete = true;
  });
  try {
    for (let at = 0; at < bytes.length; at += INFLATE_CHUNK_BYTES)
      stream.push(bytes.subarray(at, at + INFLATE_CHUNK_BYTES), at + INFLATE_CHUNK_BYTES >= bytes.length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    complete = false;
  }
  if (!complete) throw new InputError(`share link is damaged (not a compressed ${kind})`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Decodes and validates a share code: its length is checked before decoding, the inflated size
 * while inflating, then the scenario document. InputError says why a code is refused.
 */
export function decodeShareCode(code: string): Scenario {
  return parseScenario(decodeShareJson(code, 'scenario'));
}

/**
 * Decodes a share code to its JSON value, not yet checked as a document: the code's length is
 * checked before decoding (MAX_SHARE_CODE_LENGTH), the inflated size while inflating
 * (MAX_SHARE_JSON_BYTES). InputError says why a code is refused, naming `kind`.
 */
export function decodeShareJson(code: string, kind: SharedDocumentKind): unknown {
  if (code.length > MAX_SHARE_CODE_LENGTH)
    throw new InputError(
      `share link is too long (${code.length} characters; at most ${MAX_SHARE_CODE_LENGTH})`,
    );
  let binary: string;
  try {
    binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new InputError(`share link is damaged (not a compressed ${kind})`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return parseJsonText(strFromU8(inflateAtMost(bytes, MAX_SHARE_JSON_BYTES, kind)), 'share link');
}
