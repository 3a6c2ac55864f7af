import type { Advice, Tool } from '../../../contract/snapshot.js';
import type { OverviewRow, QuestionId } from '../../../common/overview.js';
import { Badge } from './Badge.js';
import { CommandLine } from './CommandLine.js';
import { EvidenceList } from './EvidenceList.js';
import { confidenceTone } from '../lib/exposure.js';
import { toolNames } from '../lib/tools.js';
import type { Signal } from '../../../contract/snapshot.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { programOf } from '../../../common/probe-findings.js';

/** The words of the question rows, in one place (to be translated later). */
export const QUESTION_MESSAGES = {
  questions: {
    country: 'Which country you are in',
    proxy: 'Whether you use a proxy, and where',
    employer: 'Who you work for',
    'ai-lab': 'Which AI labs you work with',
    'check-2026': 'Would the 2026 check flag you?',
  } satisfies Record<QuestionId, string>,
  confidence: (c: string) => `${c} confidence`,
  flagged: 'Flagged',
  proven: 'Seen by a probe',
  proof: 'What a probe saw a tool do',
  proofLine: (name: string, description: string) => `${name}: ${description}`,
  probedAt: (when: string) => ` (probe of ${when})`,
  notFlagged: 'Not flagged',
  nothing: 'Nothing inferred',
  visibleTo: 'Visible to',
  nobody: 'no tool here',
  evidence: 'Evidence',
  advice: 'How to stop disclosing this',
  forTool: (name: string) => ` (for ${name})`,
  noEvidence: 'No signal on this machine supports an answer.',
  columns: ['Question', 'Answer', 'How sure', 'Visible to'],
};

/** At most three names, then "+N": the row stays one line; the full list is in its details. */
function shortNames(names: readonly string[]): string {
  if (names.length === 0) return QUESTION_MESSAGES.nobody;
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

function RowBadge({ row }: { row: OverviewRow }) {
  if (row.question === 'check-2026') {
    if (!row.check) return null;
    return (
      <>
        <Badge tone={row.check.flagged ? 'danger' : 'ok'}>{row.check.flagged ? QUESTION_MESSAGES.flagged : QUESTION_MESSAGES.notFlagged}</Badge>
        {row.probeProof.length > 0 && (
          <>
            {' '}
            <Badge tone="danger">{QUESTION_MESSAGES.proven}</Badge>
          </>
        )}
      </>
    );
  }
  return row.confidence ? <Badge tone={confidenceTone(row.confidence)}>{QUESTION_MESSAGES.confidence(row.confidence)}</Badge> : <Badge tone="muted">{QUESTION_MESSAGES.nothing}</Badge>;
}

function AdviceList({ advice, tools }: { advice: readonly Advice[]; tools: readonly Tool[] }) {
  return (
    <ul className="advice">
      {advice.map((item, index) => (
        <li key={index}>
          <p>
            {item.text}
            {item.toolId && <span className="muted">{QUESTION_MESSAGES.forTool(toolNames([item.toolId], tools)[0] ?? '')}</span>}
          </p>
          {item.command && <CommandLine command={item.command} />}
        </li>
      ))}
    </ul>
  );
}

export function QuestionRow({ row, signals, tools }: { row: OverviewRow; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[] }) {
  const names = toolNames(row.visibleTo, tools);
  const statements = row.check ? [row.check.statement] : row.inferences.map((i) => i.statement);
  return (
    <details className={`question${row.discloses ? ' discloses' : ''}${row.check?.flagged ? ' flagged' : ''}`} data-question={row.question}>
      <summary>
        <span className="q-label">{QUESTION_MESSAGES.questions[row.question]}</span>
        <strong className="q-verdict">{row.verdict}</strong>
        <span className="q-badge">
          <RowBadge row={row} />
        </span>
        <span className="q-tools" title={names.join(', ')}>
          <span className="sr-only">{QUESTION_MESSAGES.visibleTo}: </span>
          {shortNames(names)}
        </span>
      </summary>
      <div className="q-body">
        {statements.map((statement, index) => (
          <p key={index}>{statement}</p>
        ))}
        {row.probeProof.length > 0 && (
          <>
            <h4>{QUESTION_MESSAGES.proof}</h4>
            <ul className="proof">
              {row.probeProof.map((proof, index) => (
                <li key={index}>
                  {QUESTION_MESSAGES.proofLine(proof.toolId ? (toolNames([proof.toolId], tools)[0] ?? proof.toolId) : programOf(proof.command), proof.description)}
                  <span className="muted">{QUESTION_MESSAGES.probedAt(formatLocalDateTime(proof.startedAt))}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {row.evidence.length === 0 ? (
          <p className="muted">{QUESTION_MESSAGES.noEvidence}</p>
        ) : (
          <>
            <h4>{QUESTION_MESSAGES.evidence}</h4>
            <EvidenceList ids={row.evidence} signals={signals} tools={tools} />
          </>
        )}
        {names.length > 0 && (
          <p>
            {QUESTION_MESSAGES.visibleTo}: {names.join(', ')}
          </p>
        )}
        {row.advice.length > 0 && (
          <>
            <h4>{QUESTION_MESSAGES.advice}</h4>
            <AdviceList advice={row.advice} tools={tools} />
          </>
        )}
      </div>
    </details>
  );
}

/** Question rows in a list with column heads; each row opens to its evidence and advice. */
export function QuestionList({ rows, signals, tools, label }: { rows: readonly OverviewRow[]; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[]; label: string }) {
  return (
    <div className="questions" role="list" aria-label={label}>
      <div className="question-head" aria-hidden="true">
        {QUESTION_MESSAGES.columns.map((column) => (
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
