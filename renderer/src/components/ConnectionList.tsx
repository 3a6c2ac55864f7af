import type { Connection } from '../../../contract/snapshot.js';
import { ownerName, type ProcessIndex } from '../../../common/processes.js';
import { formatEndpoint } from '../../../common/format.js';
import { formatOrg } from '../lib/connections.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';

const LIMIT = 100;

/** A plain table of a few connections (one tool's); the Connections view virtualises the full list. */
type Props = { connections: readonly Connection[]; processes: ProcessIndex; label: string };

export function ConnectionList({ connections, processes, label }: Props) {
  if (connections.length === 0) return <p className="muted">No live connections.</p>;
  const shown = connections.slice(0, LIMIT);
  return (
    <>
      <ScrollBox label={label}>
        <table className="simple-table" aria-label={label}>
          <TableHead columns={['Process', 'Remote', 'Host', 'Country', 'ASN / org', 'State']} />
          <tbody>
            {shown.map((c, index) => (
              <tr key={`${c.pid}-${c.localPort}-${c.remoteAddress}-${c.remotePort}-${index}`}>
                <td>
                  {ownerName(c, processes) ?? '—'} {c.pid !== null && <span className="muted">({c.pid})</span>}
                </td>
                <td className="mono">{formatEndpoint(c.remoteAddress, c.remotePort) || '—'}</td>
                <td>{c.remote?.host ?? '—'}</td>
                <td>{c.remote?.country ?? '—'}</td>
                <td>{formatOrg(c.remote) || '—'}</td>
                <td>{c.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {connections.length > LIMIT && (
        <p className="muted">
          Showing {LIMIT} of {connections.length}; the Connections view lists them all.
        </p>
      )}
    </>
  );
}
