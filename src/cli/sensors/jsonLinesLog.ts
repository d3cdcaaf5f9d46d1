import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type EntitySetName, isEntitySet, type StoredEntity } from '../../sensors/entityModel.ts';
import type { StoreLog } from '../../sensors/sensorStore.ts';

/** File name of the entity log inside the `--data` folder. */
export const LOG_FILE = 'entities.jsonl';

/**
 * The durable store of `twin sensors serve`: an append-only JSON-lines file, one created entity
 * a line (`{"set","id","props","links"}`), each append written with `writeSync` and flushed to
 * the disk with `fsyncSync` before it returns, so an entity is on disk before the service
 * acknowledges or republishes it.
 */
export class JsonLinesLog implements StoreLog {
  private constructor(
    private readonly fd: number,
    readonly path: string,
  ) {}

  /**
   * Opens (creating) the log in `folder` and reads back every complete line. A torn last line
   * (a crash in the middle of a write) is cut off the file, so the next append starts clean.
   */
  static open(folder: string): { log: JsonLinesLog; records: StoredEntity[]; tornBytes: number } {
    mkdirSync(folder, { recursive: true });
    const path = join(folder, LOG_FILE);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const { records, goodBytes } = parseLog(text);
    const fd = openSync(path, 'a+');
    const totalBytes = Buffer.byteLength(text, 'utf8');
    if (goodBytes < totalBytes) {
      ftruncateSync(fd, goodBytes);
      fsyncSync(fd);
    }
    return { log: new JsonLinesLog(fd, path), records, tornBytes: totalBytes - goodBytes };
  }

  append(records: readonly StoredEntity[]): void {
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    writeSync(this.fd, text);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Reads the log in `folder` without opening it for writing (nothing created, a torn last line
 * left as it is and not read): what a reader beside a running service sees. Empty when the
 * folder has no log.
 */
export function readLogRecords(folder: string): StoredEntity[] {
  const path = join(folder, LOG_FILE);
  return existsSync(path) ? parseLog(readFileSync(path, 'utf8')).records : [];
}

/** The complete records of a log's text, up to the first torn or unreadable line, and their bytes. */
function parseLog(text: string): { records: StoredEntity[]; goodBytes: number } {
  const records: StoredEntity[] = [];
  let goodBytes = 0;
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    if (end < 0) break; // no newline: torn
    const line = text.slice(offset, end);
    const record = parseRecord(line);
    if (record === undefined) break;
    records.push(record);
    offset = end + 1;
    goodBytes += Buffer.byteLength(line, 'utf8') + 1;
  }
  return { records, goodBytes };
}

function parseRecord(line: string): StoredEntity | undefined {
  try {
    const r = JSON.parse(line) as { set?: unknown; id?: unknown; props?: unknown; links?: unknown };
    if (typeof r.set !== 'string' || !isEntitySet(r.set) || typeof r.id !== 'number') return undefined;
    return {
      set: r.set as EntitySetName,
      id: r.id,
      props: (r.props ?? {}) as StoredEntity['props'],
      links: (r.links ?? {}) as StoredEntity['links'],
    };
  } catch {
    return undefined;
  }
}
