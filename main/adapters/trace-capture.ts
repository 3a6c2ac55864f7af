/**
 * Precise TCP connection capture on Linux: a private tracefs instance with the tracepoint
 * sock:inet_sock_set_state enabled, its binary per-CPU buffers read as they fill (or its text
 * trace_pipe when the binary layout cannot be parsed: trace-readers.ts). Every outbound attempt is
 * seen, however short, with the pid and comm of the task that called connect, its outcome, and
 * (binary reader, when asked with onEnd) its close.
 *
 * The instance is `telltale-<pid>-<start time>`. At start, instances of processes that are no
 * longer alive are removed (never a live one's; the start time tells a reused pid from the
 * process that made the instance). The instance is removed on stop(), and also on
 * process exit, SIGTERM and SIGINT. The pipes are opened O_NONBLOCK and polled, so no thread is
 * ever blocked in read() and stop() cannot hang: close the pipes, disable the event, then rmdir
 * (rmdir fails with EBUSY while a file of the instance is open).
 *
 * Without root or without tracefs: `{ unavailable: reason }`, never a throw.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CaptureUnavailableMessage } from '../../contract/message.js';
import { renderCaptureUnavailable } from '../../common/i18n/render-capture.js';
import type { CaptureUnavailable } from '../core/connections/capture-source.js';
import { parseProcStat } from '../core/connections/proc-pid.js';
import type { ConnectionEnd, ConnectionEvent } from '../core/connections/trace-events.js';
import { openRawReader, openTextReader, type TraceReader, type TraceReaderKind } from './trace-readers.js';

export const TRACEFS = '/sys/kernel/tracing';
const EVENT = join('events', 'sock', 'inet_sock_set_state');
/** The kernel's numbers for the TCP states and protocol the filter names (include/net/tcp_states.h, in.h). */
const TCP_SYN_SENT = 2;
const TCP_CLOSE = 7;
const IPPROTO_TCP = 6;
const INSTANCE_PREFIX = 'telltale-';
// The kernel buffers events between reads (1.4 MB per CPU) and attempts reach the monitor at its
// next sample (every 2 s or more) anyway, so a read a second is prompt enough: every wake costs
// (bench/precise.ts). A read that stopped at its bound (a burst) is followed by another at once.
const POLL_MS = 1000;

export interface TraceCaptureOptions {
  /** Instance name; `telltale-<pid>-<start time>` unless given. */
  name?: string;
  /** The tracefs mount point (tests); /sys/kernel/tracing by default. */
  root?: string;
  onEvent: (event: ConnectionEvent) => void;
  /**
   * Given: each established connection is followed to its close (binary reader only; the kernel
   * then also passes every socket's close, most dropped at once for not being ours).
   */
  onEnd?: (end: ConnectionEnd) => void;
  onError: (error: Error) => void;
  /** The text reader even where the binary one works (the benchmark's comparison). */
  reader?: TraceReaderKind;
  /**
   * Only this process and every process it starts from now on (the kernel's set_event_pid with
   * event-fork): a probe's runs, traced from birth without a race.
   */
  followPid?: number;
}

export interface TraceCapture {
  /** The instance directory (gone after stop). */
  instance: string;
  /** How events are read: the binary per-CPU buffers, or the text trace_pipe. */
  reader: TraceReaderKind;
  /** Why the text reader is used (null with the binary one). */
  readerNote: string | null;
  /** Reads what the kernel holds now (the events up to this moment), without waiting for the next poll. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export type TraceCaptureResult = TraceCapture | CaptureUnavailable;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Whether a process exists (EPERM: it does, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** A process's start time (clock ticks after boot, /proc/<pid>/stat field 22), or null once it is gone. */
function startTimeOf(pid: number): number | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.starttime ?? null;
  } catch {
    return null;
  }
}

/** This process's instance name: its pid and start time, so a later process with the same pid can tell it is not ours. */
export function ownInstanceName(): string {
  return `${INSTANCE_PREFIX}${process.pid}-${startTimeOf(process.pid) ?? 0}`;
}

/** Whether the process that made instance `name` still runs (`telltale-<pid>-<start>`, or `telltale-<pid>` of older versions). */
function ownerAlive(name: string): boolean | null {
  const match = /^telltale-(\d+)(?:-(\d+))?$/.exec(name);
  if (!match) return null;
  const pid = Number(match[1]);
  if (pid === process.pid && match[2] === undefined) return true;
  if (match[2] === undefined) return pidAlive(pid);
  const start = startTimeOf(pid);
  // 0: the maker could not read its own start time; the pid is then all there is to go by.
  return match[2] === '0' ? pidAlive(pid) : start === Number(match[2]);
}

/** Disables the event and removes the instance (its files must be closed); retried briefly on EBUSY. */
function removeInstance(dir: string): void {
  try {
    writeFileSync(join(dir, EVENT, 'enable'), '0');
  } catch {
    // already gone or not ours to change: rmdir says which
  }
  for (let attempt = 0; ; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      if (errorCode(error) !== 'EBUSY' || attempt >= 20) throw error;
      const until = Date.now() + 10;
      while (Date.now() < until) {
        // a reader that was killed a moment ago releases its files asynchronously
      }
    }
  }
}

/** Removes `telltale-<pid>-<start>` instances whose process is gone; returns the names removed. */
export function removeStaleInstances(root: string = TRACEFS, ownName?: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(join(root, 'instances'));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (name === ownName || ownerAlive(name) !== false) continue;
    try {
      removeInstance(join(root, 'instances', name));
      removed.push(name);
    } catch {
      // another cleaner got there first, or it is busy: leave it for next time
    }
  }
  return removed;
}

