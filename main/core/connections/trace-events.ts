/**
 * TCP state changes from the Linux tracepoint sock:inet_sock_set_state, as read from a tracefs
 * trace_pipe, and a small state machine that turns them into outbound connection attempts.
 *
 * A line (with options/record-tgid the "(  tgid)" column is there, without it it is not):
 *   `  node-1234  (  1234) [001] ..... 12345.678901: inet_sock_set_state: family=AF_INET protocol=IPPROTO_TCP
 *    sport=0 dport=8080 saddr=127.0.0.1 daddr=127.0.0.1 saddrv6=::ffff:127.0.0.1 daddrv6=::ffff:127.0.0.1
 *    oldstate=TCP_CLOSE newstate=TCP_SYN_SENT`
 *
 * What the kernel does (seen on 6.18): CLOSE->SYN_SENT is reported by the connecting task before a
 * local port is chosen, so its sport is 0; the next change (SYN_SENT->ESTABLISHED or ->CLOSE when
 * refused) carries the real sport. Later changes may come from another task (ksoftirqd, pid 0).
 * So a pending attempt is keyed without sport and matched first-in first-out to the next change
 * from SYN_SENT with the same addresses and destination port, which gives its outcome; the pid/comm
 * of the SYN_SENT line stay with it. (The tracepoint's skaddr would match exactly, but the default
 * format does not print it, and the `fields` format that does prints IPv6 addresses as invalid.)
 * What happens after the outcome is not followed here (the text trace has no socket address to
 * tell one socket's close from another's); the binary reader does (trace-sockets.ts).
 */

