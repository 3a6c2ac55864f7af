import { useCallback } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { OwnSocket, SelfAudit as SelfAuditData } from '../../../contract/self-audit.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { Badge } from './Badge.js';
import { TableHead } from './TableHead.js';
import { ErrorMessage } from './ErrorMessage.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { formatNumber } from '../lib/count.js';

const endpoint = (address: string | null, port: number | null) => (address === null ? '—' : port === null ? address : `${address}:${port}`);

function Verdict({ audit }: { audit: SelfAuditData }) {
  const t = useT();
  const language = useLanguage();
  if (audit.verdict === 'loopback-only') {
    return (
      <p role="status">
        <Badge tone="ok">{t('audit.loopback-badge')}</Badge> {t('audit.loopback', { count: formatNumber(audit.sockets.length, language) })}
      </p>
    );
  }
  if (audit.verdict === 'not-loopback') {
    const outside = audit.sockets.filter((socket) => !socket.loopback).length;
    return (
      <p role="alert">
        <Badge tone="danger">{t('audit.outside-badge')}</Badge> {t('audit.outside', { count: formatNumber(outside, language) })}
      </p>
    );
  }
  return <p role="status">{t('audit.none')}</p>;
}

function SocketRow({ socket }: { socket: OwnSocket }) {
  const t = useT();
  return (
    <tr className={socket.loopback ? undefined : 'self-audit-outside'}>
      <td>
        {socket.process} ({socket.pid})
      </td>
      <td>{socket.protocol}</td>
      <td>{endpoint(socket.localAddress, socket.localPort)}</td>
      <td>{endpoint(socket.remoteAddress, socket.remotePort)}</td>
      <td>{socket.state}</td>
      <td>{socket.loopback ? t('audit.yes') : t('audit.no')}</td>
    </tr>
  );
}

/**
 * Telltale's promise (no network connection except loopback, no telemetry) and how it is checked:
 * its own sockets in the last sample. The test suite checks the same promise under strace.
 */
export function SelfAudit({ api, seq }: { api: TelltaleApi; seq: number }) {
  const t = useT();
  const query = useApiQuery(useCallback(() => api.getSelfAudit({}), [api]));
  useReloadOnSample(seq, query.reload);
  return (
    <section aria-labelledby="self-audit-title" className="self-audit">
      <h2 id="self-audit-title">{t('audit.title')}</h2>
      <p className="muted">{t('audit.intro')}</p>
      {query.error && <ErrorMessage message={query.error} />}
      {query.data && <Verdict audit={query.data} />}
      {query.data && query.data.sockets.length > 0 && (
        <table className="simple-table" aria-label={t('audit.sockets')}>
          <TableHead columns={[t('shell.process'), t('audit.protocol'), t('audit.local'), t('audit.remote'), t('shell.state'), t('audit.loopback-column')]} />
          <tbody>
            {query.data.sockets.map((socket, index) => (
              <SocketRow key={`${index}-${socket.pid}-${socket.localPort}-${socket.remotePort}`} socket={socket} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
