/**
 * Who a traced task is: the binary trace records only the thread id (common_pid). Its process
 * (tgid) and name come from /proc/<tid>/status while it runs, else from what tracefs remembers of
 * recent tasks (saved_tgids with options/record-tgid, saved_cmdlines), else the tid and "?".
 * Looked up once per tid per batch of reads: a process connecting 50 times a second costs one
 * /proc read per batch.
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

/** "tid value" lines (saved_tgids, saved_cmdlines) -> map. */
function pairs(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) map.set(Number(line.slice(0, space)), line.slice(space + 1));
  }
  return map;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return fallback;
  }
}

export interface TaskOwners {
  ownerOf(tid: number): TaskOwner;
  /** Forgets this batch's answers (a tid may be reused by the next batch's time). */
  nextBatch(): void;
}

/** `root`: the tracefs mount (saved_tgids and saved_cmdlines are global, not per instance). */
export function taskOwners(root: string): TaskOwners {
  const cache = new Map<number, TaskOwner>();
  let saved: { tgids: Map<number, string>; comms: Map<number, string> } | null = null;

  const fromTrace = (tid: number): TaskOwner => {
    saved ??= { tgids: pairs(readOr(join(root, 'saved_tgids'), '')), comms: pairs(readOr(join(root, 'saved_cmdlines'), '')) };
    const tgid = Number(saved.tgids.get(tid));
    const comm = saved.comms.get(tid);
    return { pid: tgid > 0 ? tgid : tid, comm: comm && comm !== '<...>' ? comm : '?' };
  };

  return {
    ownerOf(tid) {
      let owner = cache.get(tid);
      if (!owner) {
        owner = ownerFromStatus(readOr(`/proc/${tid}/status`, '')) ?? fromTrace(tid);
        cache.set(tid, owner);
      }
      return owner;
    },
    nextBatch() {
      cache.clear();
      saved = null;
    },
  };
}
