import { useCallback } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { ErrorMessage } from './ErrorMessage.js';
import { NoHistory } from './NoHistory.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';

const when = (iso: string) => new Date(iso).toLocaleString();

/** What the history saw one tool talk to (or try to), most used first. */
export function SeenEndpoints({ api, toolId, toolName, seq }: { api: TelltaleApi; toolId: string; toolName: string; seq: number }) {
  const { data, error, reload } = useApiQuery(useCallback(() => api.getEndpoints({ toolId }), [api, toolId]));
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  useReloadOnSample(seq, reload);
  if (status.data && !status.data.available) return <NoHistory status={status.data} />;
  if (error) return <ErrorMessage message={`Could not read the endpoints seen: ${error}`} />;
  if (!data) return <p className="muted">Loading…</p>;
  if (data.length === 0) return <p className="muted">None recorded in the history.</p>;
  const sorted = [...data].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  return (
    <ScrollBox label={`Endpoints ${toolName} was seen using`}>
      <table className="simple-table" aria-label={`Endpoints ${toolName} was seen using`}>
        <TableHead columns={['Host or IP', 'Port', 'Country', 'Organisation', 'First seen', 'Last seen', 'Count', 'Failed']} />
        <tbody>
          {sorted.map((endpoint) => (
            <tr key={`${endpoint.process}:${endpoint.address}:${endpoint.port}`}>
              <td className="mono">
                {endpoint.host ?? endpoint.address}
                {endpoint.host && <div className="muted">{endpoint.address}</div>}
              </td>
              <td>{endpoint.port}</td>
              <td>{endpoint.country ?? '—'}</td>
              <td>{endpoint.org ?? '—'}</td>
              <td>{when(endpoint.firstSeen)}</td>
              <td>{when(endpoint.lastSeen)}</td>
              <td>{endpoint.count}</td>
              <td className={endpoint.failed > 0 ? 'attempt-failed' : undefined}>{endpoint.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
