/**
 * Outbound TCP connection attempts as they happen, between samples: from the Linux precise capture
 * (tracefs, every attempt however short) or from fast polling of the socket tables (only what is
 * still open when looked at). They flow to the UI inside deltas, into the history and the notifier.
 */
import { z } from 'zod';
import { CaptureReasonMessage } from './message.js';
import { RemoteInfo } from './snapshot.js';

/** Where attempts come from now: the kernel's tracepoint, or polling that can miss short ones. */
export const CaptureMode = z.enum(['precise', 'polling']);
export type CaptureMode = z.infer<typeof CaptureMode>;

/** How precise capture reads the kernel: its binary per-CPU buffers (exact, follows each connection to its close) or the text trace (fallback, no ends). */
export const CaptureReader = z.enum(['raw', 'text']);
export type CaptureReader = z.infer<typeof CaptureReader>;

export const CaptureStatus = z.object({
  mode: CaptureMode,
  /** Why precise capture is not on, and what to run to turn it on (null when precise). */
  reason: z.string().nullable(),
  /** The reason as a message, for every language (absent from older hosts: show `reason`). */
  reasonMessage: CaptureReasonMessage.optional(),
  /** How often new sockets are looked for while polling (ms); null when precise. */
  pollMs: z.number().int().positive().nullable(),
  /** Attempts dropped since start because more came between two samples than are kept (oldest first). */
  dropped: z.number().int().nonnegative().optional(),
  /** While precise: how the kernel's events are read (null: the capture helper did not say). */
  reader: CaptureReader.nullable().optional(),
});
export type CaptureStatus = z.infer<typeof CaptureStatus>;

export const AttemptOutcome = z.enum([
  /** The handshake completed. */
  'established',
  /** Refused, unreachable or timed out (SYN_SENT -> CLOSE). */
  'failed',
  /** Seen by polling while already connected; how it started is unknown. */
  'seen',
]);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const ConnectionAttempt = z.object({
  /** When the attempt started (ISO 8601). */
  at: z.string(),
  pid: z.number().int(),
  /** The process name (the kernel's comm when it had exited before it could be looked up). */
  process: z.string(),
  /** Redacted command line, null when it was never readable. */
  command: z.string().nullable(),
  toolId: z.string().nullable(),
  protocol: z.enum(['tcp', 'tcp6']),
  localAddress: z.string(),
  localPort: z.number().int(),
  remoteAddress: z.string(),
  remotePort: z.number().int(),
  remote: RemoteInfo.nullable(),
  outcome: AttemptOutcome,
  /** Milliseconds from the attempt to its outcome; null when not known. */
  durationMs: z.number().nonnegative().nullable(),
  source: z.enum(['trace', 'poll']),
  /**
   * When the connection closed (ISO 8601), for an established attempt the capture followed to its
   * end before reporting it. Absent: still open when reported (it then spans a sample, whose
   * connection-closed event tells its end), or not followed (polling, the text reader).
   */
  endedAt: z.string().optional(),
});
export type ConnectionAttempt = z.infer<typeof ConnectionAttempt>;
