import { useCallback } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { ErrorMessage } from './ErrorMessage.js';
import { NoHistory } from './NoHistory.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { formatNumber } from '../lib/count.js';
import { dateTime } from '../lib/time.js';

/** What the history saw one tool talk to (or try to), most used first. */
export function SeenEndpoints({ api, toolId, toolName, seq }: { api: TelltaleApi; toolId: string; toolName: string; seq: number }) {
  const t = useT();
  const language = useLanguage();
  const { data, error, reload } = useApiQuery(useCallback(() => api.getEndpoints({ toolId }), [api, toolId]));
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  useReloadOnSample(seq, reload);
  if (status.data && !status.data.available) return <NoHistory status={status.data} />;
  if (error) return <ErrorMessage message={t('endpoints.error', { error })} />;
  if (!data) return <p className="muted">{t('shell.loading')}</p>;
  if (data.length === 0) return <p className="muted">{t('endpoints.none')}</p>;
  const sorted = [...data].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  const label = t('endpoints.label', { tool: toolName });
  const columns = [t('endpoints.host'), t('endpoints.port'), t('endpoints.country'), t('endpoints.org'), t('endpoints.first-seen'), t('endpoints.last-seen'), t('endpoints.count'), t('endpoints.failed')];
  return (
    <ScrollBox label={label}>
      <table className="simple-table" aria-label={label}>
        <TableHead columns={columns} />
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
              <td>{dateTime(endpoint.firstSeen, language)}</td>
              <td>{dateTime(endpoint.lastSeen, language)}</td>
              <td>{formatNumber(endpoint.count, language)}</td>
              <td className={endpoint.failed > 0 ? 'attempt-failed' : undefined}>{formatNumber(endpoint.failed, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