/** The TCP states in the kernel's numbering (include/net/tcp_states.h): state n is TCP_STATES[n - 1]. */
export const TCP_STATES = [
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

const STATES = new Set<string>(TCP_STATES);

export interface TraceStateChange {
  /** The task's name as the kernel knows it (at most 15 characters); "" when the trace printed `<...>` (not in its comm cache yet). */
  comm: string;
  /** The process (tgid) when the line has it (record-tgid), else the task id. */
  pid: number;
  /** The task (thread) id. */
  tid: number;
  family: 'ipv4' | 'ipv6';
  sport: number;
  dport: number;
  /** The IPv4 address for AF_INET, the IPv6 address (compressed, as the kernel prints it) for AF_INET6. */
  saddr: string;
  daddr: string;
  oldstate: TcpState;
  newstate: TcpState;
  /** Seconds, the trace clock (monotonic since boot by default). */
  timestamp: number;
}

const EVENT_NAME = ': inet_sock_set_state: ';
// What precedes the event name: "comm-tid (tgid) [cpu] flags timestamp" (the tgid column with record-tgid).
const HEADER = /^\s*(.+)-(\d+)\s+(?:\(\s*(\d+|-+)\)\s+)?\[\d+\]\s+\S+\s+(\d+(?:\.\d+)?)$/;

/** The value of `name=` in the space-separated fields, or undefined. (indexOf, not a regex or a map: the reader parses every line.) */
function field(body: string, name: string): string | undefined {
  const key = `${name}=`;
  let at = body.startsWith(key) ? 0 : body.indexOf(` ${key}`) + 1;
  if (at === 0 && !body.startsWith(key)) return undefined;
  at += key.length;
  const end = body.indexOf(' ', at);
  return body.slice(at, end === -1 ? body.length : end).trimEnd();
}

/** One trace_pipe line -> a TCP state change, or null for any other line (other events, comments, blank). */
export function parseTraceLine(line: string): TraceStateChange | null {
  const split = line.indexOf(EVENT_NAME);
  if (split < 0) return null;
  const match = HEADER.exec(line.slice(0, split));
  if (!match) return null;
  const [, comm, tidText, tgidText, ts] = match as unknown as [string, string, string, string | undefined, string];
  const body = line.slice(split + EVENT_NAME.length).trim();
  if (field(body, 'protocol') !== 'IPPROTO_TCP') return null;
  const familyText = field(body, 'family');
  const family = familyText === 'AF_INET' ? 'ipv4' : familyText === 'AF_INET6' ? 'ipv6' : null;
  const oldstate = state(field(body, 'oldstate'));
  const newstate = state(field(body, 'newstate'));
  const sport = port(field(body, 'sport'));
  const dport = port(field(body, 'dport'));
  const saddr = field(body, family === 'ipv6' ? 'saddrv6' : 'saddr');
  const daddr = field(body, family === 'ipv6' ? 'daddrv6' : 'daddr');
  if (!family || !oldstate || !newstate || sport === null || dport === null || !saddr || !daddr) return null;
  const tid = Number(tidText);
  const tgid = tgidText !== undefined && /^\d+$/.test(tgidText) ? Number(tgidText) : null;
  return { comm: comm.trim() === '<...>' ? '' : comm.trim(), pid: tgid ?? tid, tid, family, sport, dport, saddr, daddr, oldstate, newstate, timestamp: Number(ts) };
}

function state(text: string | undefined): TcpState | null {
  if (!text?.startsWith('TCP_')) return null;
  const name = text.slice(4);
  return STATES.has(name) ? (name as TcpState) : null;
}

function port(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

export type ConnectionEventType = 'attempt' | 'established' | 'failed';

export interface ConnectionEvent {
  type: ConnectionEventType;
  /** Of the task that called connect (the SYN_SENT line), not of whoever reported this change. */
  pid: number;
  comm: string;
  family: 'ipv4' | 'ipv6';
  localAddress: string;
  /** 0 until the kernel chose it (on the attempt). */
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  timestamp: number;
  /** For established/failed: seconds since the attempt. */
  elapsed?: number;
  /** The kernel's socket address (hex), when the reader knows it (the binary reader): one socket from connect to close. */
  socket?: string;
}

/** The end of a connection whose attempt was seen (a socket followed from SYN_SENT to CLOSE). */
export interface ConnectionEnd extends Omit<ConnectionEvent, 'type' | 'elapsed' | 'socket'> {
  type: 'closed';
  /** Seconds from the attempt to the close. */
  elapsed: number;
  socket: string;
}

interface Pending {
  pid: number;
  comm: string;
  start: number;
}

export interface ConnectionTracker {
  /** Feed one state change; returns the events it completes (usually zero or one). */
  push(change: TraceStateChange): ConnectionEvent[];
  /** Attempts still waiting for an answer. */
  readonly open: number;
}

/**
 * Bounded: at most `limit` pending attempts are remembered, oldest dropped first (an answer never
 * seen, e.g. a SYN still retrying when the capture stopped).
 */
export function createConnectionTracker(limit = 10_000): ConnectionTracker {
  // family|saddr|daddr|dport -> attempts in order (sport not yet known)
  const pending = new Map<string, Pending[]>();
  let pendingCount = 0;

  const event = (type: ConnectionEventType, c: TraceStateChange, owner: Pending, elapsed: boolean): ConnectionEvent => ({
    type,
    ...eventFields(c, owner),
    ...(elapsed ? { elapsed: secondsSince(owner.start, c.timestamp) } : {}),
  });

  const dropOldestPending = () => {
    const first = pending.keys().next();
    if (first.done) return;
    const queue = pending.get(first.value)!;
    queue.shift();
    pendingCount--;
    if (queue.length === 0) pending.delete(first.value);
  };

  return {
    get open() {
      return pendingCount;
    },
    push(c) {
      const dest = `${c.family}|${c.saddr}|${c.daddr}|${c.dport}`;
      if (c.oldstate === 'CLOSE' && c.newstate === 'SYN_SENT') {
        const owner = { pid: c.pid, comm: c.comm, start: c.timestamp };
        const queue = pending.get(dest);
        if (queue) queue.push(owner);
        else pending.set(dest, [owner]);
        pendingCount++;
        if (pendingCount > limit) dropOldestPending();
        return [event('attempt', c, owner, false)];
      }
      if (c.oldstate === 'SYN_SENT') {
        const queue = pending.get(dest);
        const owner = queue?.shift();
        if (!owner) return [];
        pendingCount--;
        if (queue!.length === 0) pending.delete(dest);
        if (c.newstate === 'ESTABLISHED') return [event('established', c, owner, true)];
        if (c.newstate === 'CLOSE') return [event('failed', c, owner, true)];
      }
      return [];
    },
  };
}

/** A change's addresses and time, as an event of the task that connected. */
export function eventFields(
  c: Pick<TraceStateChange, 'family' | 'saddr' | 'sport' | 'daddr' | 'dport' | 'timestamp'>,
  owner: { pid: number; comm: string },
): Omit<ConnectionEvent, 'type' | 'elapsed' | 'socket'> {
  return { pid: owner.pid, comm: owner.comm, family: c.family, localAddress: c.saddr, localPort: c.sport, remoteAddress: c.daddr, remotePort: c.dport, timestamp: c.timestamp };
}

/** Seconds from `start` to `at`, to the microsecond, never negative. */
export function secondsSince(start: number, at: number): number {
  return Math.max(0, Math.round((at - start) * 1e6) / 1e6);
}

const EVENT_TYPES = new Set<string>(['attempt', 'established', 'failed', 'closed']);
const SOCKET = /^[0-9a-f]{1,16}$/;

/** A ConnectionEvent or ConnectionEnd sent as one JSON line (by `telltale capture`), or null when the line is not one. */
export function parseConnectionEventLine(line: string): ConnectionEvent | ConnectionEnd | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const int = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const str = (x: unknown) => typeof x === 'string' && x.length <= 64;
  if (typeof v.type !== 'string' || !EVENT_TYPES.has(v.type)) return null;
  if (!int(v.pid) || !str(v.comm) || (v.family !== 'ipv4' && v.family !== 'ipv6')) return null;
  if (!str(v.localAddress) || !str(v.remoteAddress) || !int(v.localPort) || !int(v.remotePort)) return null;
  if (typeof v.timestamp !== 'number' || !Number.isFinite(v.timestamp)) return null;
  if (v.elapsed !== undefined && (typeof v.elapsed !== 'number' || !(v.elapsed >= 0))) return null;
  if (v.socket !== undefined && (typeof v.socket !== 'string' || !SOCKET.test(v.socket))) return null;
  const common = {
    pid: v.pid as number,
    comm: v.comm as string,
    family: v.family as 'ipv4' | 'ipv6',
    localAddress: v.localAddress as string,
    localPort: v.localPort as number,
    remoteAddress: v.remoteAddress as string,
    remotePort: v.remotePort as number,
    timestamp: v.timestamp,
  };
  if (v.type === 'closed') {
    if (v.elapsed === undefined || v.socket === undefined) return null;
    return { type: 'closed', ...common, elapsed: v.elapsed as number, socket: v.socket as string };
  }
  return {
    type: v.type as ConnectionEventType,
    ...common,
    ...(v.elapsed === undefined ? {} : { elapsed: v.elapsed as number }),
    ...(v.socket === undefined ? {} : { socket: v.socket as string }),
  };
}
