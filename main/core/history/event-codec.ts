/**
 * How a monitor event is stored: its type as a number, its time in ms and its tool in columns of
 * their own (they are what queries filter on), the rest as JSON. Connection events, the bulk of
 * the history, are kept as a positional array: the same facts in about half the bytes.
 */
import { MonitorEvent, type MonitorEventType } from '../../../contract/events.js';
import type { NamedConnection } from '../../../contract/snapshot.js';
import { EVENT_TYPE_CODES, eventTypeOfCode } from './event-kinds.js';

export interface StoredEvent {
  atMs: number;
  code: number;
  toolId: string | null;
  body: string;
}

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
  remote: [country: string | null, asn: number | null, org: string | null, host: string | null] | null,
  ownerUnknown: NamedConnection['ownerUnknown'] | null,
];

function connectionRow(c: NamedConnection): ConnectionRow {
  const remote = c.remote ? ([c.remote.country, c.remote.asn, c.remote.org, c.remote.host] as const) : null;
  return [c.pid, c.protocol, c.localAddress, c.localPort, c.remoteAddress, c.remotePort, c.state, c.process, c.toolId, remote && [...remote], c.ownerUnknown ?? null];
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
    remote: remote && { country: remote[0], asn: remote[1], org: remote[2], host: remote[3] },
    toolId,
    process,
  };
}

/** The tool an event is about, if any (the column `--tool` filters on). */
export function eventToolId(event: MonitorEvent): string | null {
  switch (event.type) {
    case 'connection-opened':
    case 'connection-closed':
      return event.connection.toolId;
    case 'connection-attempt':
      return event.attempt.toolId;
    case 'tool-started':
    case 'tool-stopped':
      return event.toolId;
    default:
      return null;
  }
}

export function encodeEvent(event: MonitorEvent): StoredEvent {
  const atMs = Date.parse(event.at);
  const code = EVENT_TYPE_CODES[event.type];
  const toolId = eventToolId(event);
  if (event.type === 'connection-opened' || event.type === 'connection-closed') {
    return { atMs, code, toolId, body: JSON.stringify(connectionRow(event.connection)) };
  }
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
  const candidate =
    type === 'connection-opened' || type === 'connection-closed'
      ? Array.isArray(body)
        ? { type, at, connection: connectionOfRow(body as ConnectionRow) }
        : null
      : { ...(body as object), type, at };
  const parsed = MonitorEvent.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
