/**
 * Reads a file only if it is a regular one, and never more than a cap. A FIFO at ~/.gitconfig would
 * block a plain read forever (and one of libuv's four pool threads with it); /dev/urandom at
 * ~/.npmrc would never end. O_NONBLOCK makes opening a FIFO return at once (a blocking open waits
 * for a writer); the type is then checked on the open descriptor, so a swap between check and read
 * cannot fool it. Reads go up to cap + 1 bytes, so a file that grows past the cap after fstat (or a
 * /proc file that reports size 0) is still bounded.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** Config files are a few KB; a megabyte is far above any real one and bounds what a bad one costs. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ReadFailure =
  | { kind: 'missing'; reason: string }
  | { kind: 'not-regular'; reason: string }
  | { kind: 'too-large'; reason: string }
  | { kind: 'unreadable'; reason: string };

export type RegularRead = { ok: true; bytes: Buffer } | ({ ok: false } & ReadFailure);

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a non-regular file is, for a reason a person can act on. */
function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** A reason for an error from open/read/readdir/realpath, without the path (callers add theirs). */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'not found';
    case 'ENOTDIR':
      return 'not found (a parent is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENXIO':
      // Opening a Unix socket fails so.
      return 'a socket, not a regular file';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return e.code ?? e.message ?? String(error);
  }
}

function openFailure(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  const kind = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  return { kind, reason: describeFsError(error) };
}

function checkStats(stats: Stats, limit: number): ReadFailure | null {
  if (!stats.isFile()) return { kind: 'not-regular', reason: `${fileKind(stats)}, not a regular file` };
  if (stats.size > limit) return tooLarge(limit);
  return null;
}

function tooLarge(limit: number): ReadFailure {
  return { kind: 'too-large', reason: `larger than ${limit} bytes (not read)` };
}

/**
 * The bytes read so far, in a buffer sized from fstat and grown as needed (a /proc file says 0),
 * never beyond limit + 1: one byte more than allowed is enough to know the file is too large.
 */
class Bytes {
  #buffer: Buffer;
  #total = 0;
  private constructor(
    size: number,
    readonly limit: number,
  ) {
    this.#buffer = Buffer.alloc(Math.min(limit + 1, Math.max(size + 1, 4096)));
  }
  /** Where the bytes of an open file go, or why it is not read (not regular, over the cap). */
  static for(stats: Stats, limit: number): Bytes | RegularRead {
    const refused = checkStats(stats, limit);
    return refused ? { ok: false, ...refused } : new Bytes(stats.size, limit);
  }
  /** Where the next read goes; null when limit + 1 bytes are in. */
  next(): [Buffer, number, number] | null {
    if (this.#total === this.#buffer.length) {
      if (this.#buffer.length > this.limit) return null;
      const grown = Buffer.alloc(Math.min(this.limit + 1, this.#buffer.length * 2));
      this.#buffer.copy(grown);
      this.#buffer = grown;
    }
    return [this.#buffer, this.#total, this.#buffer.length - this.#total];
  }
  /** Counts a read's bytes; false at the end of the file. */
  add(n: number): boolean {
    this.#total += n;
    return n > 0;
  }
  result(): RegularRead {
    return this.#total > this.limit ? { ok: false, ...tooLarge(this.limit) } : { ok: true, bytes: this.#buffer.subarray(0, this.#total) };
  }
}

/** The async reader, for samplers: a slow disk blocks a pool thread, never the event loop. */
export async function readRegularFile(path: string, limit = MAX_CONFIG_BYTES): Promise<RegularRead> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, ...openFailure(error) };
  }
  try {
    const bytes = Bytes.for(await handle.stat(), limit);
    if (!(bytes instanceof Bytes)) return bytes;
    for (let at = bytes.next(); at && bytes.add((await handle.read(...at, null)).bytesRead); at = bytes.next());
    return bytes.result();
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: describeFsError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same, synchronous: for what is needed before anything starts (the app's settings). */
export function readRegularFileSync(path: string, limit = MAX_CONFIG_BYTES): RegularRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, ...openFailure(error) };
  }
  try {
    const bytes = Bytes.for(fstatSync(fd), limit);
    if (!(bytes instanceof Bytes)) return bytes;
    for (let at = bytes.next(); at && bytes.add(readSync(fd, ...at, null)); at = bytes.next());
    return bytes.result();
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}
