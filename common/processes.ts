/** Looking up a connection's owner in a snapshot: connections carry a pid, processes[] the rest. */
import type { Connection, Process, Snapshot } from '../contract/snapshot.js';

export type ProcessIndex = ReadonlyMap<number, Process>;

export function processIndex(snapshot: Pick<Snapshot, 'processes'>): ProcessIndex {
  return new Map(snapshot.processes.map((p) => [p.pid, p]));
}

/** The owner's name, or null when the connection has no pid or its process is not listed. */
export function ownerName(connection: Pick<Connection, 'pid'>, processes: ProcessIndex): string | null {
  return connection.pid === null ? null : (processes.get(connection.pid)?.name ?? null);
}

/** A connection with its owner's name, as diffs and events show it. */
export function withOwnerName<C extends Pick<Connection, 'pid'>>(connection: C, processes: ProcessIndex): C & { process: string | null } {
  return { ...connection, process: ownerName(connection, processes) };
}
