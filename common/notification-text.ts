/** How a notification reads in a language: a native popup, a terminal line, a toast. */
import type { AppNotification } from '../contract/notification.js';
import type { Language } from './i18n/languages.js';
import { renderNotification, type NotificationText } from './i18n/render-notify.js';
import { translator } from './i18n/translate.js';

/** Title and body from the message in the language; the English text of a notification without one. */
export function notificationText(n: Pick<AppNotification, 'title' | 'body' | 'message'>, language: Language): NotificationText {
  return n.message ? renderNotification(n.message, language) : { title: n.title, body: n.body };
}

/** The body, saying how many similar ones were folded into this one. */
export function notificationBody(n: Pick<AppNotification, 'body' | 'message' | 'folded'>, language: Language): string {
  const body = n.message ? renderNotification(n.message, language).body : n.body;
  if (n.folded === 0) return body;
  return translator(language)('notification.folded', { body, count: new Intl.NumberFormat(language).format(n.folded) });
}

/** One line: "! [time] title: body". */
export function notificationLine(n: AppNotification, language: Language): string {
  return `! [${n.at}] ${notificationText(n, language).title}: ${notificationBody(n, language)}`;
}
