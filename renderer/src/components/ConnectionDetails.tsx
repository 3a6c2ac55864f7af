import { formatEndpoint } from '../../../common/format.js';
import { OWNER_UNKNOWN_TEXT, type ConnectionRow } from '../lib/connections.js';
import { CommandLine } from './CommandLine.js';

/** An opened connection row: its process's command line (already redacted by the host) and the rest. */
export function ConnectionDetails({ row }: { row: ConnectionRow }) {
  const { connection, process } = row;
  return (
    <div className="connection-details">
      {process ? (
        process.command ? (
          <CommandLine command={process.command} />
        ) : (
          <p className="muted">The command line of {process.name} could not be read.</p>
        )
      ) : (
        <p className="muted">
          {connection.ownerUnknown ? OWNER_UNKNOWN_TEXT[connection.ownerUnknown] : 'Its process is not in this sample.'}
        </p>
      )}
      <dl className="facts">
        <dt>Local</dt>
        <dd className="mono">{formatEndpoint(connection.localAddress, connection.localPort) || '—'}</dd>
        <dt>Protocol</dt>
        <dd>{connection.protocol}</dd>
        {process?.startedAt && (
          <>
            <dt>Process started</dt>
            <dd>
              <time dateTime={process.startedAt}>{new Date(process.startedAt).toLocaleString()}</time>
            </dd>
          </>
        )}
        {process && process.ppid !== null && (
          <>
            <dt>Parent pid</dt>
            <dd>{process.ppid}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
