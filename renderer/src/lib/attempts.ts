/** Connection attempts from deltas, kept apart from the other events so a burst cannot push those out. */
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { MonitorEvent } from '../../../contract/events.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { formatNumber } from './count.js';

/** How many recent attempts the UI keeps. */
export const RECENT_ATTEMPTS = 100;

/** `recent` (oldest first) with the attempts among `events` appended; the same array when there are none. */
export function appendAttempts(recent: ConnectionAttempt[], events: readonly MonitorEvent[]): ConnectionAttempt[] {
  const attempts = events.flatMap((event) => (event.type === 'connection-attempt' ? [event.attempt] : []));
  if (attempts.length === 0) return recent;
  return [...recent, ...attempts].slice(-RECENT_ATTEMPTS);
}

/** How long an established connection stayed open (ms), where the capture followed it to its close; null otherwise. */
export function openForMs(attempt: Pick<ConnectionAttempt, 'at' | 'endedAt'>): number | null {
  if (!attempt.endedAt) return null;
  const ms = Date.parse(attempt.endedAt) - Date.parse(attempt.at);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** "340 ms", "2.5 s" ("340 毫秒"). */
export function durationText(ms: number, language: Language): string {
  const t = translator(language);
  return ms < 10_000 ? t('duration.ms', { count: formatNumber(Math.round(ms), language) }) : t('duration.s', { count: formatNumber(ms / 1000, language, 1) });
}

/** "closed after 340 ms", "closed after 2.5 s", or null when the end is not known. */
export function closedAfterText(attempt: Pick<ConnectionAttempt, 'at' | 'endedAt'>, language: Language): string | null {
  const ms = openForMs(attempt);
  if (ms === null) return null;
  return translator(language)('attempts.closed-after', { duration: durationText(ms, language) });
}
