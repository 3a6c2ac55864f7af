import type { Signal } from '../../../contract/snapshot.js';
import { formatValue } from '../../../common/format.js';
import { resolveEvidence } from '../lib/signals.js';

/** The signals an inference rests on: what was read and where. */
export function EvidenceList({ ids, signals }: { ids: readonly string[]; signals: ReadonlyMap<string, Signal> }) {
  if (ids.length === 0) return <p className="muted">No evidence listed.</p>;
  return (
    <ul className="evidence">
      {resolveEvidence(ids, signals).map(({ id, signal }) => (
        <li key={id}>
          <code>{id}</code>
          {signal ? (
            <>
              {' = '}
              <strong>{formatValue(signal.value, '—')}</strong>
              <span className="muted"> from {signal.source}</span>
            </>
          ) : (
            <span className="muted"> (not in this snapshot)</span>
          )}
        </li>
      ))}
    </ul>
  );
}
