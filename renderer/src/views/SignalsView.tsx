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

const MESSAGES = {
  title: 'Signals',
  none: 'No signals in this snapshot.',
  columns: ['Signal', 'Value', 'Source', 'State'],
  states: { set: 'read', 'not-set': 'not set', unavailable: 'not available', error: 'error' } satisfies Record<SignalState, string>,
};

/** Only a failure is coloured; "not set" is a normal state. A value that was read needs no badge (null). */
const STATE_TONES: Record<SignalState, Tone | null> = { set: null, 'not-set': 'muted', unavailable: 'muted', error: 'danger' };

/** Every observation, by kind, by a readable name (the id on hover), with why it is missing when it is. */
export function SignalsView({ signals, tools }: { signals: readonly Signal[]; tools: readonly Tool[] }) {
  const groups = useMemo(() => groupSignals(signals), [signals]);
  const name = useMemo(() => toolNameLookup(tools), [tools]);
  return (
    <section aria-labelledby="signals-title">
      <h2 id="signals-title">{MESSAGES.title}</h2>
      {groups.length === 0 && <p className="muted">{MESSAGES.none}</p>}
      {groups.map(({ kind, signals: list }) => (
        <section key={kind}>
          <h3>{kindLabel(kind)}</h3>
          <ScrollBox label={kindLabel(kind)}>
            <table className="simple-table" aria-label={kindLabel(kind)}>
              <TableHead columns={MESSAGES.columns} />
              <tbody>
                {list.map((signal, index) => {
                  const state = signalState(signal);
                  const tone = STATE_TONES[state];
                  return (
                    <tr key={`${signal.id}:${index}`}>
                      <td title={signal.id}>{signalLabel(signal, name)}</td>
                      <td className="mono">{formatValue(signal.value, '—')}</td>
                      <td className="mono">{signal.source}</td>
                      <td>
                        {tone ? <Badge tone={tone}>{MESSAGES.states[state]}</Badge> : <span className="sr-only">{MESSAGES.states[state]}</span>}
                        {signal.reason && <div className="muted">{signal.reason}</div>}
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
