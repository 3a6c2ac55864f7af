/**
 * What differs in a version 1 snapshot (Telltale 0.1 exports), kept so such files can still be read:
 * they are validated with this schema and migrated to the current version in one place
 * (main/core/snapshot/migrate.ts). Everything not redefined here is as in the current contract.
 */
import { z } from 'zod';
import { Connection, MetaValue, SignalStatus, SignalValue, Snapshot } from './snapshot.js';

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
export const ConnectionV1 = Connection.omit({ ownerUnknown: true }).extend({
  process: z.string().nullable(),
  command: z.string().nullable(),
});
export type ConnectionV1 = z.infer<typeof ConnectionV1>;

export const SnapshotV1 = Snapshot.omit({ processes: true }).extend({
  schemaVersion: z.literal(1),
  signals: z.array(SignalV1),
  connections: z.array(ConnectionV1),
});
export type SnapshotV1 = z.infer<typeof SnapshotV1>;
