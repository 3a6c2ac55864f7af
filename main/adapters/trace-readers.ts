/**
 * The two ways to read a trace instance's events, both non-blocking (O_NONBLOCK, each read
 * returns at once with data or EAGAIN) so the caller polls and never hangs:
 * - raw: the binary per-CPU ring buffers (`per_cpu/cpuN/trace_pipe_raw`, one page per read),
 *   decoded with the layout the kernel describes in its format files. Gives each socket's kernel
 *   address, so a connection is followed exactly from attempt to outcome to close.
 * - text: `trace_pipe`, one line per event, matched by addresses; no socket address (this
 *   kernel's fields mode prints IPv6 as invalid), so no ends. The fallback when raw cannot run.
 */
import { closeSync, constants, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { parseTraceFormat, pageHeaderLayout, sockStateLayout } from '../core/connections/trace-format.js';
import { createConnectionTracker, parseTraceLine, type ConnectionEnd, type ConnectionEvent } from '../core/connections/trace-events.js';
import { createTraceBatcher } from '../core/connections/trace-batch.js';
import type { RawLayout } from '../core/connections/trace-page.js';
import { createSocketTracker } from '../core/connections/trace-sockets.js';
import { taskOwners } from './trace-task-owner.js';

export type TraceReaderKind = 'raw' | 'text';

export interface TraceReader {
  kind: TraceReaderKind;
  /**
   * Reads what the kernel holds now; throws on a real error (not EAGAIN). `flush`: also hands on
   * the last moment's events, which a poll keeps for the next (see openRawReader). Returns true
   * when it stopped at its bound with more perhaps waiting (a burst): read again soon.
   */
  readAvailable(flush: boolean): boolean;
  /** Events the kernel dropped because its buffer was full (raw only: pages flagged so). */
  readonly missedPages: number;
  close(): void;
}

export interface ReaderHandlers {
  onEvent: (event: ConnectionEvent) => void;
  /** Given: established connections are followed to their close (raw only). */
  onEnd?: (end: ConnectionEnd) => void;
}

const TEXT_READ_SIZE = 64 * 1024;
// Bounded so one poll cannot take the event loop for long when a burst filled the buffer.
const MAX_READS_PER_FD = 64;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Reads `fd` into `buffer` until EAGAIN, handing each chunk to `use`; true when the bound stopped it first. */
function readUntilEmpty(fd: number, buffer: Buffer, use: (bytes: Buffer) => void): boolean {
  try {
    for (let i = 0; i < MAX_READS_PER_FD; i++) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return false;
      use(buffer.subarray(0, n));
    }
    return true;
  } catch (error) {
    if (errorCode(error) !== 'EAGAIN') throw error;
    return false;
  }
}

/** The raw layout of this kernel's records, from the instance's own format files (throws a TraceFormatError or a read error). */
export function readRawLayout(instance: string): RawLayout {
  const read = (path: string) => readFileSync(join(instance, path), 'utf8');
  return {
    header: pageHeaderLayout(parseTraceFormat(read('events/header_page'))),
    event: sockStateLayout(parseTraceFormat(read('events/sock/inet_sock_set_state/format'))),
    littleEndian: endianness() === 'LE',
  };
}

/** The ring buffer's page size: buffer_subbuf_size_kb where the kernel has it (6.8+), else the system page. */
function pageSize(instance: string): number {
  try {
    const kb = Number(readFileSync(join(instance, 'buffer_subbuf_size_kb'), 'utf8').trim());
    if (Number.isInteger(kb) && kb > 0) return kb * 1024;
  } catch {
    // older kernels: one page per sub-buffer
  }
  return 4096;
}

// Events stamped this close to a read's start may not be in their CPU's buffer yet when it is read.
const SETTLE_SECONDS = 0.01;

/** CLOCK_MONOTONIC in seconds, the instance's trace clock when it is `mono`. */
const monotonicSeconds = () => Number(process.hrtime.bigint()) / 1e9;

/**
 * `root` is the tracefs mount, `instance` the instance directory (its events must be set up
 * already); `monotonic`: its trace clock is CLOCK_MONOTONIC, so a read can keep back the changes
 * of its last moment for the next (trace-batch.ts).
 */
export function openRawReader(root: string, instance: string, handlers: ReaderHandlers, monotonic: boolean): TraceReader {
  const layout = readRawLayout(instance);
  const cpus = readdirSync(join(instance, 'per_cpu')).filter((name) => /^cpu\d+$/.test(name));
  if (cpus.length === 0) throw new Error(`${join(instance, 'per_cpu')} lists no CPU`);
  const fds: number[] = [];
  try {
    for (const cpu of cpus) fds.push(openSync(join(instance, 'per_cpu', cpu, 'trace_pipe_raw'), constants.O_RDONLY | constants.O_NONBLOCK));
  } catch (error) {
    for (const fd of fds) closeSync(fd);
    throw error;
  }
  const owners = taskOwners(root);
  const tracker = createSocketTracker({ ownerOf: (tid) => owners.ownerOf(tid), ends: handlers.onEnd !== undefined });
  const batcher = createTraceBatcher(layout, tracker);
  const page = Buffer.alloc(pageSize(instance));
  const addPage = (bytes: Buffer) => batcher.addPage(bytes);
  const emit = (event: ConnectionEvent | ConnectionEnd) => {
    if (event.type === 'closed') handlers.onEnd?.(event);
    else handlers.onEvent(event);
  };
  return {
    kind: 'raw',
    readAvailable(flush) {
      const cutoff = flush || !monotonic ? Infinity : monotonicSeconds() - SETTLE_SECONDS;
      owners.nextBatch();
      let more = false;
      for (let i = 0; i < fds.length; i++) more = readUntilEmpty(fds[i]!, page, addPage) || more;
      batcher.finish(cutoff, emit);
      return more;
    },
    get missedPages() {
      return batcher.missedPages;
    },
    close() {
      for (const fd of fds.splice(0)) closeSync(fd);
    },
  };
}

/** A process's comm from /proc when the trace did not know it yet ("?" once it has exited). */
function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

export function openTextReader(instance: string, handlers: ReaderHandlers): TraceReader {
  const fd = openSync(join(instance, 'trace_pipe'), constants.O_RDONLY | constants.O_NONBLOCK);
  const tracker = createConnectionTracker();
  const buffer = Buffer.alloc(TEXT_READ_SIZE);
  let partial = '';
  let open = true;
  const useText = (bytes: Buffer) => {
    const lines = (partial + bytes.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const change = parseTraceLine(line);
      if (!change) continue;
      for (const event of tracker.push(change)) handlers.onEvent(event.comm ? event : { ...event, comm: commOf(event.pid) });
    }
  };
  return {
    kind: 'text',
    readAvailable() {
      return open && readUntilEmpty(fd, buffer, useText);
    },
    missedPages: 0,
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
