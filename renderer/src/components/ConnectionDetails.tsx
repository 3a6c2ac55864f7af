import { formatEndpoint } from '../../../common/format.js';
import { OWNER_UNKNOWN_KEYS, type ConnectionRow } from '../lib/connections.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { CommandLine } from './CommandLine.js';

/** An opened connection row: its process's command line (already redacted by the host) and the rest. */
export function ConnectionDetails({ row }: { row: ConnectionRow }) {
  const t = useT();
  const language = useLanguage();
  const { connection, process } = row;
  return (
    <div className="connection-details">
      {process ? (
        process.command ? (
          <CommandLine command={process.command} />
        ) : (
          <p className="muted">{t('conn.details.noCommand', { process: process.name })}</p>
        )
      ) : (
        <p className="muted">{connection.ownerUnknown ? t(OWNER_UNKNOWN_KEYS[connection.ownerUnknown]) : t('conn.details.notInSample')}</p>
      )}
      <dl className="facts">
        <dt>{t('conn.details.local')}</dt>
        <dd className="mono">{formatEndpoint(connection.localAddress, connection.localPort) || '—'}</dd>
        <dt>{t('conn.details.protocol')}</dt>
        <dd>{connection.protocol}</dd>
        {process?.startedAt && (
          <>
            <dt>{t('conn.details.started')}</dt>
            <dd>
              <time dateTime={process.startedAt}>{new Date(process.startedAt).toLocaleString(language)}</time>
            </dd>
          </>
        )}
        {process && process.ppid !== null && (
          <>
            <dt>{t('conn.details.ppid')}</dt>
            <dd>{process.ppid}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
