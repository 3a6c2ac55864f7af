/**
 * What changed between two samples, as typed events and as the delta that patches the previous
 * snapshot into the next (applyDelta in common/snapshot-delta.ts is its inverse). Pure: snapshots
 * in, a delta out.
 */
import { isDeepStrictEqual } from 'node:util';
import type { MonitorEvent, SnapshotDelta } from '../../contract/events.js';
import type { Connection, Inference, Signal, SignalKey, Snapshot, Tool } from '../../contract/snapshot.js';
import { processIndex, withOwnerName } from '../../common/processes.js';
import { connectionGroups } from '../../common/snapshot-delta.js';

/** The snapshot a delta applies to, numbered like the deltas. */
export interface BaseSnapshot {
  seq: number;
  snapshot: Snapshot;
}

const UNSPECIFIED_ADDRESSES = new Set(['0.0.0.0', '::', '*']);
/** States a socket passes through after one side closed it. */
const CLOSING_STATES = new Set(['FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSING']);

/**
 * Whether a connection's coming and going is worth an event: it has a peer (not a listener, not
 * an unconnected UDP socket) and is not the ownerless leftover of a socket already closed (TIME_WAIT
 * and friends), which appears exactly when the owner's connection was reported closed.
 */
export function isPeerConnection(c: Connection): boolean {
  if (c.state === 'LISTEN' || c.state === 'UNCONN') return false;
  if (c.remoteAddress === null || UNSPECIFIED_ADDRESSES.has(c.remoteAddress) || !c.remotePort) return false;
  return !(c.pid === null && CLOSING_STATES.has(c.state));
}

/** The kind and key of a signal, without its value: what a signal-changed event is about. */
function signalKey(signal: Signal): SignalKey {
  return { kind: signal.kind, key: signal.key } as SignalKey;
}

/** Items of `next` that are new or differ from the item with the same key in `prev`, and keys gone. */
function keyedPatch<T, K>(prev: readonly T[], next: readonly T[], keyOf: (item: T) => K): { upserted: T[]; removed: K[] } {
  const before = new Map(prev.map((item) => [keyOf(item), item]));
  const after = new Set<K>();
  const upserted: T[] = [];
  for (const item of next) {
    const key = keyOf(item);
    after.add(key);
    const old = before.get(key);
    if (old === undefined || !isDeepStrictEqual(old, item)) upserted.push(item);
  }
  return { upserted, removed: [...before.keys()].filter((key) => !after.has(key)) };
}

function connectionChanges(prev: Snapshot, next: Snapshot, at: string) {
  const before = connectionGroups(prev.connections);
  const after = connectionGroups(next.connections);
  const namesBefore = processIndex(prev);
  const namesAfter = processIndex(next);

  const upserted: Connection[] = [];
  const opened: MonitorEvent[] = [];
  for (const [key, group] of after) {
    const old = before.get(key);
    // The same objects as last time (the usual case) need no deep comparison.
    const same = old !== undefined && old.length === group.length && old.every((c, i) => c === group[i]);
    if (same || (old && isDeepStrictEqual(old, group))) continue;
    upserted.push(...group);
    if (old) continue;
    for (const connection of group.filter(isPeerConnection)) {
      opened.push({ type: 'connection-opened', at, connection: withOwnerName(connection, namesAfter) });
    }
  }
  const removed: string[] = [];
  const closed: MonitorEvent[] = [];
  for (const [key, group] of before) {
    if (after.has(key)) continue;
    removed.push(key);
    for (const connection of group.filter(isPeerConnection)) {
      closed.push({ type: 'connection-closed', at, connection: withOwnerName(connection, namesBefore) });
    }
  }
  return { patch: { upserted, removed }, opened, closed };
}

function toolEvents(prev: Tool[], next: Tool[], at: string) {
  const wasRunning = new Set(prev.filter((t) => t.running).map((t) => t.id));
  const isRunning = new Set(next.filter((t) => t.running).map((t) => t.id));
  const started: MonitorEvent[] = next
    .filter((t) => t.running && !wasRunning.has(t.id))
    .map((t) => ({ type: 'tool-started', at, toolId: t.id, name: t.name, pids: t.pids }));
  const stopped: MonitorEvent[] = prev
    .filter((t) => t.running && !isRunning.has(t.id))
    .map((t) => ({ type: 'tool-stopped', at, toolId: t.id, name: t.name }));
  return { started, stopped };
}

