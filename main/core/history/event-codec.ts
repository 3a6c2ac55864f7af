/**
 * How a monitor event is stored: its type as a number, its time in ms and its tool in columns of
 * their own (they are what queries filter on), the rest as JSON. Connection events and attempts,
 * the bulk of the history, are kept as positional arrays: the same facts in about half the bytes.
 * Their remote details (country, ASN, org, host) go apart, stored once per endpoint by the store;
 * the tool (in its column) and an attempt's time (the event's, nearly always) are left out of the
 * array, null there, and filled back in when read. Common words (protocols, socket states, outcomes)
 * are stored as their number in WORDS and trailing nulls are left off.
 */
import { MonitorEvent, type MonitorEventType } from '../../../contract/events.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { NamedConnection, RemoteInfo } from '../../../contract/snapshot.js';
import { EVENT_TYPE_CODES, eventTypeOfCode } from './event-kinds.js';
import { eventToolId } from '../../../common/event-tool.js';

export interface StoredEvent {
  atMs: number;
  code: number;
  toolId: string | null;
  /** A connection's or attempt's remote details, kept by the store in a table of their own. */
  remote: RemoteInfo | null;
  body: string;
}

type RemoteRow = [country: string | null, asn: number | null, org: string | null, host: string | null];

/** The stored form of remote details: the key of the store's lookup table (also what osquery reads). */
export const remoteKey = (r: RemoteInfo): string => JSON.stringify([r.country, r.asn, r.org, r.host] satisfies RemoteRow);

/** Remote details from their stored key; null for a key this version cannot read. */
export function remoteOfKey(key: string): RemoteInfo | null {
  try {
    const r = JSON.parse(key) as unknown;
    return Array.isArray(r) && r.length === 4 ? { country: r[0], asn: r[1], org: r[2], host: r[3] } : null;
  } catch {
    return null;
  }
}

/** Words stored as their position here. Append only: stored rows keep these numbers for ever. */
const WORDS = [
  'tcp', 'tcp6', 'udp', 'udp6',
  'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING', 'UNCONN',
  'established', 'failed', 'unknown', 'trace', 'poll',
] as const;
const WORD_CODES = new Map<string, number>(WORDS.map((w, i) => [w, i]));

/** A word as stored: its number when it is one of WORDS, else itself. */
type Word = string | number;
const word = (text: string): Word => WORD_CODES.get(text) ?? text;
/** The word back; an unknown number stays a number, which the event's schema then refuses. */
const text = <T extends string>(stored: Word): T => (typeof stored === 'number' ? (WORDS[stored] ?? stored) : stored) as T;

/** Leaves off trailing nulls (most connections end in two); `padded` restores them. */
function trimmed(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}

const padded = <T extends unknown[]>(row: unknown[], length: number): T => [...row, ...Array<null>(Math.max(0, length - row.length)).fill(null)] as T;

type ConnectionRow = [
  pid: number | null,
  protocol: Word,
  localAddress: string,
  localPort: number | null,
  remoteAddress: string | null,
  remotePort: number | null,
  state: Word,
  process: string | null,
  toolId: string | null,
  ownerUnknown: NamedConnection['ownerUnknown'] | null,
];

/** Positions in a stored attempt (the osquery config reads process, address and port by position). */
type AttemptRow = [
  at: string | null,
  pid: number,
  process: string,
  command: string | null,
  toolId: string | null,
  protocol: Word,
  localAddress: string,
  localPort: number,
  remoteAddress: string,
  remotePort: number,
  outcome: Word,
  durationMs: number | null,
  source: Word,
  /** Absent in rows stored before ends were followed, and for attempts reported still open. */
  endedAt?: string,
];

export const STORED_POSITIONS = {
  connection: { process: 7, remoteAddress: 4, remotePort: 5 },
  attempt: { process: 2, remoteAddress: 8, remotePort: 9 },
} as const;

function attemptRow(a: ConnectionAttempt, at: string): AttemptRow {
  const row: AttemptRow = [
    a.at === at ? null : a.at, a.pid, a.process, a.command, null, word(a.protocol), a.localAddress, a.localPort, a.remoteAddress, a.remotePort, word(a.outcome), a.durationMs, word(a.source),
  ];
  if (a.endedAt !== undefined) row.push(a.endedAt);
  return row;
}

/** What a stored array leaves out, from the row's columns. */
interface Columns {
  at: string;
  toolId: string | null;
  remote: RemoteInfo | null;
}

function attemptOfRow(row: unknown[], columns: Columns): ConnectionAttempt {
  const [at, pid, process, command, toolId, protocol, localAddress, localPort, remoteAddress, remotePort, outcome, durationMs, source, endedAt] = padded<AttemptRow>(row, 13);
  return {
    at: at ?? columns.at,
    pid,
    process,
    command,
    toolId: toolId ?? columns.toolId,
    protocol: text(protocol),
    localAddress,
    localPort,
    remoteAddress,
    remotePort,
    remote: columns.remote,
    outcome: text(outcome),
    durationMs,
    source: text(source),
    ...(typeof endedAt === 'string' ? { endedAt } : {}),
  };
}

function connectionRow(c: NamedConnection): unknown[] {
  const row: ConnectionRow = [c.pid, word(c.protocol), c.localAddress, c.localPort, c.remoteAddress, c.remotePort, word(c.state), c.process, null, c.ownerUnknown ?? null];
  return trimmed(row);
}

function connectionOfRow(row: unknown[], columns: Columns): NamedConnection {
  const [pid, protocol, localAddress, localPort, remoteAddress, remotePort, state, process, toolId, ownerUnknown] = padded<ConnectionRow>(row, 10);
  return {
    pid,
    ...(ownerUnknown ? { ownerUnknown } : {}),
    protocol: text(protocol),
    localAddress,
    localPort,
    remoteAddress,
    remotePort,
    state: text(state),
    remote: columns.remote,
    toolId: toolId ?? columns.toolId,
    process,
  };
}


export function encodeEvent(event: MonitorEvent): StoredEvent {
  const atMs = Date.parse(event.at);
  const code = EVENT_TYPE_CODES[event.type];
  const toolId = eventToolId(event);
  if (event.type === 'connection-opened' || event.type === 'connection-closed') {
    return { atMs, code, toolId, remote: event.connection.remote, body: JSON.stringify(connectionRow(event.connection)) };
  }
  if (event.type === 'connection-attempt') return { atMs, code, toolId, remote: event.attempt.remote, body: JSON.stringify(attemptRow(event.attempt, event.at)) };
  const { type: _type, at: _at, ...rest } = event;
  return { atMs, code, toolId, remote: null, body: JSON.stringify(rest) };
}

/** The event back, or null for a row this version cannot read (an unknown type, a damaged body). */
export function decodeEvent(stored: StoredEvent): MonitorEvent | null {
  const type: MonitorEventType | null = eventTypeOfCode(stored.code);
  if (!type) return null;
  const at = new Date(stored.atMs).toISOString();
  let body: unknown;
  try {
    body = JSON.parse(stored.body);
  } catch {
    return null;
  }
  const columns: Columns = { at, toolId: stored.toolId, remote: stored.remote };
  const candidate = !Array.isArray(body)
    ? { ...(body as object), type, at }
    : type === 'connection-opened' || type === 'connection-closed'
      ? { type, at, connection: connectionOfRow(body, columns) }
      : type === 'connection-attempt'
        ? { type, at, attempt: attemptOfRow(body, columns) }
        : null;
  const parsed = MonitorEvent.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
