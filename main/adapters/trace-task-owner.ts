/**
 * Who a traced task is: the binary trace records only the thread id (common_pid). Its process
 * (tgid) and name come from /proc/<tid>/status while it runs, else from what tracefs remembers of
 * recent tasks (saved_tgids with options/record-tgid, saved_cmdlines), else the tid and "?".
 * An answer is kept for OWNER_TTL_MS: a process connecting 50 times a second costs one /proc read
 * (~0.1 ms) every 2 s; a tid is not reused that fast. The saved_* files cost ~3 ms to read (the
 * kernel walks every pid), so they are read only for a task already gone, at most once a batch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskOwner } from '../core/connections/trace-sockets.js';

/** "Name:\tnode\n...Tgid:\t123\n" -> owner, or null when a line is missing. */
function ownerFromStatus(text: string): TaskOwner | null {
  const name = /^Name:\t(.*)$/m.exec(text)?.[1];
  const tgid = /^Tgid:\t(\d+)$/m.exec(text)?.[1];
  return name === undefined || tgid === undefined ? null : { pid: Number(tgid), comm: name };
}

/**
 * The value for `tid` in "tid value" lines (saved_tgids, saved_cmdlines), found by indexOf in the
 * bytes: the files hold thousands of lines (~300 kB), not worth a string.
 */
function valueOf(bytes: Buffer, tid: number): string | undefined {
  const key = `${tid} `;
  const first = bytes.lastIndexOf(key, 0) === 0; // searching back from 0: a match at the start only
  const line = first ? 0 : bytes.indexOf(`\n${key}`) + 1;
  if (!first && line === 0) return undefined;
  const end = bytes.indexOf('\n', line);
  return bytes.toString('latin1', line + key.length, end === -1 ? bytes.length : end);
}

function readOr(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

export interface TaskOwners {
  ownerOf(tid: number): TaskOwner;
  /** A new batch of reads: the saved_* files may have changed since the last. */
  nextBatch(): void;
}

const OWNER_TTL_MS = 2000;
const MAX_CACHED = 4096;

/** `root`: the tracefs mount (saved_tgids and saved_cmdlines are global, not per instance). */
export function taskOwners(root: string, now: () => number = Date.now): TaskOwners {
  const cache = new Map<number, { owner: TaskOwner; at: number }>();
  let saved: { tgids: Buffer; comms: Buffer } | null = null;

  const fromTrace = (tid: number): TaskOwner => {
    saved ??= { tgids: readOr(join(root, 'saved_tgids')) ?? Buffer.alloc(0), comms: readOr(join(root, 'saved_cmdlines')) ?? Buffer.alloc(0) };
    const tgid = Number(valueOf(saved.tgids, tid));
    const comm = valueOf(saved.comms, tid);
    return { pid: tgid > 0 ? tgid : tid, comm: comm && comm !== '<...>' ? comm : '?' };
  };

  return {
    ownerOf(tid) {
      const at = now();
      const cached = cache.get(tid);
      if (cached && at - cached.at < OWNER_TTL_MS) return cached.owner;
      const owner = ownerFromStatus(readOr(`/proc/${tid}/status`)?.toString('latin1') ?? '') ?? fromTrace(tid);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(tid, { owner, at });
      return owner;
    },
    nextBatch() {
      saved = null;
    },
  };
}
