/**
 * How a monitor event is stored: its type as a number, its time in ms and its tool in columns of
 * their own (they are what queries filter on), the rest as JSON. Connection events and attempts,
 * the bulk of the history, are kept as positional arrays: the same facts in about half the bytes.
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
  body: string;
}

type RemoteRow = [country: string | null, asn: number | null, org: string | null, host: string | null];

const remoteRow = (r: RemoteInfo | null): RemoteRow | null => (r ? [r.country, r.asn, r.org, r.host] : null);
const remoteOfRow = (r: RemoteRow | null): RemoteInfo | null => r && { country: r[0], asn: r[1], org: r[2], host: r[3] };

type ConnectionRow = [
  pid: number | null,
  protocol: NamedConnection['protocol'],
  localAddress: string,
  localPort: number | null,
  remoteAddress: string | null,
  remotePort: number | null,
  state: string,
  process: string | null,
  toolId: string | null,
  remote: RemoteRow | null,
  ownerUnknown: NamedConnection['ownerUnknown'] | null,
];

/** Positions in a stored attempt (the osquery config reads process, address and port by position). */
type AttemptRow = [
  at: string,
  pid: number,
  process: string,
  command: string | null,
  toolId: string | null,
  protocol: ConnectionAttempt['protocol'],
  localAddress: string,
  localPort: number,
  remoteAddress: string,
  remotePort: number,
  remote: RemoteRow | null,
  outcome: ConnectionAttempt['outcome'],
  durationMs: number | null,
  source: ConnectionAttempt['source'],
];

export const STORED_POSITIONS = {
  connection: { process: 7, remoteAddress: 4, remotePort: 5 },
  attempt: { process: 2, remoteAddress: 8, remotePort: 9 },
} as const;

function attemptRow(a: ConnectionAttempt): AttemptRow {
  return [a.at, a.pid, a.process, a.command, a.toolId, a.protocol, a.localAddress, a.localPort, a.remoteAddress, a.remotePort, remoteRow(a.remote), a.outcome, a.durationMs, a.source];
}

function attemptOfRow(row: AttemptRow): ConnectionAttempt {
  const [at, pid, process, command, toolId, protocol, localAddress, localPort, remoteAddress, remotePort, remote, outcome, durationMs, source] = row;
  return { at, pid, process, command, toolId, protocol, localAddress, localPort, remoteAddress, remotePort, remote: remoteOfRow(remote), outcome, durationMs, source };
}

function connectionRow(c: NamedConnection): ConnectionRow {
  return [c.pid, c.protocol, c.localAddress, c.localPort, c.remoteAddress, c.remotePort, c.state, c.process, c.toolId, remoteRow(c.remote), c.ownerUnknown ?? null];
}

function connectionOfRow(row: ConnectionRow): NamedConnection {
  const [pid, protocol, localAddress, localPort, remoteAddress, remotePort, state, process, toolId, remote, ownerUnknown] = row;
  return {
    pid,
    ...(ownerUnknown ? { ownerUnknown } : {}),
    protocol,
    localAddress,
    localPort,
    remoteAddress,
    remotePort,
    state,
    remote: remoteOfRow(remote),
    toolId,
    process,
  };
}


export function encodeEvent(event: MonitorEvent): StoredEvent {
  const atMs = Date.parse(event.at);
  const code = EVENT_TYPE_CODES[event.type];
  const toolId = eventToolId(event);
  if (event.type === 'connection-opened' || event.type === 'connection-closed') {
    return { atMs, code, toolId, body: JSON.stringify(connectionRow(event.connection)) };
  }
  if (event.type === 'connection-attempt') return { atMs, code, toolId, body: JSON.stringify(attemptRow(event.attempt)) };
  const { type: _type, at: _at, ...rest } = event;
  return { atMs, code, toolId, body: JSON.stringify(rest) };
}

/** The event back, or null for a row this version cannot read (an unknown type, a damaged body). */
export function decodeEvent(stored: Pick<StoredEvent, 'atMs' | 'code' | 'body'>): MonitorEvent | null {
  const type: MonitorEventType | null = eventTypeOfCode(stored.code);
  if (!type) return null;
  const at = new Date(stored.atMs).toISOString();
  let body: unknown;
  try {
    body = JSON.parse(stored.body);
  } catch {
    return null;
  }
  const candidate = !Array.isArray(body)
    ? { ...(body as object), type, at }
    : type === 'connection-opened' || type === 'connection-closed'
      ? { type, at, connection: connectionOfRow(body as ConnectionRow) }
      : type === 'connection-attempt'
        ? { type, at, attempt: attemptOfRow(body as AttemptRow) }
        : null;
  const parsed = MonitorEvent.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