/** A signal that appeared, went, or whose value or status changed (not its source or meta alone). */
function signalEvents(prev: Signal[], next: Signal[], at: string): MonitorEvent[] {
  const before = new Map(prev.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const events: MonitorEvent[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(id);
    const now = after.get(id);
    if (old && now && old.status === now.status && isDeepStrictEqual(old.value, now.value)) continue;
    const signal = (now ?? old) as Signal;
    events.push({ type: 'signal-changed', at, id, signal: signalKey(signal), before: old?.value ?? null, after: now?.value ?? null });
  }
  return events;
}

const sameEvidence = (a: Inference, b: Inference): boolean =>
  isDeepStrictEqual([...new Set(a.evidence)].sort(), [...new Set(b.evidence)].sort());

/** Inferences with the same id, in order of first appearance. */
function byId(inferences: Inference[]): Map<string, Inference[]> {
  const groups = new Map<string, Inference[]>();
  for (const inference of inferences) groups.set(inference.id, [...(groups.get(inference.id) ?? []), inference]);
  return groups;
}

/**
 * Inferences are matched by id. Where an id holds one inference on each side (location.country),
 * a new value is a change of that inference; where it holds several (affiliation.ai-lab names each
 * lab), they are matched by value too, and a lab that appears or goes is gained or lost.
 */
function inferenceEvents(prev: Inference[], next: Inference[], at: string): MonitorEvent[] {
  const before = byId(prev);
  const after = byId(next);
  const events: MonitorEvent[] = [];
  const compare = (old: Inference, now: Inference) => {
    if (old.value !== now.value || old.confidence !== now.confidence || !sameEvidence(old, now)) {
      events.push({ type: 'inference-changed', at, before: old, after: now });
    }
  };
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const olds = before.get(id) ?? [];
    const nows = after.get(id) ?? [];
    const [old, now] = [olds[0], nows[0]];
    if (olds.length === 1 && nows.length === 1 && old && now) {
      compare(old, now);
      continue;
    }
    for (const inference of olds) {
      const match = nows.find((n) => n.value === inference.value);
      if (match) compare(inference, match);
      else events.push({ type: 'inference-lost', at, inference });
    }
    for (const inference of nows) {
      if (!olds.some((o) => o.value === inference.value)) events.push({ type: 'inference-gained', at, inference });
    }
  }
  return events;
}

/** `next`'s value of a part sent whole, when it differs from `prev`'s. */
function whole<T>(prev: T | undefined, next: T | undefined): T | undefined {
  return next !== undefined && !isDeepStrictEqual(prev, next) ? next : undefined;
}

/** An empty snapshot of the same host: what a first delta is computed from. */
function nothingLike(next: Snapshot): Snapshot {
  const { schemaVersion, takenAt, host } = next;
  return { schemaVersion, takenAt, host, signals: [], processes: [], connections: [], tools: [], inferences: [] };
}

/**
 * The delta numbered `seq` from `prev` (null: from nothing, baseSeq 0) to `next`, with the events
 * it means, in reading order: tools started, connections opened and closed, tools stopped, signals,
 * inferences, exposure. A delta cannot say that checks, exposure, probes or timings went away; the
 * sampler always fills them.
 */
export function diffForDelta(prev: BaseSnapshot | null, next: Snapshot, seq: number): SnapshotDelta {
  const base = prev?.snapshot ?? nothingLike(next);
  const at = next.takenAt;
  const connections = connectionChanges(base, next, at);
  const tools = toolEvents(base.tools, next.tools, at);
  const exposureChanged: MonitorEvent[] =
    next.exposure && next.exposure.level !== base.exposure?.level
      ? [{ type: 'exposure-changed', at, before: base.exposure?.level ?? null, after: next.exposure.level }]
      : [];
  const changedTools = whole(base.tools, next.tools);
  const changedInferences = whole(base.inferences, next.inferences);
  const changedChecks = whole(base.checks, next.checks);
  const changedExposure = whole(base.exposure, next.exposure);
  const changedProbes = whole(base.probes, next.probes);
  const changedTimings = whole(base.timings, next.timings);

  return {
    seq,
    baseSeq: prev?.seq ?? 0,
    takenAt: next.takenAt,
    connections: connections.patch,
    processes: keyedPatch(base.processes, next.processes, (p) => p.pid),
    signals: keyedPatch(base.signals, next.signals, (s) => s.id),
    // Unchanged parts are left out rather than sent as undefined.
    ...(changedTools && { tools: changedTools }),
    ...(changedInferences && { inferences: changedInferences }),
    ...(changedChecks && { checks: changedChecks }),
    ...(changedExposure && { exposure: changedExposure }),
    ...(changedProbes && { probes: changedProbes }),
    ...(changedTimings && { timings: changedTimings }),
    events: [
      ...tools.started,
      ...connections.opened,
      ...connections.closed,
      ...tools.stopped,
      ...signalEvents(base.signals, next.signals, at),
      ...inferenceEvents(base.inferences, next.inferences, at),
      ...exposureChanged,
    ],
  };
}
