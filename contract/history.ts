/**
 * What the history store answers: past events, the endpoints each tool was seen talking to, the
 * exposure level and per-tool activity over time, and the redacted snapshots kept whenever the
 * exposure or the set of inferences changed (points a user can compare "now" with).
 */
import { z } from 'zod';
import { MonitorEvent, MonitorEventType } from './events.js';
import { ExposureMessage } from './message.js';
import { ExposureLevel } from './snapshot.js';

export const HistoryRange = z.enum(['1h', '24h', '7d']);
export type HistoryRange = z.infer<typeof HistoryRange>;

export const HISTORY_RANGE_MS: Record<HistoryRange, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};

/** Whether the store is working, and if not, why (the app goes on without it). */
export const HistoryStatus = z.object({
  available: z.boolean(),
  /** Why not, or what was repaired at start (a corrupt file moved aside); null when all is well. */
  message: z.string().nullable(),
  path: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  oldestAt: z.string().nullable(),
});
export type HistoryStatus = z.infer<typeof HistoryStatus>;

export const HistoryEventQuery = z
  .object({
    /** ISO 8601 instant; default: a day ago. */
    since: z.string().datetime({ offset: true }).optional(),
    until: z.string().datetime({ offset: true }).optional(),
    toolId: z.string().max(200).optional(),
    types: z.array(MonitorEventType).max(32).optional(),
    /** Newest first; at most this many. */
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();
export type HistoryEventQuery = z.input<typeof HistoryEventQuery>;

export const HistoryEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  toolId: z.string().nullable(),
  event: MonitorEvent,
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const HistoryEventPage = z.object({
  events: z.array(HistoryEvent),
  /** More matched than `limit`. */
  truncated: z.boolean(),
});
export type HistoryEventPage = z.infer<typeof HistoryEventPage>;

/** One tool (or, for processes no tool owns, one process name) x one remote endpoint. */
export const EndpointRecord = z.object({
  toolId: z.string().nullable(),
  process: z.string(),
  address: z.string(),
  host: z.string().nullable(),
  port: z.number().int(),
  country: z.string().nullable(),
  org: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Samples or attempts in which it was seen. */
  count: z.number().int().nonnegative(),
  /** Attempts (precise capture) that failed: refused, unreachable, timed out. */
  failed: z.number().int().nonnegative(),
});
export type EndpointRecord = z.infer<typeof EndpointRecord>;

export const Timeline = z.object({
  range: HistoryRange,
  from: z.string(),
  to: z.string(),
  bucketMs: z.number().int().positive(),
  /** Bucket start times in ms since the epoch; every series below has one value per bucket. */
  buckets: z.array(z.number()),
  /** The highest exposure level in each bucket, null where nothing was sampled. */
  exposure: z.array(ExposureLevel.nullable()),
  /** Per tool (or process name): connections seen or attempted per bucket. */
  activity: z.array(
    z.object({ toolId: z.string().nullable(), name: z.string(), counts: z.array(z.number().int().nonnegative()) }),
  ),
});
export type Timeline = z.infer<typeof Timeline>;

/** A redacted snapshot kept in the history, which "now" can be compared with. */
export const HistoryPoint = z.object({
  id: z.number().int(),
  at: z.string(),
  level: ExposureLevel.nullable(),
  /** The exposure verdict in English, as stored. */
  summary: z.string(),
  /**
   * What `summary` says, as a message (contract/message.ts). Absent for a point stored before
   * points kept it whose snapshot cannot tell it either: `summary` is then English text only.
   */
  summaryMessage: ExposureMessage.optional(),
  inferences: z.number().int().nonnegative(),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;
