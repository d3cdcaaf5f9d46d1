import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { checkOutputFile, makeFolder, readBytesFile, readTextFile, writeOutputFile } from './userFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'twin-user-files-'));
const plain = join(dir, 'plain.txt');
writeFileSync(plain, 'héllo');
const folder = join(dir, 'folder');
mkdirSync(folder);

/** The InputError message a promise rejects with. */
async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('reading user files', () => {
  it('reads text and bytes', async () => {
    expect(await readTextFile(plain)).toBe('héllo');
    expect((await readBytesFile(plain)).length).toBe(6);
  });
  it('names the path and what is wrong for a missing file, a folder and a path through a file', async () => {
    expect(await messageOf(readTextFile(join(dir, 'missing')))).toBe(
      `${join(dir, 'missing')}: file not found`,
    );
    expect(await messageOf(readTextFile(folder))).toBe(`${folder}: is a folder, expected a file to read`);
    expect(await messageOf(readTextFile(join(plain, 'x')))).toBe(
      `${join(plain, 'x')}: a folder in this path is a file`,
    );
  });
  it('refuses a device that never ends instead of hanging', async () => {
    expect(await messageOf(readBytesFile('/dev/zero'))).toBe(
      '/dev/zero: not a regular file (a device or a pipe?)',
    );
  });
  it('refuses a file over 512 MiB before reading it', async () => {
    // A sparse file: 600 MiB by stat, no disk used.
    const huge = join(dir, 'huge.bin');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024);
    try {
      expect(await messageOf(readBytesFile(huge))).toBe(
        `${huge}: the file is 600 MiB, above the maximum of 512 MiB (docs/limits.md)`,
      );
    } finally {
      rmSync(huge);
    }
  });
  it.skipIf(process.getuid?.() === 0)('names a file it may not read', async () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    expect(await messageOf(readTextFile(locked))).toBe(`${locked}: permission denied (cannot read)`);
  });
});

describe('writing user files and folders', () => {
  it('writes a file, and creates its folder when asked', async () => {
    const nested = join(dir, 'new', 'deeper', 'out.txt');
    await writeOutputFile(nested, 'ok', { createFolder: true });
    expect(readFileSync(nested, 'utf8')).toBe('ok');
  });
  it('names the missing folder of an output file instead of creating it', async () => {
    const out = join(dir, 'absent', 'out.txt');
    expect(await messageOf(writeOutputFile(out, 'x'))).toBe(
      `${out}: cannot write: the folder ${join(dir, 'absent')} does not exist`,
    );
  });
  it('refuses to write over a folder, and to make a folder where a file is', async () => {
    expect(await messageOf(writeOutputFile(folder, 'x'))).toBe(
      `${folder}: is a folder, expected a file to write`,
    );
    expect(await messageOf(makeFolder(plain))).toBe(`${plain}: expects a folder, but this is a file`);
    expect(await messageOf(makeFolder(join(plain, 'sub')))).toBe(
      `${join(plain, 'sub')}: expects a folder, but it (or a folder above it) is a file`,
    );
    await makeFolder(folder); // an existing folder is fine
  });
});

describe('checking an output path before a long run', () => {
  it('accepts a new file in an existing folder, and creates the folder when asked', async () => {
    await checkOutputFile(join(dir, 'later.txt'));
    await checkOutputFile(join(dir, 'made', 'later.txt'), { createFolder: true });
    expect(existsSync(join(dir, 'made'))).toBe(true);
    expect(existsSync(join(dir, 'made', 'later.txt'))).toBe(false);
  });
  it('names a missing folder, a folder in place of the file and a file in place of the folder', async () => {
    const out = join(dir, 'absent', 'later.txt');
    expect(await messageOf(checkOutputFile(out))).toBe(
      `${out}: cannot write: the folder ${join(dir, 'absent')} does not exist`,
    );
    expect(await messageOf(checkOutputFile(folder))).toBe(`${folder}: is a folder, expected a file to write`);
    expect(await messageOf(checkOutputFile(join(plain, 'later.txt')))).toBe(
      `${join(plain, 'later.txt')}: a folder in this path is a file`,
    );
  });
  it.runIf(existsSync('/proc/self'))(
    'fails at once under /proc, where Node 20 recursive mkdir never returns',
    async () => {
      expect(await messageOf(makeFolder('/proc/twin-no-such/x'))).toBe(
        '/proc/twin-no-such/x: cannot create a folder here (no such file or directory)',
      );
    },
  );
});
