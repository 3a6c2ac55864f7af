/**
 * What one sample adds to the history, decided without I/O: its events, the remote endpoints each
 * tool (or process) was seen with, the tool's activity that minute, the exposure level, whether the
 * snapshot is kept as a point to compare with, and the inference changes.
 */
import type { MonitorEvent } from '../../../contract/events.js';
import type { Connection, Inference, RemoteInfo, Snapshot } from '../../../contract/snapshot.js';
import { classifyAddress } from '../../../common/address-class.js';
import { encodeEvent, type StoredEvent } from './event-codec.js';
import { levelRank } from './levels.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Who talked: a tool, or for a process no tool owns, the process by name. */
export interface Owner {
  toolId: string | null;
  process: string;
}

export interface EndpointSighting extends Owner {
  address: string;
  port: number;
  host: string | null;
  country: string | null;
  org: string | null;
  /** 1 for each sample or attempt it was seen in. */
  count: number;
  failed: number;
}

export interface ActivityRow extends Owner {
  /** The tool's name, or the process name. */
  name: string;
  /** Remote connections open in this sample (a minute keeps its peak). */
  connections: number;
  /** Attempts seen since the previous sample (a minute keeps their sum). */
  attempts: number;
}

export type InferenceChange = 'present' | 'gained' | 'lost' | 'changed';

export interface InferenceRow {
  atMs: number;
  change: InferenceChange;
  inference: Inference;
}

export interface SampleRecord {
  atMs: number;
  /** The minute (ms since the epoch, floored) the activity and exposure rows are for. */
  minuteMs: number;
  /** The hour the hourly activity rows are for. */
  hourMs: number;
  /** The exposure level's rank, null when the snapshot has none. */
  level: number | null;
  events: StoredEvent[];
  sightings: EndpointSighting[];
  activity: ActivityRow[];
  /** Keep this snapshot as a history point: the level or the set of inferences changed. */
  keepPoint: boolean;
  /** What identifies this sample's exposure and inferences, to compare the next sample with. */
  pointKey: string;
  inferences: InferenceRow[];
}

/**
 * An endpoint the history keeps: an address and port that is not a listener; for a tool, loopback
 * too (a local proxy or model server is where its requests go); for any other process only what is
 * not this machine's loopback (the browser talking to Telltale, local databases: noise).
 */
export function isRecordedEndpoint(address: string | null, port: number | null, state: string, toolId: string | null): address is string {
  if (!address || !port || state === 'LISTEN') return false;
  const kind = classifyAddress(address);
  return kind !== 'unspecified' && kind !== 'invalid' && (kind !== 'loopback' || toolId !== null);
}

function sighting(owner: Owner, address: string, port: number, remote: RemoteInfo | null, failed: boolean): EndpointSighting {
  return {
    toolId: owner.toolId,
    process: owner.process,
    address,
    port,
    host: remote?.host ?? null,
    country: remote?.country ?? null,
    org: remote?.org ?? null,
    count: 1,
    failed: failed ? 1 : 0,
  };
}

/** One owner: a tool's rows whatever its processes are called, otherwise the process name. */
const ownerKey = (o: Owner): string => (o.toolId ? `t\u0000${o.toolId}` : `p\u0000${o.process}`);

/** The exposure level and the inferences (id and value), which decide when a point is kept. */
export function pointKeyOf(snapshot: Snapshot): string {
  const inferences = snapshot.inferences.map((i) => `${i.id}=${String(i.value)}`).sort();
  return JSON.stringify([snapshot.exposure?.level ?? null, inferences]);
}

function inferenceRows(atMs: number, events: readonly MonitorEvent[], snapshot: Snapshot, first: boolean): InferenceRow[] {
  if (first) return snapshot.inferences.map((inference) => ({ atMs, change: 'present', inference }));
  return events.flatMap((e): InferenceRow[] => {
    if (e.type === 'inference-gained') return [{ atMs, change: 'gained', inference: e.inference }];
    if (e.type === 'inference-lost') return [{ atMs, change: 'lost', inference: e.inference }];
    if (e.type === 'inference-changed') return [{ atMs, change: 'changed', inference: e.after }];
    return [];
  });
}

/**
 * The record of one sample. `previousPointKey` is the key of the last sample recorded (null at the
 * first one, which is then kept as a point and its inferences listed as present).
 */
export function recordSample(snapshot: Snapshot, events: readonly MonitorEvent[], previousPointKey: string | null): SampleRecord {
  const atMs = Date.parse(snapshot.takenAt);
  const names = new Map(snapshot.processes.map((p) => [p.pid, p.name]));
  const toolNames = new Map(snapshot.tools.map((t) => [t.id, t.name]));
  const ownerOf = (pid: number | null, toolId: string | null, name: string | null): Owner => ({
    toolId,
    process: name ?? (pid !== null ? names.get(pid) : undefined) ?? 'unknown',
  });

  const sightings = new Map<string, EndpointSighting>();
  const activity = new Map<string, ActivityRow>();
  const activityOf = (owner: Owner): ActivityRow => {
    const key = ownerKey(owner);
    let row = activity.get(key);
    const name = owner.toolId ? (toolNames.get(owner.toolId) ?? owner.toolId) : owner.process;
    if (!row) activity.set(key, (row = { toolId: owner.toolId, process: owner.process, name, connections: 0, attempts: 0 }));
    return row;
  };
  const recorded = snapshot.connections.filter(
    (c): c is Connection & { remoteAddress: string; remotePort: number } => isRecordedEndpoint(c.remoteAddress, c.remotePort, c.state, c.toolId),
  );
  for (const c of recorded) {
    const owner = ownerOf(c.pid, c.toolId, null);
    activityOf(owner).connections += 1;
    // Seen in this sample: once, however many sockets go to the same endpoint.
    const key = `${ownerKey(owner)}\u0000${c.remoteAddress}\u0000${c.remotePort}`;
    if (!sightings.has(key)) sightings.set(key, sighting(owner, c.remoteAddress, c.remotePort, c.remote, false));
  }
  const attemptSightings: EndpointSighting[] = [];
  for (const e of events) {
    if (e.type !== 'connection-attempt') continue;
    const a = e.attempt;
    if (!isRecordedEndpoint(a.remoteAddress, a.remotePort, 'SYN_SENT', a.toolId)) continue;
    const owner = ownerOf(a.pid, a.toolId, a.process);
    activityOf(owner).attempts += 1;
    attemptSightings.push(sighting(owner, a.remoteAddress, a.remotePort, a.remote, a.outcome === 'failed'));
  }

  const pointKey = pointKeyOf(snapshot);
  return {
    atMs,
    minuteMs: Math.floor(atMs / MINUTE_MS) * MINUTE_MS,
    hourMs: Math.floor(atMs / HOUR_MS) * HOUR_MS,
    level: snapshot.exposure ? levelRank(snapshot.exposure.level) : null,
    events: events.map(encodeEvent),
    sightings: [...sightings.values(), ...attemptSightings],
    activity: [...activity.values()],
    keepPoint: pointKey !== previousPointKey,
    pointKey,
    inferences: inferenceRows(atMs, events, snapshot, previousPointKey === null),
  };
}
