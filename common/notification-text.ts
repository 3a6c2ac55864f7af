/** How a notification reads where only text fits: a native popup, a terminal line, a toast. */
import type { AppNotification } from '../contract/notification.js';
import type { Language } from './i18n/languages.js';
import { translator } from './i18n/translate.js';

/** The body, saying how many similar ones were folded into this one. */
export function notificationBody(n: Pick<AppNotification, 'body' | 'folded'>, language: Language): string {
  if (n.folded === 0) return n.body;
  return translator(language)('notification.folded', { body: n.body, count: String(n.folded) });
}

/** One line: "! [time] title: body". */
export function notificationLine(n: AppNotification, language: Language): string {
  return `! [${n.at}] ${n.title}: ${notificationBody(n, language)}`;
}
