/**
 * What kind of socket a connection row is, for the views that hide the machine's background noise:
 * loopback traffic, listening sockets and sockets no process holds.
 */
import type { Connection } from '../contract/snapshot.js';
import { classifyAddress, type AddressClass } from './address-class.js';

type Classify = (address: string) => AddressClass;

/** Loopback when the local end is, and the remote end (if connected) is too. */
export function isLoopbackSocket(connection: Pick<Connection, 'localAddress' | 'remoteAddress'>, classify: Classify = classifyAddress): boolean {
  if (classify(connection.localAddress) !== 'loopback') return false;
  const remote = connection.remoteAddress === null ? null : classify(connection.remoteAddress);
  return remote === null || remote === 'loopback' || remote === 'unspecified';
}

/** Waiting for peers rather than talking to one: a TCP LISTEN socket or an unconnected (bound) UDP one. */
export function isListeningSocket(connection: Pick<Connection, 'state' | 'remoteAddress' | 'protocol'>, classify: Classify = classifyAddress): boolean {
  if (connection.state === 'LISTEN') return true;
  const udp = connection.protocol === 'udp' || connection.protocol === 'udp6';
  return udp && (connection.remoteAddress === null || classify(connection.remoteAddress) === 'unspecified');
}

/** Held by no process we can name (TIME_WAIT, another user's, exited). */
export function isUnownedSocket(connection: Pick<Connection, 'pid'>): boolean {
  return connection.pid === null;
}

/** classifyAddress remembering its answers: a machine's sockets share a few local addresses. */
export function memoisedClassify(): Classify {
  const known = new Map<string, AddressClass>();
  return (address) => {
    let found = known.get(address);
    if (found === undefined) known.set(address, (found = classifyAddress(address)));
    return found;
  };
}
