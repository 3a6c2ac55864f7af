import type { OwnerUnknown, SampledConnection, SocketEndpoints, SocketRow } from './types.js';

/** A connection owned by a pid, or by no visible process and the reason why. */
export function connectionOf(socket: SocketEndpoints, owner: number | OwnerUnknown): SampledConnection {
  const { protocol, localAddress, localPort, remoteAddress, remotePort, state } = socket;
  const endpoints = { protocol, localAddress, localPort, remoteAddress, remotePort, state };
  return typeof owner === 'number' ? { pid: owner, ...endpoints } : { pid: null, ownerUnknown: owner, ...endpoints };
}

/**
 * Ties socket table rows to processes through socket inodes. A socket shared by several processes
 * (e.g. inherited by a child) yields one connection per process; a socket no visible process holds
 * is kept with pid null and the reason: 'no-process' for inode 0 (TIME_WAIT, closing), else
 * `unknown(inode)`.
 */
export function joinSockets(
  rows: readonly SocketRow[],
  ownersOf: (inode: number) => readonly number[] | undefined,
  unknown: (inode: number) => OwnerUnknown,
): SampledConnection[] {
  const connections: SampledConnection[] = [];
  for (const row of rows) {
    const pids = row.inode === 0 ? undefined : ownersOf(row.inode);
    if (!pids || pids.length === 0) connections.push(connectionOf(row, row.inode === 0 ? 'no-process' : unknown(row.inode)));
    else for (const pid of pids) connections.push(connectionOf(row, pid));
  }
  return connections;
}
