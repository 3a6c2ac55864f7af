import type { ProcessInfo } from '../process.js';
import type { RawConnection, SocketRow } from './types.js';

type Row = Omit<SocketRow, 'inode'>;

/** A RawConnection before enrichment (remote and toolId are filled in later). */
export function toConnection(row: Row, pid: number | null, process: ProcessInfo | null, processName: string | null = null): RawConnection {
  return {
    pid,
    process: process?.name ?? processName,
    command: process?.command || null,
    protocol: row.protocol,
    localAddress: row.localAddress,
    localPort: row.localPort,
    remoteAddress: row.remoteAddress,
    remotePort: row.remotePort,
    state: row.state,
    remote: null,
    toolId: null,
  };
}

/**
 * Ties sockets to processes through socket inodes. A socket shared by several processes (e.g.
 * inherited by a child) yields one connection per process; a socket no visible process holds
 * (TIME_WAIT, another user's) is kept with pid null rather than dropped.
 */
export function joinSockets(
  sockets: readonly SocketRow[],
  owners: ReadonlyMap<number, readonly number[]>,
  processes: ReadonlyMap<number, ProcessInfo>,
): RawConnection[] {
  const connections: RawConnection[] = [];
  for (const { inode, ...row } of sockets) {
    const pids = inode === 0 ? undefined : owners.get(inode);
    if (!pids || pids.length === 0) {
      connections.push(toConnection(row, null, null));
      continue;
    }
    for (const pid of pids) connections.push(toConnection(row, pid, processes.get(pid) ?? null));
  }
  return connections;
}

/** Fills process name and command from the process list where a connection has a pid. */
export function attachProcesses(connections: readonly RawConnection[], processes: readonly ProcessInfo[]): RawConnection[] {
  const byPid = new Map(processes.map((process) => [process.pid, process]));
  return connections.map((connection) => {
    const process = connection.pid === null ? undefined : byPid.get(connection.pid);
    if (!process) return connection;
    return { ...connection, process: process.name || connection.process, command: process.command || connection.command };
  });
}
