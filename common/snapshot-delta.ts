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
  let key = keys.get(c);
  if (key === undefined) {
    key = `${c.protocol} ${endpoint(c.localAddress, c.localPort)} ${endpoint(c.remoteAddress, c.remotePort)} ${c.pid ?? '-'}`;
    keys.set(c, key);
  }
  return key;
}

// The sampler hands back the same object for a socket that did not change, and a snapshot's list
// becomes the next tick's previous one: both are computed once per object, not on every tick.
const keys = new WeakMap<Connection, string>();
const grouped = new WeakMap<readonly Connection[], Map<string, Connection[]>>();

/** Connections grouped by key, in first-seen order. Treat the result as read-only: it is shared. */
export function connectionGroups(connections: readonly Connection[]): Map<string, Connection[]> {
  const known = grouped.get(connections);
  if (known) return known;
  const groups = new Map<string, Connection[]>();
  for (const connection of connections) {
    const key = connectionKey(connection);
    const group = groups.get(key);
    if (group) group.push(connection);
    else groups.set(key, [connection]);
  }
  grouped.set(connections, groups);
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
  const connections = new Map(connectionGroups(snapshot.connections)); // a copy: the groups are shared
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