/** Why capture cannot run here, or null when tracefs is usable (mounting it if root and unmounted). */
async function checkTracefs(root: string): Promise<CaptureUnavailableMessage | null> {
  if (process.platform !== 'linux') return { id: 'capture-why.not-linux', platform: process.platform };
  const isRoot = process.getuid?.() === 0;
  if (!existsSync(root)) return { id: 'capture-why.no-tracefs', root };
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch (error) {
    return { id: 'capture-why.tracefs-unreadable', root, code: errorCode(error) ?? String(error) };
  }
  if (entries.length === 0) {
    if (!isRoot) return { id: 'capture-why.tracefs-not-mounted', root };
    try {
      await promisify(execFile)('mount', ['-t', 'tracefs', 'nodev', root]);
    } catch (error) {
      return { id: 'capture-why.mount-failed', root, error: (error as Error).message.trim() };
    }
  }
  if (!existsSync(join(root, 'instances'))) return { id: 'capture-why.no-instances', root };
  if (!existsSync(join(root, EVENT))) return { id: 'capture-why.no-tracepoint', path: join(root, EVENT) };
  return null;
}

/** Not available, said in English (logs, the probe's report) and as a message (every language). */
function unavailable(why: CaptureUnavailableMessage): { unavailable: string; why: CaptureUnavailableMessage } {
  return { unavailable: renderCaptureUnavailable(why, 'en'), why };
}

export async function startTraceCapture(options: TraceCaptureOptions): Promise<TraceCaptureResult> {
  const root = options.root ?? TRACEFS;
  const name = options.name ?? ownInstanceName();
  const reason = await checkTracefs(root);
  if (reason) return unavailable(reason);

  removeStaleInstances(root, name);
  const dir = join(root, 'instances', name);
  const wantEnds = options.onEnd !== undefined;
  let reader: TraceReader | null = null;
  let readerNote: string | null = null;
  let monotonic = false;
  try {
    if (existsSync(dir)) removeInstance(dir); // left by an earlier run of this very pid
    mkdirSync(dir); // in tracefs, mkdir creates the instance with its own ring buffer
    try {
      writeFileSync(join(dir, 'options', 'record-tgid'), '1'); // the process, not just the thread
    } catch {
      // older kernels: pid is then the thread id
    }
    try {
      // CLOCK_MONOTONIC, as process.hrtime: event times convert to wall-clock time.
      writeFileSync(join(dir, 'trace_clock'), 'mono');
      monotonic = true;
    } catch {
      // older kernels: the default clock is close to it
    }
    // Only what the tracker uses: into and out of SYN_SENT, and with ends every socket's close.
    // The kernel drops the rest (a server's SYN_RECV, the FIN states) before we read.
    const syn = `oldstate == ${TCP_SYN_SENT} || newstate == ${TCP_SYN_SENT}`;
    const filter = `protocol == ${IPPROTO_TCP} && (${syn}${wantEnds && options.reader !== 'text' ? ` || newstate == ${TCP_CLOSE}` : ''})`;
    try {
      writeFileSync(join(dir, EVENT, 'filter'), filter);
    } catch {
      // a kernel without event filters: every change comes, and the trackers ignore what they do not need
    }
    if (options.followPid !== undefined) {
      writeFileSync(join(dir, 'options', 'event-fork'), '1');
      writeFileSync(join(dir, 'set_event_pid'), String(options.followPid));
    }
    writeFileSync(join(dir, EVENT, 'enable'), '1');
    const handlers = { onEvent: options.onEvent, ...(options.onEnd ? { onEnd: options.onEnd } : {}) };
    if (options.reader === 'text') readerNote = 'the text reader was asked for';
    else {
      try {
        reader = openRawReader(root, dir, handlers, monotonic);
      } catch (error) {
        readerNote = `the binary trace could not be read (${(error as Error).message}); connection ends are not followed`;
      }
    }
    reader ??= openTextReader(dir, handlers);
  } catch (error) {
    reader?.close();
    try {
      removeInstance(dir);
    } catch {
      // best effort
    }
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') return unavailable({ id: 'capture-why.instance-denied', dir, code });
    return unavailable({ id: 'capture-why.instance-failed', dir, error: (error as Error).message });
  }

  const active: TraceReader = reader;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const cleanupSync = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    stopped = true;
    try {
      active.close();
    } catch {
      // already closed
    }
    try {
      removeInstance(dir);
    } catch (error) {
      return error as Error;
    }
    return null;
  };

  const onExit = () => void cleanupSync();
  const onSignal = (signal: NodeJS.Signals) => {
    cleanupSync();
    detach();
    // We were the only listener: do what the default would have done.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    process.off('exit', onExit);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
  process.on('exit', onExit);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  /** Reads what is there on the main thread (never blocking); `flush`: up to this instant. Says whether more may wait, or that it failed. */
  const readAvailable = (flush: boolean): 'done' | 'more' | 'failed' => {
    if (stopped) return 'done';
    try {
      return active.readAvailable(flush) ? 'more' : 'done';
    } catch (error) {
      options.onError(error as Error);
      return 'failed';
    }
  };
  const poll = () => {
    timer = null;
    const read = readAvailable(false);
    if (stopped || read === 'failed') return;
    timer = setTimeout(poll, read === 'more' ? 0 : POLL_MS);
  };
  timer = setTimeout(poll, 0);

  return {
    instance: dir,
    reader: active.kind,
    readerNote,
    async drain() {
      readAvailable(true);
    },
    async stop() {
      if (stopped && !existsSync(dir)) return;
      // Drain what is already there so the last connections are not lost.
      readAvailable(true);
      const error = cleanupSync();
      detach();
      if (error) throw error;
    },
  };
}
