import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared inputs folder beside the checkout (`../shared/data`); absent on a fresh clone. */
export const SHARED_DATA = resolve(process.cwd(), '../shared/data');

/**
 * Absolute path of a file under ../shared/data, or undefined when it is not there. Tests that
 * need it use `describe.skipIf(!path)` and say so in their name: CI has the shared inputs and
 * runs them; a fresh clone without them skips only those.
 */
export function sharedInput(relativePath: string): string | undefined {
  const path = resolve(SHARED_DATA, relativePath);
  return existsSync(path) ? path : undefined;
}
