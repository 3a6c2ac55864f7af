import type { Advice, CheckResult, Inference, Tool } from '../../../contract/snapshot.js';
import type { OverviewRow, QuestionId } from '../../../common/overview.js';
import type { Language } from '../../../common/i18n/languages.js';
import { renderMessage, renderMessageOr } from '../../../common/i18n/render.js';
import type { PlainKey, Translate } from '../../../common/i18n/translate.js';
import { Badge } from './Badge.js';
import { CommandLine } from './CommandLine.js';
import { EvidenceList } from './EvidenceList.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { confidenceTone } from '../lib/exposure.js';
import { CONFIDENCE_KEYS, inferenceStatement } from '../lib/event-text.js';
import { toolNames } from '../lib/tools.js';
import type { Signal } from '../../../contract/snapshot.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { programOf } from '../../../common/probe-findings.js';

/** The question each row answers. */
export const QUESTION_KEYS: Readonly<Record<QuestionId, PlainKey>> = {
  country: 'question.country',
  proxy: 'question.proxy',
  employer: 'question.employer',
  'ai-lab': 'question.ai-lab',
  'check-2026': 'question.check-2026',
};

/** At most three names, then "+N": the row stays one line; the full list is in its details. */
function shortNames(names: readonly string[], t: Translate): string {
  if (names.length === 0) return t('question.nobody');
  const separator = t('list.comma');
  return names.length <= 3 ? names.join(separator) : `${names.slice(0, 3).join(separator)} +${names.length - 3}`;
}

/** What a row says, in the language in force: from the core's messages, else its English text. */
function statementsOf(check: CheckResult | null, inferences: readonly Inference[], language: Language): string[] {
  if (check) return [check.message ? renderMessage(check.message, language) : check.statement];
  return inferences.map((inference) => inferenceStatement(inference, language));
}

function RowBadge({ row }: { row: OverviewRow }) {
  const t = useT();
  if (row.question === 'check-2026') {
    if (!row.check) return null;
    return (
      <>
        <Badge tone={row.check.flagged ? 'danger' : 'ok'}>{row.check.flagged ? t('question.flagged') : t('question.not-flagged')}</Badge>
        {row.probeProof.length > 0 && (
          <>
            {' '}
            <Badge tone="danger">{t('question.proven')}</Badge>
          </>
        )}
      </>
    );
  }
  return row.confidence ? (
    <Badge tone={confidenceTone(row.confidence)}>{t('question.confidence', { level: t(CONFIDENCE_KEYS[row.confidence]) })}</Badge>
  ) : (
    <Badge tone="muted">{t('question.nothing')}</Badge>
  );
}

function AdviceList({ advice, tools }: { advice: readonly Advice[]; tools: readonly Tool[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ul className="advice">
      {advice.map((item, index) => (
        <li key={index}>
          <p>
            {item.message ? renderMessage(item.message, language) : item.text}
            {item.toolId && <span className="muted">{t('question.for-tool', { tool: toolNames([item.toolId], tools)[0] ?? '' })}</span>}
          </p>
          {item.command && <CommandLine command={item.command} />}
        </li>
      ))}
    </ul>
  );
}

export function QuestionRow({ row, signals, tools }: { row: OverviewRow; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[] }) {
  const t = useT();
  const language = useLanguage();
  const names = toolNames(row.visibleTo, tools);
  const statements = statementsOf(row.check, row.inferences, language);
  return (
    <details className={`question${row.discloses ? ' discloses' : ''}${row.check?.flagged ? ' flagged' : ''}`} data-question={row.question}>
      <summary>
        <span className="q-label">{t(QUESTION_KEYS[row.question])}</span>
        <strong className="q-verdict">{row.verdict}</strong>
        <span className="q-badge">
          <RowBadge row={row} />
        </span>
        <span className="q-tools" title={names.join(t('list.comma'))}>
          <span className="sr-only">{t('question.visible-to-line', { names: '' })}</span>
          {shortNames(names, t)}
        </span>
      </summary>
      <div className="q-body">
        {statements.map((statement, index) => (
          <p key={index}>{statement}</p>
        ))}
        {row.probeProof.length > 0 && (
          <>
            <h4>{t('question.proof')}</h4>
            <ul className="proof">
              {row.probeProof.map((proof, index) => (
                <li key={index}>
                  {t('question.proof-line', {
                    name: proof.toolId ? (toolNames([proof.toolId], tools)[0] ?? proof.toolId) : programOf(proof.command),
                    description: renderMessageOr(proof.message, proof.description, language),
                  })}
                  <span className="muted">{t('question.probed-at', { when: formatLocalDateTime(proof.startedAt, undefined, language) })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {row.evidence.length === 0 ? (
          <p className="muted">{t('question.no-evidence')}</p>
        ) : (
          <>
            <h4>{t('question.evidence')}</h4>
            <EvidenceList ids={row.evidence} signals={signals} tools={tools} />
          </>
        )}
        {names.length > 0 && <p>{t('question.visible-to-line', { names: names.join(t('list.comma')) })}</p>}
        {row.advice.length > 0 && (
          <>
            <h4>{t('question.advice')}</h4>
            <AdviceList advice={row.advice} tools={tools} />
          </>
        )}
      </div>
    </details>
  );
}

/** Question rows in a list with column heads; each row opens to its evidence and advice. */
export function QuestionList({ rows, signals, tools, label }: { rows: readonly OverviewRow[]; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[]; label: string }) {
  const t = useT();
  const columns = [t('question.column'), t('question.answer'), t('question.how-sure'), t('question.visible-to')];
  return (
    <div className="questions" role="list" aria-label={label}>
      <div className="question-head" aria-hidden="true">
        {columns.map((column) => (
          <span key={column}>{column}</span>
        ))}
      </div>
      {rows.map((row) => (
        <div role="listitem" key={row.question}>
          <QuestionRow row={row} signals={signals} tools={tools} />
        </div>
      ))}
    </div>
  );
}
