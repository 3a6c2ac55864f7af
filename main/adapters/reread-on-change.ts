/**
 * Re-reads a sampler only when what it read has changed. The sampler runs through an Io that
 * records its inputs: each file, directory or symlink with a fingerprint (inode, size, mtime), and
 * the commands it ran. The next call checks the fingerprints (one stat each) and, if none moved
 * and the result is younger than `maxAgeMs`, returns the previous result without running the
 * sampler. Commands (gsettings, scutil, reg) and time-dependent values (a UTC offset across a DST
 * change) are refreshed by that age alone.
 */
import { lstatSync, statSync } from 'node:fs';
import type { Io, SampleContext } from '../core/context.js';

export const DEFAULT_MAX_AGE_MS = 60_000;

type Fingerprint = string;

/**
 * Synchronous on purpose: a stat of a local path takes microseconds, while hundreds of them through
 * libuv's four-thread pool (a tool on PATH is looked for in every PATH dir) take tens of ms.
 */
function fingerprint(path: string, follow: boolean): Fingerprint {
  try {
    const s = follow ? statSync(path, { bigint: true, throwIfNoEntry: false }) : lstatSync(path, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : 'missing';
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

interface Recorded {
  /** path -> [follow symlinks?, fingerprint taken just before the read] */
  files: Map<string, [boolean, Fingerprint]>;
}

/** An Io that passes every call through and notes what it touched. */
function recordingIo(io: Io, recorded: Recorded): Io {
  const note = (path: string, follow: boolean): void => {
    const key = `${follow ? 'f' : 'l'}:${path}`;
    if (!recorded.files.has(key)) recorded.files.set(key, [follow, fingerprint(path, follow)]);
  };
  return {
    async readText(path) {
      note(path, true);
      return io.readText(path);
    },
    run: (command, args, options) => io.run(command, args, options),
    evaluatePac: (script, url, timeoutMs) => io.evaluatePac(script, url, timeoutMs),
    async exists(path) {
      note(path, true);
      return io.exists(path);
    },
    async realPath(path) {
      // A symlink re-pointed (ln -sf .../Asia/Shanghai /etc/localtime) changes the link's own ctime.
      note(path, false);
      return io.realPath(path);
    },
    async listDir(path) {
      note(path, true);
      return io.listDir(path);
    },
  };
}

function unchanged(recorded: Recorded): boolean {
  for (const [key, [follow, before]] of recorded.files) {
    if (fingerprint(key.slice(2), follow) !== before) return false;
  }
  return true;
}

export interface RereadOptions {
  maxAgeMs?: number;
  now?: () => number;
}

/** `read` wrapped so that it runs again only when one of its inputs changed or its result aged out. */
export function rereadOnChange<T>(read: (ctx: SampleContext) => Promise<T>, options: RereadOptions = {}): (ctx: SampleContext) => Promise<T> {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  let last: { at: number; ctx: SampleContext; recorded: Recorded; value: T } | null = null;
  return async (ctx) => {
    if (last && last.ctx === ctx && now() - last.at < maxAgeMs && unchanged(last.recorded)) return last.value;
    const recorded: Recorded = { files: new Map() };
    const at = now();
    const value = await read({ ...ctx, io: recordingIo(ctx.io, recorded) });
    last = { at, ctx, recorded, value };
    return value;
  };
}
