import { useMemo } from 'react';
import type { Signal, Tool } from '../../../contract/snapshot.js';
import { Badge } from '../components/Badge.js';
import type { Tone } from '../lib/exposure.js';
import { formatValue } from '../../../common/format.js';
import { signalLabel, signalState, type SignalState } from '../../../common/signal-label.js';
import { groupSignals, kindLabel } from '../lib/signals.js';
import { TableHead } from '../components/TableHead.js';
import { toolNameLookup } from '../lib/event-text.js';
import { ScrollBox } from '../components/ScrollBox.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { signalReason } from '../../../common/i18n/render-reason.js';
import { useLanguage, useT } from '../hooks/useT.js';

const STATE_KEYS: Readonly<Record<SignalState, PlainKey>> = {
  set: 'signals-view.state.set',
  'not-set': 'signals-view.state.not-set',
  unavailable: 'signals-view.state.unavailable',
  error: 'signals-view.state.error',
};

/** Only a failure is coloured; "not set" is a normal state. A value that was read needs no badge (null). */
const STATE_TONES: Record<SignalState, Tone | null> = { set: null, 'not-set': 'muted', unavailable: 'muted', error: 'danger' };

/** Every observation, by kind, by a readable name (the id on hover), with why it is missing when it is. */
export function SignalsView({ signals, tools }: { signals: readonly Signal[]; tools: readonly Tool[] }) {
  const t = useT();
  const language = useLanguage();
  const columns = [t('signals-view.signal'), t('shell.value'), t('signals-view.source'), t('shell.state')];
  const groups = useMemo(() => groupSignals(signals), [signals]);
  const name = useMemo(() => toolNameLookup(tools), [tools]);
  return (
    <section aria-labelledby="signals-title">
      <h2 id="signals-title">{t('nav.signals')}</h2>
      {groups.length === 0 && <p className="muted">{t('signals-view.none')}</p>}
      {groups.map(({ kind, signals: list }) => (
        <section key={kind}>
          <h3>{kindLabel(kind, language)}</h3>
          <ScrollBox label={kindLabel(kind, language)}>
            <table className="simple-table signals-table" aria-label={kindLabel(kind, language)}>
              <TableHead columns={columns} />
              <tbody>
                {list.map((signal, index) => {
                  const state = signalState(signal);
                  const tone = STATE_TONES[state];
                  return (
                    <tr key={`${signal.id}:${index}`}>
                      <td title={signal.id}>{signalLabel(signal, name, language)}</td>
                      <td className="mono">{formatValue(signal.value, '—', language)}</td>
                      <td className="mono">{signal.source}</td>
                      <td>
                        {tone ? <Badge tone={tone}>{t(STATE_KEYS[state])}</Badge> : <span className="sr-only">{t(STATE_KEYS[state])}</span>}
                        {signal.reason && <div className="muted">{signalReason(signal, language)}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      ))}
    </section>
  );
}
