/** A notification the notifier raised from the monitor's events, for a native popup or a toast. */
import { z } from 'zod';
import { NotificationRule } from './settings.js';

export const AppNotification = z.object({
  /** Unique for this run. */
  id: z.string(),
  at: z.string(),
  rule: NotificationRule,
  toolId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** Similar notifications folded into this one by the rate limit. */
  folded: z.number().int().nonnegative(),
});
export type AppNotification = z.infer<typeof AppNotification>;
