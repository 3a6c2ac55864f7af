import type { Connection } from '../../../contract/snapshot.js';
import { ownerName, type ProcessIndex } from '../../../common/processes.js';
import { formatEndpoint } from '../../../common/format.js';
import { formatOrg, stateLabel } from '../lib/connections.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countryName } from '../../../common/i18n/names.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';

const LIMIT = 100;

/** A plain table of a few connections (one tool's); the Connections view virtualises the full list. */
type Props = { connections: readonly Connection[]; processes: ProcessIndex; label: string };

export function ConnectionList({ connections, processes, label }: Props) {
  const t = useT();
  const language = useLanguage();
  if (connections.length === 0) return <p className="muted">{t('conn.list.none')}</p>;
  const shown = connections.slice(0, LIMIT);
  const number = new Intl.NumberFormat(language);
  const columns = [t('conn.col.process'), t('conn.col.remote'), t('conn.col.host'), t('conn.col.country'), t('conn.col.asnOrg'), t('conn.col.state')];
  return (
    <>
      <ScrollBox label={label}>
        <table className="simple-table" aria-label={label}>
          <TableHead columns={columns} />
          <tbody>
            {shown.map((c, index) => (
              <tr key={`${c.pid}-${c.localPort}-${c.remoteAddress}-${c.remotePort}-${index}`}>
                <td>
                  {ownerName(c, processes) ?? '—'} {c.pid !== null && <span className="muted">({c.pid})</span>}
                </td>
                <td className="mono">{formatEndpoint(c.remoteAddress, c.remotePort) || '—'}</td>
                <td>{c.remote?.host ?? '—'}</td>
                <td title={c.remote?.country ? (countryName(c.remote.country, language) ?? undefined) : undefined}>{c.remote?.country ?? '—'}</td>
                <td>{formatOrg(c.remote) || '—'}</td>
                <td title={c.state}>{stateLabel(c.state, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {connections.length > LIMIT && (
        <p className="muted">{t('conn.list.truncated', { shown: number.format(LIMIT), total: number.format(connections.length) })}</p>
      )}
    </>
  );
}
