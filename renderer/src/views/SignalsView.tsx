import { useMemo } from 'react';
import type { Signal, SignalStatus } from '../../../contract/snapshot.js';
import { Badge } from '../components/Badge.js';
import type { Tone } from '../lib/exposure.js';
import { formatValue } from '../../../common/format.js';
import { groupSignals, kindLabel } from '../lib/signals.js';
import { TableHead } from '../components/TableHead.js';

const STATUS_TONES: Record<SignalStatus, Tone> = { ok: 'ok', unavailable: 'muted', error: 'danger' };

/** Every observation, by kind, with why it is missing when it is. */
export function SignalsView({ signals }: { signals: readonly Signal[] }) {
  const groups = useMemo(() => groupSignals(signals), [signals]);
  return (
    <section aria-labelledby="signals-title">
      <h2 id="signals-title">Signals</h2>
      {groups.length === 0 && <p className="muted">No signals in this snapshot.</p>}
      {groups.map(({ kind, signals: list }) => (
        <section key={kind}>
          <h3>{kindLabel(kind)}</h3>
          <table className="simple-table" aria-label={kindLabel(kind)}>
            <TableHead columns={['Signal', 'Value', 'Source', 'Status']} />
            <tbody>
              {list.map((signal, index) => (
                <tr key={`${signal.id}:${index}`}>
                  <td className="mono">{signal.id}</td>
                  <td className="mono">{formatValue(signal.value, '—')}</td>
                  <td className="mono">{signal.source}</td>
                  <td>
                    <Badge tone={STATUS_TONES[signal.status]}>{signal.status}</Badge>
                    {signal.reason && <div className="muted">{signal.reason}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
