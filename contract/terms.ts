/**
 * Small enums the snapshot and the messages (contract/message.ts) both use. They live apart so
 * message.ts need not import snapshot.ts, which imports it.
 */
import { z } from 'zod';

export const Confidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

/** `offset`: a date or time in local time, overt, telling the UTC offset (shared by many zones). */
export const ChangeKind = z.enum(['confusable', 'invisible', 'format', 'whitespace', 'offset', 'localised', 'text']);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** What `telltale probe` varies, one at a time. system-timezone: /etc/localtime and /etc/timezone, with TZ=UTC. */
export const ProbeFactorName = z.enum(['timezone', 'system-timezone', 'locale', 'proxy', 'base-url']);
export type ProbeFactorName = z.infer<typeof ProbeFactorName>;

/** How much the tools here can learn, from nothing inferred to the most exposed. */
export const ExposureLevel = z.enum(['none', 'low', 'elevated', 'high']);
export type ExposureLevel = z.infer<typeof ExposureLevel>;
