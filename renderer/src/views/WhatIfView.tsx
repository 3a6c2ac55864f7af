import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { Confidence, Snapshot } from '../../../contract/snapshot.js';
import type { WhatIfOutcome } from '../../../contract/whatif.js';
import { exposureLabel } from '../../../common/exposure.js';
import { formatValue } from '../../../common/format.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { overviewRows, type OverviewRow, type QuestionId } from '../../../common/overview.js';
import { whatIfOptions } from '../../../common/whatif-options.js';
import { Badge } from '../components/Badge.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { confidenceTone, exposureTone } from '../lib/exposure.js';

const QUESTION_KEYS: Readonly<Record<QuestionId, PlainKey>> = {
  country: 'whatif.question.country',
  proxy: 'whatif.question.proxy',
  employer: 'whatif.question.employer',
  'ai-lab': 'whatif.question.ai-lab',
  'check-2026': 'whatif.question.check-2026',
};

const CONFIDENCE_KEYS: Readonly<Record<Confidence, PlainKey>> = {
  low: 'whatif.confidence.low',
  medium: 'whatif.confidence.medium',
  high: 'whatif.confidence.high',
};

function Answer({ row }: { row: OverviewRow | undefined }) {
  const t = useT();
  if (!row) return <span className="muted">{t('data.dash')}</span>;
  const badge = row.check ? (
    <Badge tone={row.check.flagged ? 'danger' : 'ok'}>{row.verdict}</Badge>
  ) : row.confidence ? (
    <Badge tone={confidenceTone(row.confidence)}>{t(CONFIDENCE_KEYS[row.confidence])}</Badge>
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
  const t = useT();
  const language = useLanguage();
  const was = new Map(overviewRows(before.inferences, before.checks, language).map((row) => [row.question, row]));
  const now = overviewRows(after.inferences, after.checks, language);
  const exposureChanged = before.exposure.level !== after.exposure.level;
  return (
    <table className="simple-table whatif-table" aria-label={t('whatif.table')}>
      <thead>
        <tr>
          <th scope="col">{t('whatif.question')}</th>
          <th scope="col">{t('whatif.now')}</th>
          <th scope="col">{t('whatif.then')}</th>
        </tr>
      </thead>
      <tbody>
        <tr className={exposureChanged ? 'changed' : undefined}>
          <th scope="row">{t('whatif.exposure')}</th>
          <td>
            <Badge tone={exposureTone(before.exposure.level)}>{exposureLabel(before.exposure.level, language)}</Badge>
          </td>
          <td>
            <Badge tone={exposureTone(after.exposure.level)}>{exposureLabel(after.exposure.level, language)}</Badge>
            {exposureChanged && <span className="sr-only"> {t('whatif.changed')}</span>}
          </td>
        </tr>
        {now.map((row) => {
          const changed = answerKey(was.get(row.question)) !== answerKey(row);
          return (
            <tr key={row.question} className={changed ? 'changed' : undefined} data-question={row.question}>
              <th scope="row">{t(QUESTION_KEYS[row.question])}</th>
              <td>
                <Answer row={was.get(row.question)} />
              </td>
              <td>
                <Answer row={row} />
                {changed && <span className="sr-only"> {t('whatif.changed')}</span>}
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
  const t = useT();
  const language = useLanguage();
  const options = useMemo(() => whatIfOptions(snapshot.signals, language), [snapshot.signals, language]);
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
      <h2 id="whatif-title">{t('whatif.title')}</h2>
      <p className="muted">{t('whatif.intro')}</p>
      <fieldset className="card whatif-changes">
        <legend>{t('whatif.changes')}</legend>
        {options.map((option) => (
          <label key={option.key} className="check">
            <input type="checkbox" checked={checked.has(option.key)} onChange={() => flip(option.key)} /> {option.label}
          </label>
        ))}
      </fieldset>
      {error && <ErrorMessage message={t('whatif.error', { error })} />}
      {data ? (
        <>
          {toggles.length === 0 && <p className="muted">{t('whatif.none')}</p>}
          <Comparison before={data.before} after={data.after} />
          <h3>{t('whatif.signals')}</h3>
          {data.signalsChanged.length === 0 ? (
            <p className="muted">{t('whatif.no-signals')}</p>
          ) : (
            <ul className="plain signal-changes">
              {data.signalsChanged.map((change) => (
                <li key={change.id}>
                  <code>{change.id}</code>: {formatValue(change.before, t('data.dash'), language)} → {formatValue(change.after, t('data.dash'), language)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        !error && <p role="status">{t('whatif.computing')}</p>
      )}
    </section>
  );
}
