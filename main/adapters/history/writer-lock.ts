/**
 * One writer per history database: a lock file next to it holding the writer's pid and process
 * start time. A lock whose process is gone (or whose pid now belongs to a later process) is stale
 * and taken over; a live one leaves this Telltale reading only.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { parseProcStat } from '../../core/connections/proc-pid.js';

export interface LockHolder {
  pid: number;
  /** The process's start (Linux: ticks since boot from /proc/PID/stat), null where unknown. */
  start: string | null;
}

export type LockResult = { held: true; release(): void } | { held: false; holder: LockHolder };

/** A process's start time, which tells a reused pid from the process that wrote the lock. */
function processStart(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return stat?.starttime != null ? String(stat.starttime) : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: alive, another user's.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(holder.pid);
  return holder.start === null || start === null || start === holder.start;
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0
      ? { pid: parsed.pid, start: typeof parsed.start === 'string' ? parsed.start : null }
      : null;
  } catch {
    return null;
  }
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, start: processStart(process.pid) } satisfies LockHolder));
  } finally {
    closeSync(fd);
  }
  return true;
}

export function acquireWriterLock(file: string): LockResult {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file)) {
      return {
        held: true,
        release: () => {
          // Only our own lock: a later writer may have taken it over meanwhile.
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        },
      };
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) return { held: false, holder };
    // Stale (dead holder, or a file left half-written by a crash): take it over.
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const holder = readHolder(file);
  return { held: false, holder: holder ?? { pid: 0, start: null } };
}
