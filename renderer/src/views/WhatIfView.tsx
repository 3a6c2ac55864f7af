import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import type { WhatIfOutcome } from '../../../contract/whatif.js';
import { exposureLabel } from '../../../common/exposure.js';
import { formatValue } from '../../../common/format.js';
import { overviewRows, type OverviewRow, type QuestionId } from '../../../common/overview.js';
import { whatIfOptions } from '../../../common/whatif-options.js';
import { Badge } from '../components/Badge.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { confidenceTone, exposureTone } from '../lib/exposure.js';

const MESSAGES = {
  title: 'What if',
  intro:
    'Change what your tools can read and see what they could still infer. Telltale recomputes the same inferences and the 2026 check from this sample with the changes applied; nothing on your machine changes.',
  changes: 'Changes',
  none: 'Pick one or more changes.',
  computing: 'Computing…',
  question: 'Question',
  now: 'Now',
  then: 'With these changes',
  exposure: 'Exposure',
  changed: 'changed',
  signals: 'Signals the changes touch',
  noSignals: 'No signal changes.',
  error: (message: string) => `What-if failed: ${message}`,
  questions: {
    country: 'Country',
    proxy: 'Proxy',
    employer: 'Employer',
    'ai-lab': 'AI labs',
    'check-2026': '2026 check',
  } satisfies Record<QuestionId, string>,
};

function Answer({ row }: { row: OverviewRow | undefined }) {
  if (!row) return <span className="muted">—</span>;
  const badge = row.check ? (
    <Badge tone={row.check.flagged ? 'danger' : 'ok'}>{row.verdict}</Badge>
  ) : row.confidence ? (
    <Badge tone={confidenceTone(row.confidence)}>{row.confidence}</Badge>
  ) : null;
  return (
    <>
      {row.check ? null : <span className={row.discloses ? undefined : 'muted'}>{row.verdict} </span>}
      {badge}
    </>
  );
}

const answerKey = (row: OverviewRow | undefined) => (row ? `${row.verdict}|${row.confidence ?? ''}` : '');

function Comparison({ before, after }: { before: WhatIfOutcome; after: WhatIfOutcome }) {
  const was = new Map(overviewRows(before.inferences, before.checks).map((row) => [row.question, row]));
  const now = overviewRows(after.inferences, after.checks);
  const exposureChanged = before.exposure.level !== after.exposure.level;
  return (
    <table className="simple-table whatif-table" aria-label="Now and with these changes">
      <thead>
        <tr>
          <th scope="col">{MESSAGES.question}</th>
          <th scope="col">{MESSAGES.now}</th>
          <th scope="col">{MESSAGES.then}</th>
        </tr>
      </thead>
      <tbody>
        <tr className={exposureChanged ? 'changed' : undefined}>
          <th scope="row">{MESSAGES.exposure}</th>
          <td>
            <Badge tone={exposureTone(before.exposure.level)}>{exposureLabel(before.exposure.level)}</Badge>
          </td>
          <td>
            <Badge tone={exposureTone(after.exposure.level)}>{exposureLabel(after.exposure.level)}</Badge>
            {exposureChanged && <span className="sr-only"> ({MESSAGES.changed})</span>}
          </td>
        </tr>
        {now.map((row) => {
          const changed = answerKey(was.get(row.question)) !== answerKey(row);
          return (
            <tr key={row.question} className={changed ? 'changed' : undefined} data-question={row.question}>
              <th scope="row">{MESSAGES.questions[row.question]}</th>
              <td>
                <Answer row={was.get(row.question)} />
              </td>
              <td>
                <Answer row={row} />
                {changed && <span className="sr-only"> ({MESSAGES.changed})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Toggle what the tools can read; the host recomputes inferences and the 2026 check; shown side by side. */
export function WhatIfView({ api, seq, snapshot }: { api: TelltaleApi; seq: number; snapshot: Snapshot }) {
  const options = useMemo(() => whatIfOptions(snapshot.signals), [snapshot.signals]);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const toggles = useMemo(() => options.filter((o) => checked.has(o.key)).map((o) => o.toggle), [options, checked]);
  // Asked again when the toggles change, and when a new sample arrives.
  const run = useCallback(() => api.whatIf({ toggles }), [api, toggles]);
  const { data, error, reload } = useApiQuery(run);
  useReloadOnSample(seq, reload);
  const flip = (key: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section aria-labelledby="whatif-title" className="whatif">
      <h2 id="whatif-title">{MESSAGES.title}</h2>
      <p className="muted">{MESSAGES.intro}</p>
      <fieldset className="card whatif-changes">
        <legend>{MESSAGES.changes}</legend>
        {options.map((option) => (
          <label key={option.key} className="check">
            <input type="checkbox" checked={checked.has(option.key)} onChange={() => flip(option.key)} /> {option.label}
          </label>
        ))}
      </fieldset>
      {error && <ErrorMessage message={MESSAGES.error(error)} />}
      {data ? (
        <>
          {toggles.length === 0 && <p className="muted">{MESSAGES.none}</p>}
          <Comparison before={data.before} after={data.after} />
          <h3>{MESSAGES.signals}</h3>
          {data.signalsChanged.length === 0 ? (
            <p className="muted">{MESSAGES.noSignals}</p>
          ) : (
            <ul className="plain signal-changes">
              {data.signalsChanged.map((change) => (
                <li key={change.id}>
                  <code>{change.id}</code>: {formatValue(change.before, '—')} → {formatValue(change.after, '—')}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        !error && <p role="status">{MESSAGES.computing}</p>
      )}
    </section>
  );
}
