/** Connection attempts from deltas, kept apart from the other events so a burst cannot push those out. */
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { MonitorEvent } from '../../../contract/events.js';

/** How many recent attempts the UI keeps. */
export const RECENT_ATTEMPTS = 100;

/** `recent` (oldest first) with the attempts among `events` appended; the same array when there are none. */
export function appendAttempts(recent: ConnectionAttempt[], events: readonly MonitorEvent[]): ConnectionAttempt[] {
  const attempts = events.flatMap((event) => (event.type === 'connection-attempt' ? [event.attempt] : []));
  if (attempts.length === 0) return recent;
  return [...recent, ...attempts].slice(-RECENT_ATTEMPTS);
}
