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
import type { FileKind, ReasonCause } from '../../contract/reason.js';

/** Config files are a few KB; a megabyte is far above any real one and bounds what a bad one costs. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a file was not read; its path is in the reason. */
export type ReadFailure = { reason: ReasonCause };

export type RegularRead = { ok: true; bytes: Buffer } | ({ ok: false } & ReadFailure);

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a non-regular file is, for a reason a person can act on. */
function fileKind(stats: Stats): FileKind {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'special';
}

/** The reason for an error from open/read/readdir/realpath at `path`: OS codes other than these stay as they are. */
export function fsErrorReason(path: string, error: unknown): ReasonCause {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { id: 'reason.file.missing', path };
    case 'EACCES':
    case 'EPERM':
      return { id: 'reason.file.permission-denied', path };
    case 'EISDIR':
      return { id: 'reason.file.not-regular', path, is: 'directory' };
    case 'ENXIO':
      // Opening a Unix socket fails so.
      return { id: 'reason.file.not-regular', path, is: 'socket' };
    default:
      return { id: 'reason.file.unreadable', path, code: e.code ?? e.message ?? String(error) };
  }
}

const failure = (reason: ReasonCause): RegularRead => ({ ok: false, reason });

function checkStats(path: string, stats: Stats, limit: number): RegularRead | null {
  if (!stats.isFile()) return failure({ id: 'reason.file.not-regular', path, is: fileKind(stats) });
  if (stats.size > limit) return failure(tooLarge(path, limit));
  return null;
}

const tooLarge = (path: string, limit: number): ReasonCause => ({ id: 'reason.file.too-large', path, limit });

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
    readonly path: string,
  ) {
    this.#buffer = Buffer.alloc(Math.min(limit + 1, Math.max(size + 1, 4096)));
  }
  /** Where the bytes of an open file go, or why it is not read (not regular, over the cap). */
  static for(path: string, stats: Stats, limit: number): Bytes | RegularRead {
    return checkStats(path, stats, limit) ?? new Bytes(stats.size, limit, path);
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
    return this.#total > this.limit ? failure(tooLarge(this.path, this.limit)) : { ok: true, bytes: this.#buffer.subarray(0, this.#total) };
  }
}

/** The async reader, for samplers: a slow disk blocks a pool thread, never the event loop. */
export async function readRegularFile(path: string, limit = MAX_CONFIG_BYTES): Promise<RegularRead> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return failure(fsErrorReason(path, error));
  }
  try {
    const bytes = Bytes.for(path, await handle.stat(), limit);
    if (!(bytes instanceof Bytes)) return bytes;
    for (let at = bytes.next(); at && bytes.add((await handle.read(...at, null)).bytesRead); at = bytes.next());
    return bytes.result();
  } catch (error) {
    return failure(fsErrorReason(path, error));
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
    return failure(fsErrorReason(path, error));
  }
  try {
    const bytes = Bytes.for(path, fstatSync(fd), limit);
    if (!(bytes instanceof Bytes)) return bytes;
    for (let at = bytes.next(); at && bytes.add(readSync(fd, ...at, null)); at = bytes.next());
    return bytes.result();
  } catch (error) {
    return failure(fsErrorReason(path, error));
  } finally {
    closeSync(fd);
  }
}
