import type { Connection } from '../../../contract/snapshot.js';
import type { ProcessInfo } from '../process.js';

export type Protocol = Connection['protocol'];

/** One socket from a socket table, before it is tied to a process. */
export interface SocketRow {
  protocol: Protocol;
  localAddress: string;
  localPort: number | null;
  /** null when there is no peer (listening TCP, unconnected UDP). */
  remoteAddress: string | null;
  remotePort: number | null;
  state: string;
  /** Kernel socket inode (0 when no process holds it, e.g. TIME_WAIT). */
  inode: number;
}

/** What a connection sampler returns; `notes` says what it could not see and why. */
export interface ConnectionSample {
  connections: Connection[];
  processes: ProcessInfo[];
  source: string;
  notes: string[];
}

/** A parse that skips bad lines rather than failing, and says how many it skipped. */
export interface Parsed<T> {
  rows: T[];
  malformed: number;
}
