/** Small formatters shared by the reports and the diff, so both show values the same way. */
import type { Connection, NamedConnection, SignalValue } from '../../../contract/snapshot.js';

export function formatValue(value: SignalValue | null): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(empty)';
  return String(value);
}

/** "10.0.0.5:443", "[2001:db8::1]:443", or the bare address when there is no port. */
export function formatEndpoint(address: string, port: number | null): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return port === null ? host : `${host}:${port}`;
}

/** Where a connection goes: the resolved host name when known, else address:port. */
export function formatRemote(connection: Connection): string {
  if (connection.remoteAddress === null) return '-';
  const endpoint = formatEndpoint(connection.remoteAddress, connection.remotePort);
  const host = connection.remote?.host;
  return host ? `${host} (${endpoint})` : endpoint;
}

export function formatConnection(c: NamedConnection): string {
  const who = c.pid === null ? `(no process${c.ownerUnknown ? `: ${c.ownerUnknown}` : ''})` : `${c.process ?? '?'} (pid ${c.pid})`;
  const where = [c.remote?.country, c.remote?.org].filter(Boolean).join(', ');
  return [
    `${who} ${c.protocol} ${formatEndpoint(c.localAddress, c.localPort)} -> ${formatRemote(c)}`,
    where ? ` [${where}]` : '',
    ` ${c.state}`,
    c.toolId ? ` (${c.toolId})` : '',
  ].join('');
}
