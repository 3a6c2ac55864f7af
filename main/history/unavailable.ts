/**
 * The history when it cannot be kept (history turned off, or the SQLite addon could not be loaded
 * for this runtime): every query answers empty and the status says why, so the app goes on.
 */
import { HISTORY_RANGE_MS, type HistoryRange, type Timeline } from '../../contract/history.js';
import type { HistoryQueries } from '../service/api-handlers.js';

function emptyTimeline(range: HistoryRange, now: number): Timeline {
  const span = HISTORY_RANGE_MS[range];
  return { range, from: new Date(now - span).toISOString(), to: new Date(now).toISOString(), bucketMs: span, buckets: [], exposure: [], activity: [] };
}

export function unavailableHistory(message: string, now: () => number = Date.now): HistoryQueries {
  return {
    status: () => ({ available: false, message, path: null, sizeBytes: null, oldestAt: null }),
    events: () => ({ events: [], truncated: false }),
    timeline: (range) => emptyTimeline(range, now()),
    endpoints: () => [],
    points: () => [],
    snapshot: () => null,
  };
}
