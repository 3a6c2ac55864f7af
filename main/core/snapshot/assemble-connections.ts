/**
 * Turns what a connection sampler saw (sockets with owners, the process list) into the contract's
 * connections and processes: each connection references its owner by pid, and each process that
 * owns a connection or belongs to a running tool is described once.
 *
 * An assembler is kept across samples. The sampler hands back the same object for a socket that
 * did not change, and the assembler then hands back the same Connection (remote looked up once),
 * so a steady machine costs a map lookup per socket and the monitor's diff sees identical objects.
 */
import type { Connection, Process } from '../../../contract/snapshot.js';
import type { SampledConnection, SampledProcess } from '../connections/types.js';
import { remoteInfo } from '../geo/enrich.js';
import type { GeoLookup } from '../geo/types.js';

export interface AssembledConnections {
  connections: Connection[];
  processes: Process[];
}

export type ConnectionAssembler = (
  sample: { connections: readonly SampledConnection[]; processes: readonly SampledProcess[] },
  running: ReadonlyMap<string, readonly number[]>,
) => AssembledConnections;

function toConnection(c: SampledConnection, toolId: string | null, geo: GeoLookup): Connection {
  const endpoints = {
    protocol: c.protocol,
    localAddress: c.localAddress,
    localPort: c.localPort,
    remoteAddress: c.remoteAddress,
    remotePort: c.remotePort,
    state: c.state,
    remote: remoteInfo(c.remoteAddress, geo),
  };
  return c.pid === null
    ? { pid: null, ownerUnknown: c.ownerUnknown ?? 'not-found', ...endpoints, toolId: null }
    : { pid: c.pid, ...endpoints, toolId };
}

export function createConnectionAssembler(geo: GeoLookup): ConnectionAssembler {
  const made = new WeakMap<SampledConnection, Connection>();
  return (sample, running) => {
    const toolByPid = new Map<number, string>();
    for (const [toolId, pids] of running) for (const pid of pids) toolByPid.set(pid, toolId);
    const toolOf = (pid: number | null) => (pid === null ? null : (toolByPid.get(pid) ?? null));

    const connections = sample.connections.map((sampled) => {
      const toolId = toolOf(sampled.pid);
      const known = made.get(sampled);
      if (known && known.toolId === toolId) return known;
      const connection = toConnection(sampled, toolId, geo);
      made.set(sampled, connection);
      return connection;
    });

    const wanted = new Set<number>(toolByPid.keys());
    for (const c of connections) if (c.pid !== null) wanted.add(c.pid);
    const processes = sample.processes
      .filter((p) => wanted.has(p.pid))
      .map(
        (p): Process => ({ pid: p.pid, ppid: p.ppid, name: p.name, command: p.command, toolId: toolOf(p.pid), startedAt: p.startedAt }),
      )
      .sort((a, b) => a.pid - b.pid);
    return { connections, processes };
  };
}
