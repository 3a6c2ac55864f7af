/**
 * Follows each socket that connects, by its kernel address (skaddr, from the binary trace), from
 * CLOSE -> SYN_SENT (the attempt, reported by the connecting task) to its outcome (ESTABLISHED, or
 * CLOSE when refused or unreachable) and then to its end (any state -> CLOSE). Other sockets'
 * changes (a server's accepted sockets closing, connections older than the capture) are dropped
 * with one map lookup. Exact where the text trace's tracker must guess by addresses and order.
 */
import { eventFields, secondsSince, type ConnectionEnd, type ConnectionEvent } from './trace-events.js';
import type { SocketStateChange } from './trace-page.js';

/** Who a task is: its process (tgid) and name. */
export interface TaskOwner {
  pid: number;
  comm: string;
}

interface Followed {
  owner: TaskOwner;
  start: number;
}

export interface SocketTracker {
  /** Feed one change; returns the event it completes, or null. */
  push(change: SocketStateChange): ConnectionEvent | ConnectionEnd | null;
  /** Sockets connecting, waiting for their outcome. */
  readonly connecting: number;
  /** Established sockets waiting for their end. */
  readonly open: number;
}

export interface SocketTrackerOptions {
  /** The owner of the task that called connect (asked only for attempts). */
  ownerOf: (tid: number) => TaskOwner;
  /** Follow established sockets to their close (else forget them at their outcome). */
  ends: boolean;
  /** At most this many sockets are followed in each state, the oldest forgotten first. */
  limit?: number;
}

function remember(map: Map<string, Followed>, socket: string, followed: Followed, limit: number): void {
  map.delete(socket); // the kernel reused the address of a socket whose close we did not see
  map.set(socket, followed);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

/** The outcome or end of a followed socket, built as one object (the reader makes two per connection). */
function socketEvent<T extends 'established' | 'failed' | 'closed'>(type: T, c: SocketStateChange, f: Followed) {
  const { pid, comm } = f.owner;
  const { family, saddr, sport, daddr, dport, timestamp, socket } = c;
  return { type, pid, comm, family, localAddress: saddr, localPort: sport, remoteAddress: daddr, remotePort: dport, timestamp, socket, elapsed: secondsSince(f.start, timestamp) };
}

export function createSocketTracker(options: SocketTrackerOptions): SocketTracker {
  const limit = options.limit ?? 10_000;
  const connecting = new Map<string, Followed>();
  const open = new Map<string, Followed>();

  return {
    get connecting() {
      return connecting.size;
    },
    get open() {
      return open.size;
    },
    push(c) {
      if (c.newstate === 'SYN_SENT' && c.oldstate === 'CLOSE') {
        const followed = { owner: options.ownerOf(c.tid), start: c.timestamp };
        remember(connecting, c.socket, followed, limit);
        return Object.assign(eventFields(c, followed.owner), { type: 'attempt' as const, socket: c.socket });
      }
      if (c.oldstate === 'SYN_SENT') {
        const followed = connecting.get(c.socket);
        if (!followed) return null;
        connecting.delete(c.socket);
        if (c.newstate === 'ESTABLISHED') {
          if (options.ends) remember(open, c.socket, followed, limit);
          return socketEvent('established', c, followed);
        }
        return c.newstate === 'CLOSE' ? socketEvent('failed', c, followed) : null;
      }
      if (c.newstate === 'CLOSE') {
        const followed = open.get(c.socket);
        if (!followed) return null;
        open.delete(c.socket);
        return socketEvent('closed', c, followed);
      }
      return null;
    },
  };
}
