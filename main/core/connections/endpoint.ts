import { canonicalIp } from '../../../common/ip-address.js';
import { normalizeState } from './state.js';
import type { Protocol, SocketEndpoints } from './types.js';

/** "host:port" as tools print it: "1.2.3.4:80", "[::1]:80", "[fe80::1%eth0]:546", "*:*", "0.0.0.0%lo:53". */
export interface Endpoint {
  host: string;
  port: number | null;
  /** Bracketed or containing ':' — an IPv6 socket, even when it carries an IPv4-mapped address. */
  v6: boolean;
}

function parsePort(text: string): number | null | undefined {
  if (text === '*') return null;
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** An endpoint from separate host and port texts (as systeminformation gives them). */
export function endpointOf(host: string, portText: string): Endpoint | null {
  const port = portText === '' ? null : parsePort(portText);
  return port === undefined || host === '' ? null : { host, port, v6: host.includes(':') };
}

export function parseEndpoint(text: string): Endpoint | null {
  let host: string;
  let portText: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']:');
    if (close === -1) return null;
    host = text.slice(1, close);
    portText = text.slice(close + 2);
  } else {
    const colon = text.lastIndexOf(':');
    if (colon <= 0) return null;
    host = text.slice(0, colon);
    portText = text.slice(colon + 1);
  }
  const endpoint = endpointOf(host, portText);
  return endpoint && { ...endpoint, v6: endpoint.v6 || text.startsWith('[') };
}

const UNSPECIFIED = new Set(['*', '0.0.0.0', '::']);

/** An address for display: canonical IP text; "*" (any) becomes the family's unspecified address. */
function displayAddress(host: string, v6: boolean): string | null {
  if (host === '*') return v6 ? '::' : '0.0.0.0';
  // ss binds to an interface as "0.0.0.0%lo"; an IPv4 address has no zone, so drop it.
  const bare = host.includes(':') ? host : host.split('%')[0] ?? host;
  return canonicalIp(bare);
}

/**
 * A socket row from tool output (ss, lsof, netstat). remote is null or unspecified when the
 * socket has no peer. Null when an address is not an IP address.
 */
export function socketRowFrom(
  transport: 'tcp' | 'udp',
  local: Endpoint,
  remote: Endpoint | null,
  rawState: string,
  v6Hint = false,
): SocketEndpoints | null {
  const v6 = v6Hint || local.v6 || (remote?.v6 ?? false);
  const localAddress = displayAddress(local.host, v6);
  const hasPeer = remote !== null && !(UNSPECIFIED.has(remote.host) && (remote.port === null || remote.port === 0));
  const remoteAddress = hasPeer ? displayAddress(remote.host, v6) : null;
  if (localAddress === null || (hasPeer && remoteAddress === null)) return null;
  const protocol: Protocol = `${transport}${v6 ? '6' : ''}`;
  return {
    protocol,
    localAddress,
    localPort: local.port,
    remoteAddress,
    remotePort: hasPeer ? remote.port : null,
    state: normalizeState(rawState, transport === 'udp', hasPeer),
  };
}
