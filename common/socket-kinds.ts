/**
 * What kind of socket a connection row is, for the views that hide the machine's background noise:
 * loopback traffic, listening sockets and sockets no process holds.
 */
import type { Connection } from '../contract/snapshot.js';
import { classifyAddress } from './address-class.js';

/** Loopback when the local end is, and the remote end (if connected) is too. */
export function isLoopbackSocket(connection: Pick<Connection, 'localAddress' | 'remoteAddress'>): boolean {
  if (classifyAddress(connection.localAddress) !== 'loopback') return false;
  const remote = connection.remoteAddress;
  return remote === null || classifyAddress(remote) === 'loopback' || classifyAddress(remote) === 'unspecified';
}

/** Waiting for peers rather than talking to one: a TCP LISTEN socket or an unconnected (bound) UDP one. */
export function isListeningSocket(connection: Pick<Connection, 'state' | 'remoteAddress' | 'protocol'>): boolean {
  if (connection.state === 'LISTEN') return true;
  const udp = connection.protocol === 'udp' || connection.protocol === 'udp6';
  return udp && (connection.remoteAddress === null || classifyAddress(connection.remoteAddress) === 'unspecified');
}

/** Held by no process we can name (TIME_WAIT, another user's, exited). */
export function isUnownedSocket(connection: Pick<Connection, 'pid'>): boolean {
  return connection.pid === null;
}
