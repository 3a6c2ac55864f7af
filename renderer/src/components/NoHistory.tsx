import type { HistoryStatus } from '../../../contract/history.js';

/** Why there is nothing from the history (turned off, or the store could not be opened). */
export function noHistoryReason(status: HistoryStatus): string {
  return status.message ?? 'The history store is not available.';
}

export function NoHistory({ status }: { status: HistoryStatus }) {
  return <p className="muted">No history is being kept: {noHistoryReason(status)}</p>;
}
