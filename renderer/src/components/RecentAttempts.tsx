import type { ConnectionAttempt } from '../../../contract/attempts.js';
import { formatEndpoint } from '../../../common/format.js';
import type { ToolName } from '../lib/event-text.js';
import { clockTime } from '../lib/time.js';
import { closedAfterText } from '../lib/attempts.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';

const OUTCOME_TEXT: Record<ConnectionAttempt['outcome'], string> = { established: 'connected', failed: 'failed', seen: 'seen open' };

/** Connection attempts seen between samples, newest first; failed ones marked. */
export function RecentAttempts({ attempts, name, label }: { attempts: readonly ConnectionAttempt[]; name: ToolName; label: string }) {
  if (attempts.length === 0) return <p className="muted">No connection attempts seen since this page was opened.</p>;
  const newestFirst = [...attempts].reverse();
  return (
    <ScrollBox label={label}>
      <table className="simple-table" aria-label={label}>
        <TableHead columns={['Time', 'Process', 'Destination', 'Outcome']} />
        <tbody>
          {newestFirst.map((attempt, index) => (
            <tr key={`${attempt.at}:${attempt.pid}:${attempt.localPort}:${index}`} className={attempt.outcome === 'failed' ? 'failed' : undefined}>
              <td>
                <time dateTime={attempt.at}>{clockTime(attempt.at)}</time>
              </td>
              <td>
                {attempt.toolId ? name(attempt.toolId) : attempt.process} <span className="muted">pid {attempt.pid}</span>
              </td>
              <td className="mono">
                {attempt.remote?.host ? `${attempt.remote.host} ` : ''}
                {formatEndpoint(attempt.remoteAddress, attempt.remotePort)}
                {attempt.remote?.country ? ` ${attempt.remote.country}` : ''}
              </td>
              <td>
                {attempt.outcome === 'failed' ? <strong className="attempt-failed">failed</strong> : OUTCOME_TEXT[attempt.outcome]}
                {attempt.durationMs !== null && <span className="muted"> after {attempt.durationMs.toFixed(0)} ms</span>}
                {closedAfterText(attempt) && <span className="muted">, {closedAfterText(attempt)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
