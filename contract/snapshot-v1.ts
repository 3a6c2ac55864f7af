/**
 * What differs in a version 1 snapshot (Telltale 0.1 exports), kept so such files can still be read:
 * they are validated with this schema and migrated to the current version in one place
 * (main/core/snapshot/migrate.ts). Everything not redefined here is as in the current contract.
 */
import { z } from 'zod';
import {
  CheckResult,
  ExposureLevel,
  Inference,
  MetaValue,
  ProbeReport,
  Redaction,
  RemoteInfo,
  SignalStatus,
  SignalValue,
  Tool,
} from './snapshot.js';

export const SignalCategoryV1 = z.enum([
  'proxy',
  'timezone',
  'locale',
  'identity',
  'registry',
  'model-endpoint',
  'tool-config',
  'system',
]);

/** Meaning was carried by the id alone ("proxy.env.HTTPS_PROXY", "tool.codex.base-url#2"). */
export const SignalV1 = z.object({
  id: z.string().min(1),
  category: SignalCategoryV1,
  value: SignalValue,
  source: z.string(),
  status: SignalStatus,
  reason: z.string().optional(),
  meta: z.record(z.string(), MetaValue).optional(),
});
export type SignalV1 = z.infer<typeof SignalV1>;

/** Every connection carried its own copy of the process name and command line. */
export const ConnectionV1 = z.object({
  pid: z.number().int().nullable(),
  process: z.string().nullable(),
  command: z.string().nullable(),
  protocol: z.enum(['tcp', 'tcp6', 'udp', 'udp6']),
  localAddress: z.string(),
  localPort: z.number().int().nullable(),
  remoteAddress: z.string().nullable(),
  remotePort: z.number().int().nullable(),
  state: z.string(),
  remote: RemoteInfo.nullable(),
  toolId: z.string().nullable(),
});
export type ConnectionV1 = z.infer<typeof ConnectionV1>;

export const SnapshotV1 = z.object({
  schemaVersion: z.literal(1),
  takenAt: z.string(),
  host: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  signals: z.array(SignalV1),
  connections: z.array(ConnectionV1),
  tools: z.array(Tool),
  inferences: z.array(Inference),
  checks: z.array(CheckResult).optional(),
  exposure: z.object({ level: ExposureLevel, summary: z.string() }).optional(),
  probes: z.array(ProbeReport).optional(),
  redaction: Redaction.optional(),
  timings: z.record(z.string(), z.number()).optional(),
});
export type SnapshotV1 = z.infer<typeof SnapshotV1>;
