/**
 * Turning a snapshot into the next one with a SnapshotDelta (contract/events.ts). The main process
 * computes deltas (main/monitor/changes.ts); the renderer applies them here. Types only are
 * imported, so this runs anywhere: no Node, no DOM.
 *
 * Lists are patched by identity: signals by id, processes by pid, connections by connectionKey.
 * Connections that share a key (rare: e.g. two SO_REUSEPORT listeners of one process) travel as one
 * group, so the patch stays exact. Entries keep their place; new ones go to the end.
 */
import type { SnapshotDelta } from '../contract/events.js';
import type { Connection, Snapshot } from '../contract/snapshot.js';

function endpoint(address: string | null, port: number | null): string {
  if (address === null) return '*';
  return `${address.includes(':') ? `[${address}]` : address}:${port ?? '*'}`;
}

/**
 * What stays the same while a socket lives: protocol, both ends and the owning pid. Not its state,
 * which moves (SYN_SENT, ESTABLISHED, CLOSE_WAIT ...) while it is still the same connection.
 */
export function connectionKey(c: Connection): string {
  return `${c.protocol} ${endpoint(c.localAddress, c.localPort)} ${endpoint(c.remoteAddress, c.remotePort)} ${c.pid ?? '-'}`;
}

/** Connections grouped by key, in first-seen order. */
export function connectionGroups(connections: readonly Connection[]): Map<string, Connection[]> {
  const groups = new Map<string, Connection[]>();
  for (const connection of connections) {
    const key = connectionKey(connection);
    const group = groups.get(key);
    if (group) group.push(connection);
    else groups.set(key, [connection]);
  }
  return groups;
}

function patch<T, K>(items: readonly T[], change: { upserted: readonly T[]; removed: readonly K[] }, keyOf: (item: T) => K): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  for (const key of change.removed) byKey.delete(key);
  for (const item of change.upserted) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}

/**
 * The snapshot `delta` produces from `snapshot`, which must be the one it was computed from
 * (seq === delta.baseSeq: the caller checks, and re-fetches on a gap). Host and redaction are
 * fixed for a source, so a delta never carries them.
 */
export function applyDelta(snapshot: Snapshot, delta: SnapshotDelta): Snapshot {
  const connections = connectionGroups(snapshot.connections);
  for (const key of delta.connections.removed) connections.delete(key);
  for (const [key, group] of connectionGroups(delta.connections.upserted)) connections.set(key, group);

  return {
    ...snapshot,
    takenAt: delta.takenAt,
    signals: patch(snapshot.signals, delta.signals, (s) => s.id),
    processes: patch(snapshot.processes, delta.processes, (p) => p.pid),
    connections: [...connections.values()].flat(),
    ...(delta.tools && { tools: delta.tools }),
    ...(delta.inferences && { inferences: delta.inferences }),
    ...(delta.checks && { checks: delta.checks }),
    ...(delta.exposure && { exposure: delta.exposure }),
    ...(delta.probes && { probes: delta.probes }),
    ...(delta.timings && { timings: delta.timings }),
  };
}
