import type { ConnectionAttempt } from '../../../contract/attempts.js';
import { formatEndpoint } from '../../../common/format.js';
import type { ToolName } from '../lib/event-text.js';
import { clockTime } from '../lib/time.js';
import { closedAfterText, durationText } from '../lib/attempts.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { TableHead } from './TableHead.js';
import { ScrollBox } from './ScrollBox.js';

const OUTCOME_KEYS: Readonly<Record<ConnectionAttempt['outcome'], PlainKey>> = { established: 'attempts.established', failed: 'attempts.failed', seen: 'attempts.seen' };

/** Connection attempts seen between samples, newest first; failed ones marked. */
export function RecentAttempts({ attempts, name, label }: { attempts: readonly ConnectionAttempt[]; name: ToolName; label: string }) {
  const t = useT();
  const language = useLanguage();
  if (attempts.length === 0) return <p className="muted">{t('attempts.none')}</p>;
  const newestFirst = [...attempts].reverse();
  return (
    <ScrollBox label={label}>
      <table className="simple-table" aria-label={label}>
        <TableHead columns={[t('attempts.time'), t('shell.process'), t('attempts.destination'), t('attempts.outcome')]} />
        <tbody>
          {newestFirst.map((attempt, index) => (
            <tr key={`${attempt.at}:${attempt.pid}:${attempt.localPort}:${index}`} className={attempt.outcome === 'failed' ? 'failed' : undefined}>
              <td>
                <time dateTime={attempt.at}>{clockTime(attempt.at, language)}</time>
              </td>
              <td>
                {attempt.toolId ? name(attempt.toolId) : attempt.process} <span className="muted">{t('shell.pid', { pids: String(attempt.pid) })}</span>
              </td>
              <td className="mono">
                {attempt.remote?.host ? `${attempt.remote.host} ` : ''}
                {formatEndpoint(attempt.remoteAddress, attempt.remotePort)}
                {attempt.remote?.country ? ` ${attempt.remote.country}` : ''}
              </td>
              <td>
                {attempt.outcome === 'failed' ? <strong className="attempt-failed">{t(OUTCOME_KEYS.failed)}</strong> : t(OUTCOME_KEYS[attempt.outcome])}
                {attempt.durationMs !== null && <span className="muted">{t('attempts.after', { duration: durationText(attempt.durationMs, language) })}</span>}
                {closedAfterText(attempt, language) && <span className="muted">{t('attempts.then', { closed: closedAfterText(attempt, language) ?? '' })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
