/**
 * Feeds each sample the monitor takes into the history: the first snapshot, then every delta with
 * the snapshot it produced (the monitor's current one when the delta is emitted).
 */
import type { MonitorEvent } from '../../contract/events.js';
import type { Snapshot } from '../../contract/snapshot.js';
import type { Monitor } from './monitor.js';

export interface HistorySink {
  record(snapshot: Snapshot, events: readonly MonitorEvent[]): void;
}

/** Starts recording; returns what stops it. */
export function recordHistory(monitor: Pick<Monitor, 'on' | 'snapshot'>, sink: HistorySink): () => void {
  const offSnapshot = monitor.on('snapshot', ({ snapshot }) => {
    if (snapshot) sink.record(snapshot, []);
  });
  const offDelta = monitor.on('delta', (delta) => {
    const snapshot = monitor.snapshot;
    if (snapshot && snapshot.takenAt === delta.takenAt) sink.record(snapshot, delta.events);
  });
  return () => {
    offSnapshot();
    offDelta();
  };
}
