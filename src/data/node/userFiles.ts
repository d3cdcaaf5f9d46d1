/**
 * Reading and writing the files a user names on the command line. Node's errors for a bad path
 * (ENOENT, EISDIR, ENOTDIR, EACCES, ...) become an InputError naming the path and what is wrong,
 * and an input file over MAX_INPUT_FILE_BYTES is refused before it is read (docs/limits.md).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { MAX_INPUT_FILE_BYTES } from '../../core/limits.ts';

/** What the user is doing with the path, for the message. */
type FileUse = 'read' | 'write' | 'folder';

/** The InputError for a Node file-system error on `path`; anything else is re-thrown unchanged. */
export function fileSystemError(error: unknown, path: string, use: FileUse): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) throw error;
  const reasons: Record<string, string> = {
    ENOENT:
      use === 'read'
        ? 'file not found'
        : use === 'write'
          ? `cannot write: the folder ${dirname(path)} does not exist`
          : 'cannot create a folder here (no such file or directory)',
    EISDIR: use === 'folder' ? 'is a folder' : `is a folder, expected a file to ${use}`,
    ENOTDIR:
      use === 'folder'
        ? 'expects a folder, but it (or a folder above it) is a file'
        : 'a folder in this path is a file',
    EEXIST: 'expects a folder, but this is a file',
    EACCES: `permission denied (cannot ${use === 'folder' ? 'create or write the folder' : use})`,
    EPERM: `permission denied (cannot ${use === 'folder' ? 'create or write the folder' : use})`,
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the path is too long',
    ELOOP: 'too many symbolic links in the path',
  };
  return new InputError(
    reasons[code] ?? `cannot ${use === 'folder' ? 'create the folder' : use} (${code})`,
    path,
  );
}

/** Reads a whole input file; a bad path, a folder or a file over the size limit is an InputError. */
export async function readBytesFile(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    // A device or pipe (/dev/zero, /dev/stdin) may never end: only regular files are read.
    if (!info.isFile()) throw new InputError('not a regular file (a device or a pipe?)', file);
    if (info.size > MAX_INPUT_FILE_BYTES) {
      const mebibytes = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MiB`;
      throw new InputError(
        `the file is ${mebibytes(info.size)}, above the maximum of ${mebibytes(MAX_INPUT_FILE_BYTES)} (docs/limits.md)`,
        file,
      );
    }
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileSystemError(error, file, 'read');
  }
}

/** Reads a whole input file as UTF-8 text (see {@link readBytesFile}). */
export async function readTextFile(file: string): Promise<string> {
  return new TextDecoder().decode(await readBytesFile(file));
}

/** The bytes of an input file as a standalone ArrayBuffer (for the grid readers). */
export async function readArrayBufferFile(file: string): Promise<ArrayBuffer> {
  const bytes = await readBytesFile(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Writes an output file the user named, first creating its folder when `createFolder` is set;
 * a missing folder, a folder in the file's place etc. is an InputError naming the path.
 */
export async function writeOutputFile(
  file: string,
  content: string | Uint8Array,
  { createFolder = false }: { createFolder?: boolean } = {},
): Promise<void> {
  if (createFolder) await makeFolder(dirname(file));
  try {
    await writeFile(file, content);
  } catch (error) {
    throw fileSystemError(error, file, 'write');
  }
}

/**
 * Checks before a long run that `file` can be written when it ends: its folder exists (or is
 * created with `createFolder`) and the file is not a folder. Problems are InputErrors naming it.
 */
export async function checkOutputFile(
  file: string,
  { createFolder = false }: { createFolder?: boolean } = {},
): Promise<void> {
  if (createFolder) await makeFolder(dirname(file));
  try {
    const folder = await stat(dirname(file));
    if (!folder.isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${file}`), { code: 'ENOTDIR' });
    const existing = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
  } catch (error) {
    throw fileSystemError(error, file, 'write');
  }
}

/** Creates an output folder (and the folders above it); a file in its place is an InputError. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await makeFolderLevels(dir);
  } catch (error) {
    throw fileSystemError(error, dir, 'folder');
  }
}

/**
 * `mkdir -p` one level at a time: Node 20's recursive mkdir never returns for a path under
 * /proc (it retries ENOENT forever), so the missing levels are found with stat and made singly.
 */
async function makeFolderLevels(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info?.isDirectory()) return;
  if (info) throw Object.assign(new Error(`EEXIST: ${dir}`), { code: 'EEXIST' });
  const parent = dirname(dir);
  if (parent !== dir) await makeFolderLevels(parent);
  await mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    // Made meanwhile by another process: fine if it is a folder.
    if (error.code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw error;
  });
}
