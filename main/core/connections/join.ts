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

const REASONS: readonly OwnerUnknown[] = ['no-process', 'permission-denied', 'exited', 'not-found', 'not-reported'];

/** "17 socket(s) have no visible owner (7 no-process, 10 not-found)", or null when all have one. */
export function unownedNote(connections: readonly SampledConnection[]): string | null {
  const counts = new Map<OwnerUnknown, number>();
  for (const { ownerUnknown } of connections) if (ownerUnknown) counts.set(ownerUnknown, (counts.get(ownerUnknown) ?? 0) + 1);
  if (counts.size === 0) return null;
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const detail = REASONS.filter((reason) => counts.has(reason)).map((reason) => `${counts.get(reason)} ${reason}`);
  return `${total} socket(s) have no visible owner (${detail.join(', ')})`;
}
