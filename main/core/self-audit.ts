/**
 * The self-audit: which sockets Telltale's own processes hold in a snapshot, and whether every one
 * stays on loopback. "Own" is the host process and its descendants by ppid (Electron's renderer,
 * GPU and network processes are children of its main process).
 */
import type { OwnSocket, SelfAudit } from '../../contract/self-audit.js';
import type { Snapshot } from '../../contract/snapshot.js';
import { isLoopbackSocket } from '../../common/socket-kinds.js';

function ownPids(snapshot: Snapshot, rootPid: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const process of snapshot.processes) {
    if (process.ppid === null) continue;
    children.set(process.ppid, [...(children.get(process.ppid) ?? []), process.pid]);
  }
  const own = new Set<number>([rootPid]);
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    for (const child of children.get(pid) ?? []) {
      if (own.has(child)) continue;
      own.add(child);
      pending.push(child);
    }
  }
  return own;
}

export function auditOwnSockets(snapshot: Snapshot | null, rootPid: number): SelfAudit {
  if (!snapshot) return { takenAt: null, pids: [], sockets: [], verdict: 'no-sample' };
  const own = ownPids(snapshot, rootPid);
  const names = new Map(snapshot.processes.map((process) => [process.pid, process.name]));
  const sockets = snapshot.connections.flatMap((connection): OwnSocket[] => {
    const { pid } = connection;
    if (pid === null || !own.has(pid)) return [];
    const { protocol, localAddress, localPort, remoteAddress, remotePort, state } = connection;
    const process = names.get(pid) ?? '';
    return [{ pid, process, protocol, localAddress, localPort, remoteAddress, remotePort, state, loopback: isLoopbackSocket(connection) }];
  });
  const pids = [...own].filter((pid) => names.has(pid)).sort((a, b) => a - b);
  const verdict = pids.length === 0 ? 'no-sample' : sockets.every((socket) => socket.loopback) ? 'loopback-only' : 'not-loopback';
  return { takenAt: snapshot.takenAt, pids, sockets, verdict };
}
