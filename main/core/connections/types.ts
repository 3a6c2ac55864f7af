import type { Protocol, RemoteInfo } from '../../../contract/snapshot.js';
import type { ProcessInfo } from '../process.js';

export type { Protocol };

/** A socket tied to its owner as a connection source reports it, before it becomes a contract Connection. */
export interface RawConnection {
  pid: number | null;
  /** The owner's name where the source reports it (ss, lsof, systeminformation). */
  process: string | null;
  command: string | null;
  protocol: Protocol;
  localAddress: string;
  localPort: number | null;
  remoteAddress: string | null;
  remotePort: number | null;
  state: string;
  remote: RemoteInfo | null;
  toolId: string | null;
}

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
  connections: RawConnection[];
  processes: ProcessInfo[];
  source: string;
  notes: string[];
}

/** A parse that skips bad lines rather than failing, and says how many it skipped. */
export interface Parsed<T> {
  rows: T[];
  malformed: number;
}
