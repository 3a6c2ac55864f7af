/** A notification the notifier raised from the monitor's events, for a native popup or a toast. */
import { z } from 'zod';
import { NotificationMessage } from './message.js';
import { NotificationRule } from './settings.js';

export const AppNotification = z.object({
  /** Unique for this run. */
  id: z.string(),
  at: z.string(),
  rule: NotificationRule,
  toolId: z.string().nullable(),
  /** The English rendering of `message` (kept for clients that predate it). */
  title: z.string(),
  body: z.string(),
  /** What the title and body say, for a view to render in its language (contract/message.ts). */
  message: NotificationMessage.optional(),
  /** Similar notifications folded into this one by the rate limit. */
  folded: z.number().int().nonnegative(),
});
export type AppNotification = z.infer<typeof AppNotification>;
