import { useMemo } from 'react';
import type { Signal, Tool } from '../../../contract/snapshot.js';
import { formatValue } from '../../../common/format.js';
import { signalLabel } from '../../../common/signal-label.js';
import { toolNameLookup } from '../lib/event-text.js';
import { resolveEvidence } from '../lib/signals.js';
import { useLanguage, useT } from '../hooks/useT.js';


/** The signals an inference rests on: what was read (by name, the id on hover) and where. */
export function EvidenceList({ ids, signals, tools }: { ids: readonly string[]; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[] }) {
  const t = useT();
  const language = useLanguage();
  const name = useMemo(() => toolNameLookup(tools), [tools]);
  if (ids.length === 0) return <p className="muted">{t('evidence-list.none')}</p>;
  return (
    <ul className="evidence">
      {resolveEvidence(ids, signals).map(({ id, signal }) => (
        <li key={id}>
          {signal ? (
            <>
              <span title={id}>{signalLabel(signal, name, language)}</span>
              {' = '}
              <strong>{formatValue(signal.value, '—', language)}</strong>
              <span className="muted">{t('evidence-list.from', { source: signal.source })}</span>
            </>
          ) : (
            <>
              <code>{id}</code>
              <span className="muted">{t('evidence-list.missing')}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
