import type { ProcessInfo } from '../process.js';

export type Protocol = 'tcp' | 'tcp6' | 'udp' | 'udp6';

/**
 * Why a socket has no pid: 'no-process' (inode 0: TIME_WAIT, closing, not yet accepted),
 * 'permission-denied' (its owner's open files are hidden from us), 'exited' (its owner exited
 * during the sample), 'not-found' (no readable process holds it), 'not-reported' (the tool that
 * listed it gave no pid).
 */
export type OwnerUnknown = 'no-process' | 'permission-denied' | 'exited' | 'not-found' | 'not-reported';

/** A socket's addresses and state, whichever tool reported it. */
export interface SocketEndpoints {
  protocol: Protocol;
  localAddress: string;
  localPort: number | null;
  /** null when there is no peer (listening TCP, unconnected UDP). */
  remoteAddress: string | null;
  remotePort: number | null;
  state: string;
}

/** One row of /proc/net/{tcp,tcp6,udp,udp6}, before it is tied to a process. */
export interface SocketRow extends SocketEndpoints {
  /** Kernel socket inode (0 when no process holds it, e.g. TIME_WAIT). */
  inode: number;
  /** The uid that created the socket. */
  uid: number;
}

/** A socket and its owner's pid; the owner's name and command are in the sample's process list. */
export interface SampledConnection extends SocketEndpoints {
  pid: number | null;
  /** Set exactly when pid is null. */
  ownerUnknown?: OwnerUnknown;
}

/** A process, listed once per sample. */
export interface SampledProcess extends ProcessInfo {
  ppid: number | null;
  name: string;
  /** The command line with secrets redacted. */
  command: string;
  /** The command line as read; never leaves the main process. */
  rawCommand: string;
  /** The catalog tool the process itself is (not inherited from an ancestor), or null. */
  ownToolId: string | null;
  /** ISO time the process started, or null when unknown. */
  startedAt: string | null;
  user?: string | null;
}

/** What a connection sampler returns; `notes` says what it could not see and why. */
export interface ConnectionSample {
  connections: SampledConnection[];
  processes: SampledProcess[];
  source: string;
  notes: string[];
}

/** A sampler kept alive across samples: it caches what it learnt about processes and sockets. */
export interface ConnectionSampler {
  sample(): Promise<ConnectionSample>;
  /**
   * Who process `pid` named `comm` is or was, from the sampler's process cache (kept a while after
   * it exits); null when unknown. Only samplers that keep such a cache (procfs) have it.
   */
  processOf?(pid: number, comm: string): SampledProcess | null;
  /** New outbound TCP sockets since the last call, read cheaply between samples (procfs only). */
  pollSockets?(): Promise<PolledSocket[]>;
}

/**
 * A new outbound TCP socket found by polling, with its owner: 'established' (seen connecting, then
 * connected), 'connected' (already open when first seen), 'connecting' (seen connecting, gone
 * before a poll saw how it went).
 */
export interface PolledSocket {
  row: SocketRow;
  process: SampledProcess;
  state: 'connecting' | 'established' | 'connected';
}

/** Computes a process's derived fields; each is called once per process lifetime. */
export interface ProcessHooks {
  redact: (command: string) => string;
  matchTool: (process: ProcessInfo) => string | null;
}

/** A parse that skips bad lines rather than failing, and says how many it skipped. */
export interface Parsed<T> {
  rows: T[];
  malformed: number;
}

/** Connections parsed from a tool's output, with the owner names it printed beside them. */
export interface ParsedConnections extends Parsed<SampledConnection> {
  /** pid -> process name as the tool printed it (empty when the tool prints no names). */
  names: Map<number, string>;
}
