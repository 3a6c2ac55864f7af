/**
 * Telltale's promise that it talks to nothing but this machine, checked against its own sample:
 * the sockets of Telltale's own processes (the host process and its children) in the last snapshot.
 */
import { z } from 'zod';
import { Protocol } from './snapshot.js';

export const OwnSocket = z.object({
  pid: z.number().int(),
  /** The process's executable name, e.g. "node", "electron". */
  process: z.string(),
  protocol: Protocol,
  localAddress: z.string(),
  localPort: z.number().int().nullable(),
  remoteAddress: z.string().nullable(),
  remotePort: z.number().int().nullable(),
  state: z.string(),
  /** True when both ends are loopback addresses (a listening socket: its local address is). */
  loopback: z.boolean(),
});
export type OwnSocket = z.infer<typeof OwnSocket>;

export const SelfAuditVerdict = z.enum([
  /** Every own socket is loopback. */
  'loopback-only',
  /** At least one own socket is bound to or talks to a non-loopback address. */
  'not-loopback',
  /** No sample yet, or Telltale's own process is not in it (its connections could not be read). */
  'no-sample',
]);
export type SelfAuditVerdict = z.infer<typeof SelfAuditVerdict>;

export const SelfAudit = z.object({
  /** When the sample read was taken; null before the first one. */
  takenAt: z.string().nullable(),
  /** Telltale's own processes found in that sample. */
  pids: z.array(z.number().int()),
  sockets: z.array(OwnSocket),
  verdict: SelfAuditVerdict,
});
export type SelfAudit = z.infer<typeof SelfAudit>;
