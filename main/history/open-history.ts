/**
 * The history as the app uses it: the SQLite store is loaded lazily (its native addon is heavy and
 * may be built for another runtime), and until it is open, or when it cannot be, every query answers
 * as main/history/unavailable.ts does, with the reason. The recorder is attached only when this
 * process is the one writer.
 */
import type { Snapshot } from '../../contract/snapshot.js';
import { retentionProblem, type Retention } from '../core/history/retention.js';
import type { HistoryQueries } from '../service/api-handlers.js';
import { recordHistory } from '../monitor/history-recorder.js';
import type { Monitor } from '../monitor/monitor.js';
import { unavailableHistory } from './unavailable.js';

export interface HistoryOptions {
  dir: string;
  retention: Retention;
  redact: (snapshot: Snapshot) => Snapshot;
  monitor: Pick<Monitor, 'on' | 'snapshot'>;
}

export interface HistoryHandle {
  queries: HistoryQueries;
  /** Settles once the store is open (or known to be unavailable). */
  ready: Promise<void>;
  /** Changes retention at run time; throws a RangeError for values that cannot apply. */
  setRetention(retention: Retention): void;
  close(): void;
}

/** Delegates every query to whichever implementation is current. */
export function delegatingHistory(current: () => HistoryQueries): HistoryQueries {
  return {
    status: () => current().status(),
    events: (query) => current().events(query),
    timeline: (range) => current().timeline(range),
    endpoints: (toolId) => current().endpoints(toolId),
    points: (limit) => current().points(limit),
    snapshot: (id) => current().snapshot(id),
  };
}

export function openHistory(options: HistoryOptions): HistoryHandle {
  let queries: HistoryQueries = unavailableHistory('History is opening.');
  let retention = options.retention;
  let store: import('../adapters/history/sqlite-history.js').SqliteHistory | null = null;
  let stopRecording: (() => void) | null = null;
  let closed = false;

  const ready = import('../adapters/history/sqlite-history.js').then(
    ({ SqliteHistory }) => {
      if (closed) return;
      store = SqliteHistory.open({ dir: options.dir, retention, redact: options.redact });
      queries = store;
      if (store.recording) stopRecording = recordHistory(options.monitor, store);
    },
    (error: unknown) => {
      queries = unavailableHistory(
        `History is unavailable: the SQLite addon (better-sqlite3) could not be loaded for this runtime (${(error as Error).message.split('\n')[0]}). ` +
          'Rebuild it for this Node or Electron version (npm rebuild better-sqlite3); everything else works without it.',
      );
    },
  );

  return {
    queries: delegatingHistory(() => queries),
    ready,
    setRetention: (next) => {
      const problem = retentionProblem(next);
      if (problem) throw new RangeError(problem);
      store?.setRetention(next);
      retention = next;
    },
    close: () => {
      closed = true;
      stopRecording?.();
      store?.close();
    },
  };
}
