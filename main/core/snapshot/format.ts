/** Connection formatters shared by the reports and the diff (values and endpoints: common/format.ts). */
import type { Connection } from '../../../contract/snapshot.js';
import { formatEndpoint } from '../../../common/format.js';

/** Where a connection goes: the resolved host name when known, else address:port. */
export function formatRemote(connection: Connection): string {
  if (connection.remoteAddress === null) return '-';
  const endpoint = formatEndpoint(connection.remoteAddress, connection.remotePort);
  const host = connection.remote?.host;
  return host ? `${host} (${endpoint})` : endpoint;
}

export function formatConnection(c: Connection): string {
  const who = `${c.process ?? '?'}${c.pid === null ? '' : ` (pid ${c.pid})`}`;
  const where = [c.remote?.country, c.remote?.org].filter(Boolean).join(', ');
  return [
    `${who} ${c.protocol} ${formatEndpoint(c.localAddress, c.localPort)} -> ${formatRemote(c)}`,
    where ? ` [${where}]` : '',
    ` ${c.state}`,
    c.toolId ? ` (${c.toolId})` : '',
  ].join('');
}
