import type { OwnerUnknown, SampledConnection, SocketEndpoints, SocketRow } from './types.js';

/** A connection owned by a pid, or by no visible process and the reason why. */
export function connectionOf(socket: SocketEndpoints, owner: number | OwnerUnknown): SampledConnection {
  const { protocol, localAddress, localPort, remoteAddress, remotePort, state } = socket;
  // Literals rather than spreads: this runs for every socket of every sample.
  return typeof owner === 'number'
    ? { pid: owner, protocol, localAddress, localPort, remoteAddress, remotePort, state }
    : { pid: null, ownerUnknown: owner, protocol, localAddress, localPort, remoteAddress, remotePort, state };
}

/** The connections made from a row last time, and from which owners. */
interface Joined {
  owners: readonly number[] | OwnerUnknown;
  connections: readonly SampledConnection[];
}

/**
 * Connections of the previous join, by row: a row that is the same object (unchanged, see
 * ProcNetCache) with the same owners yields the same connection objects instead of new ones —
 * at 10k sockets, allocating them every sample costs more than the rest of the join.
 */
export type JoinCache = WeakMap<SocketRow, Joined>;

/**
 * Ties socket table rows to processes through socket inodes. A socket shared by several processes
 * (e.g. inherited by a child) yields one connection per process; a socket no visible process holds
 * is kept with pid null and the reason: 'no-process' for inode 0 (TIME_WAIT, closing), else
 * `unknown(inode)`. `ownersOf` must return the same array while a socket's owners do not change.
 * With a cache, connections may be objects returned before: they are not to be modified.
 */
export function joinSockets(
  rows: readonly SocketRow[],
  ownersOf: (inode: number) => readonly number[] | undefined,
  unknown: (inode: number) => OwnerUnknown,
  cache: JoinCache = new WeakMap(),
): SampledConnection[] {
  const connections: SampledConnection[] = [];
  for (const row of rows) {
    const pids = row.inode === 0 ? undefined : ownersOf(row.inode);
    const owners = pids && pids.length > 0 ? pids : row.inode === 0 ? 'no-process' : unknown(row.inode);
    let joined = cache.get(row);
    if (joined?.owners !== owners) {
      joined = { owners, connections: typeof owners === 'string' ? [connectionOf(row, owners)] : owners.map((pid) => connectionOf(row, pid)) };
      cache.set(row, joined);
    }
    for (const connection of joined.connections) connections.push(connection);
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
