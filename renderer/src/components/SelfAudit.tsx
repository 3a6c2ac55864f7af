import { useCallback } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { OwnSocket, SelfAudit as SelfAuditData } from '../../../contract/self-audit.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { Badge } from './Badge.js';
import { ErrorMessage } from './ErrorMessage.js';

const endpoint = (address: string | null, port: number | null) => (address === null ? '—' : port === null ? address : `${address}:${port}`);

function Verdict({ audit }: { audit: SelfAuditData }) {
  if (audit.verdict === 'loopback-only') {
    return (
      <p role="status">
        <Badge tone="ok">loopback only</Badge> All {audit.sockets.length} of Telltale’s own sockets in the last sample stay on this machine.
      </p>
    );
  }
  if (audit.verdict === 'not-loopback') {
    const outside = audit.sockets.filter((socket) => !socket.loopback).length;
    return (
      <p role="alert">
        <Badge tone="danger">not loopback</Badge> {outside} of Telltale’s own sockets reach beyond this machine. Telltale should never do
        this: please report it.
      </p>
    );
  }
  return <p role="status">No sample of Telltale’s own sockets yet.</p>;
}

function SocketRow({ socket }: { socket: OwnSocket }) {
  return (
    <tr className={socket.loopback ? undefined : 'self-audit-outside'}>
      <td>
        {socket.process} ({socket.pid})
      </td>
      <td>{socket.protocol}</td>
      <td>{endpoint(socket.localAddress, socket.localPort)}</td>
      <td>{endpoint(socket.remoteAddress, socket.remotePort)}</td>
      <td>{socket.state}</td>
      <td>{socket.loopback ? 'yes' : 'NO'}</td>
    </tr>
  );
}

/**
 * Telltale's promise (no network connection except loopback, no telemetry) and how it is checked:
 * its own sockets in the last sample. The test suite checks the same promise under strace.
 */
export function SelfAudit({ api, seq }: { api: TelltaleApi; seq: number }) {
  const query = useApiQuery(useCallback(() => api.getSelfAudit({}), [api]));
  useReloadOnSample(seq, query.reload);
  return (
    <section aria-labelledby="self-audit-title" className="self-audit">
      <h2 id="self-audit-title">Self-audit</h2>
      <p className="muted">
        Telltale connects to nothing but this machine and sends no telemetry. Each sample lists Telltale’s own processes too; their sockets are
        shown here and must all be loopback. Its test suite also runs every command under strace and fails on any other connection or DNS lookup.
      </p>
      {query.error && <ErrorMessage message={query.error} />}
      {query.data && <Verdict audit={query.data} />}
      {query.data && query.data.sockets.length > 0 && (
        <table className="simple-table" aria-label="Telltale’s own sockets">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Protocol</th>
              <th scope="col">Local</th>
              <th scope="col">Remote</th>
              <th scope="col">State</th>
              <th scope="col">Loopback</th>
            </tr>
          </thead>
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
