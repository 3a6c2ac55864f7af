/**
 * What the monitor says between two samples: typed change events, and the delta that turns the
 * previous snapshot into the new one. The UI gets one snapshot, then deltas numbered by `seq`;
 * a client that sees a gap (delta.baseSeq is not the seq it holds) re-fetches the snapshot.
 */
import { z } from 'zod';
import {
  CheckResult,
  Connection,
  ExposureLevel,
  Inference,
  NamedConnection,
  Process,
  ProbeReport,
  Signal,
  SignalValue,
  Tool,
} from './snapshot.js';
import { ExposureMessage } from './message.js';
import { SignalKey } from './signal-key.js';
import { ConnectionAttempt } from './attempts.js';

const At = z.object({ at: z.string() });

export const MonitorEvent = z.discriminatedUnion('type', [
  /** connection: pid, tool, remote (country, org, host) as sampled. */
  At.extend({ type: z.literal('connection-opened'), connection: NamedConnection }),
  At.extend({ type: z.literal('connection-closed'), connection: NamedConnection }),
  /** An outbound TCP attempt seen between samples (precise capture or fast polling), with its outcome. */
  At.extend({ type: z.literal('connection-attempt'), attempt: ConnectionAttempt }),
  At.extend({ type: z.literal('tool-started'), toolId: z.string(), name: z.string(), pids: z.array(z.number().int()) }),
  At.extend({ type: z.literal('tool-stopped'), toolId: z.string(), name: z.string() }),
  At.extend({
    type: z.literal('signal-changed'),
    id: z.string(),
    signal: SignalKey,
    before: SignalValue.nullable(),
    after: SignalValue.nullable(),
  }),
  At.extend({ type: z.literal('inference-gained'), inference: Inference }),
  At.extend({ type: z.literal('inference-lost'), inference: Inference }),
  At.extend({ type: z.literal('inference-changed'), before: Inference, after: Inference }),
  At.extend({ type: z.literal('exposure-changed'), before: ExposureLevel.nullable(), after: ExposureLevel }),
]);
export type MonitorEvent = z.infer<typeof MonitorEvent>;
export const MonitorEventType = z.enum(MonitorEvent.options.map((o) => o.shape.type.value) as [MonitorEvent['type'], ...MonitorEvent['type'][]]);
export type MonitorEventType = MonitorEvent['type'];

/** The identity of a connection across samples (its state may change; its ends and owner do not). */
export const ConnectionKey = z.string();

export const SnapshotDelta = z.object({
  /** This delta's number; the snapshot it produces has this seq. */
  seq: z.number().int().nonnegative(),
  /** The seq of the snapshot it applies to. */
  baseSeq: z.number().int().nonnegative(),
  takenAt: z.string(),
  connections: z.object({ upserted: z.array(Connection), removed: z.array(ConnectionKey) }),
  processes: z.object({ upserted: z.array(Process), removed: z.array(z.number().int()) }),
  signals: z.object({ upserted: z.array(Signal), removed: z.array(z.string()) }),
  /** Small parts are sent whole when they changed, left out when not. */
  tools: z.array(Tool).optional(),
  inferences: z.array(Inference).optional(),
  checks: z.array(CheckResult).optional(),
  exposure: z.object({ level: ExposureLevel, summary: z.string(), message: ExposureMessage.optional() }).optional(),
  probes: z.array(ProbeReport).optional(),
  timings: z.record(z.string(), z.number()).optional(),
  events: z.array(MonitorEvent),
});
export type SnapshotDelta = z.infer<typeof SnapshotDelta>;
