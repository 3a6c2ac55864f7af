/** How a notification reads where only text fits: a native popup, a terminal line, a toast. */
import type { AppNotification } from '../contract/notification.js';

/** The body, saying how many similar ones were folded into this one. */
export function notificationBody(n: Pick<AppNotification, 'body' | 'folded'>): string {
  if (n.folded === 0) return n.body;
  return `${n.body} (and ${n.folded} more like it)`;
}

/** One line: "! [time] title: body". */
export function notificationLine(n: AppNotification): string {
  return `! [${n.at}] ${n.title}: ${notificationBody(n)}`;
}
