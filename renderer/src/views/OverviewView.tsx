import { useMemo } from 'react';
import type { Advice, Snapshot, Tool } from '../../../contract/snapshot.js';
import { overviewRows, type OverviewRow, type QuestionId } from '../../../common/overview.js';
import { Badge } from '../components/Badge.js';
import { CommandLine } from '../components/CommandLine.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { confidenceTone } from '../lib/exposure.js';
import { indexSignals } from '../lib/signals.js';
import { toolNames } from '../lib/tools.js';
import type { Signal } from '../../../contract/snapshot.js';

/** The view's words, in one place (to be translated later). */
const MESSAGES = {
  title: 'Overview',
  questions: {
    country: 'Which country you are in',
    proxy: 'Whether you use a proxy, and where',
    employer: 'Who you work for',
    'ai-lab': 'Which AI labs you work with',
    'check-2026': 'Would the 2026 check flag you?',
  } satisfies Record<QuestionId, string>,
  confidence: (c: string) => `${c} confidence`,
  flagged: 'Flagged',
  notFlagged: 'Not flagged',
  nothing: 'Nothing inferred',
  visibleTo: 'Visible to',
  nobody: 'no tool here',
  evidence: 'Evidence',
  advice: 'How to stop disclosing this',
  forTool: (name: string) => ` (for ${name})`,
  noEvidence: 'No signal on this machine supports an answer.',
  counts: (running: number, connections: number) =>
    `${running} tool${running === 1 ? '' : 's'} running · ${connections} connection${connections === 1 ? '' : 's'}`,
  columns: ['Question', 'Answer', 'How sure', 'Visible to'],
};

/** At most three names, then "+N": the row stays one line; the full list is in its details. */
function shortNames(names: readonly string[]): string {
  if (names.length === 0) return MESSAGES.nobody;
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

function RowBadge({ row }: { row: OverviewRow }) {
  if (row.question === 'check-2026') {
    return row.check ? <Badge tone={row.check.flagged ? 'danger' : 'ok'}>{row.check.flagged ? MESSAGES.flagged : MESSAGES.notFlagged}</Badge> : null;
  }
  return row.confidence ? <Badge tone={confidenceTone(row.confidence)}>{MESSAGES.confidence(row.confidence)}</Badge> : <Badge tone="muted">{MESSAGES.nothing}</Badge>;
}

function AdviceList({ advice, tools }: { advice: readonly Advice[]; tools: readonly Tool[] }) {
  return (
    <ul className="advice">
      {advice.map((item, index) => (
        <li key={index}>
          <p>
            {item.text}
            {item.toolId && <span className="muted">{MESSAGES.forTool(toolNames([item.toolId], tools)[0] ?? '')}</span>}
          </p>
          {item.command && <CommandLine command={item.command} />}
        </li>
      ))}
    </ul>
  );
}

function QuestionRow({ row, signals, tools }: { row: OverviewRow; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[] }) {
  const names = toolNames(row.visibleTo, tools);
  const statements = row.check ? [row.check.statement] : row.inferences.map((i) => i.statement);
  return (
    <details className={`question${row.discloses ? ' discloses' : ''}${row.check?.flagged ? ' flagged' : ''}`} data-question={row.question}>
      <summary>
        <span className="q-label">{MESSAGES.questions[row.question]}</span>
        <strong className="q-verdict">{row.verdict}</strong>
        <span className="q-badge">
          <RowBadge row={row} />
        </span>
        <span className="q-tools" title={names.join(', ')}>
          <span className="sr-only">{MESSAGES.visibleTo}: </span>
          {shortNames(names)}
        </span>
      </summary>
      <div className="q-body">
        {statements.map((statement, index) => (
          <p key={index}>{statement}</p>
        ))}
        {row.evidence.length === 0 ? (
          <p className="muted">{MESSAGES.noEvidence}</p>
        ) : (
          <>
            <h4>{MESSAGES.evidence}</h4>
            <EvidenceList ids={row.evidence} signals={signals} />
          </>
        )}
        {names.length > 0 && (
          <p>
            {MESSAGES.visibleTo}: {names.join(', ')}
          </p>
        )}
        {row.advice.length > 0 && (
          <>
            <h4>{MESSAGES.advice}</h4>
            <AdviceList advice={row.advice} tools={tools} />
          </>
        )}
      </div>
    </details>
  );
}

/** Five questions a worried developer asks, one row each, all on one screen; a row opens to its evidence and advice. */
export function OverviewView({ snapshot }: { snapshot: Snapshot }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const rows = useMemo(() => overviewRows(snapshot.inferences, snapshot.checks ?? []), [snapshot.inferences, snapshot.checks]);
  const running = snapshot.tools.filter((tool) => tool.running).length;

  return (
    <section aria-labelledby="overview-title" className="overview">
      <h2 id="overview-title">{MESSAGES.title}</h2>
      {/* The exposure level is the header's badge (once); the rows below say what drives it. */}
      <p className="overview-summary muted">{MESSAGES.counts(running, snapshot.connections.length)}</p>
      <div className="questions" role="list">
        <div className="question-head" aria-hidden="true">
          {MESSAGES.columns.map((column) => (
            <span key={column}>{column}</span>
          ))}
        </div>
        {rows.map((row) => (
          <div role="listitem" key={row.question}>
            <QuestionRow row={row} signals={signals} tools={snapshot.tools} />
          </div>
        ))}
      </div>
    </section>
  );
}
