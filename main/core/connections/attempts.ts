/**
 * Connection attempts for the contract (contract/attempts.ts), from the precise capture's events
 * or the fast poller's new sockets, and the bounded queue that holds them between samples.
 */
import type { AttemptOutcome, ConnectionAttempt } from '../../../contract/attempts.js';
import type { RemoteInfo } from '../../../contract/snapshot.js';
import type { ProcessInfo } from '../process.js';
import type { ConnectionEvent } from './trace-events.js';
import type { PolledSocket, SampledProcess } from './types.js';

/** Who made an attempt, as the contract shows it. */
export interface AttemptOwner {
  pid: number;
  process: string;
  command: string | null;
  toolId: string | null;
}

/**
 * The owner from the sampler's description of the process; when it was never seen (born and gone
 * between two looks) the kernel's comm is all there is, and the tool is matched on that name.
 */
export function attemptOwner(pid: number, comm: string, known: SampledProcess | null, matchTool: (process: ProcessInfo) => string | null): AttemptOwner {
  if (known) return { pid, process: known.name, command: known.command === '' ? null : known.command, toolId: known.ownToolId };
  return { pid, process: comm, command: null, toolId: matchTool({ pid, ppid: null, name: comm, command: '' }) };
}

/** An attempt from the capture: `startedAtMs` is when it started (wall clock), the event its outcome. */
export function tracedAttempt(
  event: ConnectionEvent & { type: 'established' | 'failed' },
  owner: AttemptOwner,
  startedAtMs: number,
  remote: RemoteInfo | null,
): ConnectionAttempt {
  return {
    at: new Date(startedAtMs).toISOString(),
    ...owner,
    protocol: event.family === 'ipv6' ? 'tcp6' : 'tcp',
    localAddress: event.localAddress,
    localPort: event.localPort,
    remoteAddress: event.remoteAddress,
    remotePort: event.remotePort,
    remote,
    outcome: event.type,
    durationMs: event.elapsed === undefined ? null : Math.round(event.elapsed * 1e6) / 1e3,
    source: 'trace',
  };
}

const POLLED_OUTCOME: Record<PolledSocket['state'], AttemptOutcome> = { established: 'established', connected: 'seen', connecting: 'seen' };

/** An attempt from the fast poller: `at` is when it was first seen, its start is not known. */
export function polledAttempt(socket: PolledSocket, owner: AttemptOwner, atMs: number, remote: RemoteInfo | null): ConnectionAttempt {
  const { row } = socket;
  return {
    at: new Date(atMs).toISOString(),
    ...owner,
    protocol: row.protocol === 'tcp6' ? 'tcp6' : 'tcp',
    localAddress: row.localAddress,
    localPort: row.localPort ?? 0,
    remoteAddress: row.remoteAddress ?? '',
    remotePort: row.remotePort ?? 0,
    remote,
    outcome: POLLED_OUTCOME[socket.state],
    durationMs: null,
    source: 'poll',
  };
}

/** Attempts waiting for the next sample: at most `limit`, the oldest dropped (and counted) first. */
export class AttemptQueue {
  readonly #limit: number;
  #items: ConnectionAttempt[] = [];
  #dropped = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Attempts dropped since the queue was made because samples did not keep up. */
  get dropped(): number {
    return this.#dropped;
  }

  push(attempt: ConnectionAttempt): void {
    this.#items.push(attempt);
    if (this.#items.length > this.#limit) {
      this.#items.shift();
      this.#dropped++;
    }
  }

  /** Everything queued, oldest first; the queue is then empty. */
  drain(): ConnectionAttempt[] {
    const items = this.#items;
    this.#items = [];
    return items;
  }
}
