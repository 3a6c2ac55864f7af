/**
 * Turns what a connection source saw (sockets with owners, the process list) into the contract's
 * connections and processes: each connection references its owner by pid, and each process that
 * owns a connection or belongs to a running tool is described once.
 */
import type { Connection, OwnerUnknown, Process } from '../../../contract/snapshot.js';
import type { RawConnection } from '../connections/types.js';
import type { ProcessInfo } from '../process.js';

export interface AssembledConnections {
  connections: Connection[];
  processes: Process[];
}

export function assembleConnections(
  raw: readonly RawConnection[],
  processes: readonly ProcessInfo[],
  running: ReadonlyMap<string, readonly number[]>,
  ownerUnknown: (connection: RawConnection) => OwnerUnknown = () => 'not-found',
): AssembledConnections {
  const toolByPid = new Map<number, string>();
  for (const [toolId, pids] of running) for (const pid of pids) toolByPid.set(pid, toolId);
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const listed = new Map<number, Process>();
  const describe = (pid: number, fallbackName: string | null): void => {
    if (listed.has(pid)) return;
    const info = byPid.get(pid);
    listed.set(pid, {
      pid,
      ppid: info?.ppid ?? null,
      name: info?.name || fallbackName || '',
      command: info?.command ?? '',
      toolId: toolByPid.get(pid) ?? null,
      startedAt: info?.startedAt ?? null,
    });
  };

  const connections = raw.map((c): Connection => {
    const { process: name, command: _command, ...rest } = c;
    if (c.pid === null) return { ...rest, ownerUnknown: ownerUnknown(c), toolId: null };
    describe(c.pid, name);
    return { ...rest, toolId: toolByPid.get(c.pid) ?? null };
  });
  for (const pid of toolByPid.keys()) describe(pid, null);
  return { connections, processes: [...listed.values()].sort((a, b) => a.pid - b.pid) };
}
