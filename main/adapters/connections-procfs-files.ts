/** File access for the procfs sampler: /proc's quirks (sizes of 0, fd counts as sizes) and errno. */
import { closeSync, openSync, readFileSync, readSync, statfsSync, statSync } from 'node:fs';
import { parseBootTime } from '../core/connections/proc-pid.js';

const PROC_SUPER_MAGIC = 0x9fa0;

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

export const gone = (code: string) => code === 'ENOENT' || code === 'ESRCH';
export const denied = (code: string) => code === 'EACCES' || code === 'EPERM';

/**
 * Since Linux 6.2 stat() of /proc/<pid>/fd gives the number of open fds as its size: a process's
 * fd count for one syscall instead of listing thousands of fds. Elsewhere (older kernels, test
 * trees that are plain directories) the count comes from listing the directory.
 */
export function fdCountFromSize(procRoot: string): boolean {
  try {
    return statfsSync(procRoot).type === PROC_SUPER_MAGIC && statSync(`${procRoot}/self/fd`).size > 0;
  } catch {
    return false;
  }
}

/** btime from /proc/stat: the boot time in seconds since the epoch, or null. */
export function readBootTime(procRoot: string): number | null {
  try {
    return parseBootTime(readFileSync(`${procRoot}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Reads a /proc file whose size stat() does not tell (0) into a buffer reused across samples: a
 * 10k-socket table is 1.5 MB, read every sample. The bytes returned are valid until the next read.
 */
export class ProcFileReader {
  #buffer = Buffer.allocUnsafe(256 * 1024);

  read(path: string): Uint8Array {
    const length = this.#readAll(path); // first: it may replace the buffer
    return this.#buffer.subarray(0, length);
  }

  /** A small file as text (a pid's stat, every sample): no fstat and no new buffer per read. */
  readText(path: string): string {
    const length = this.#readAll(path);
    return this.#buffer.toString('utf8', 0, length);
  }

  /** Reads the whole file into the buffer, growing it as needed; returns the length. */
  #readAll(path: string): number {
    const fd = openSync(path, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.#buffer.length) {
          const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
          this.#buffer.copy(bigger);
          this.#buffer = bigger;
        }
        const got = readSync(fd, this.#buffer, length, this.#buffer.length - length, null);
        if (got === 0) break;
        length += got;
      }
      return length;
    } finally {
      closeSync(fd);
    }
  }
}
