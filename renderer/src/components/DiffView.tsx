import type { ReactNode } from 'react';
import type { Confidence, Inference, SnapshotDiff } from '../../../contract/snapshot.js';
import { churnCounts, connectionChurn, type ChurnRow } from '../../../common/connection-churn.js';
import { diffIsEmpty } from '../../../common/diff.js';
import { formatConnection, formatValue } from '../../../common/format.js';
import type { Language } from '../../../common/i18n/languages.js';
import { renderStatement } from '../../../common/i18n/render.js';
import type { MessageKey } from '../../../common/i18n/translate.js';
import { inferenceChange, inferenceShort } from '../../../common/inference-label.js';
import { countryLabel } from '../../../common/overview.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { dateTime, formatCount } from '../lib/data-format.js';

const LIST_LIMIT = 100;

const WITH_CONFIDENCE = {
  low: 'diff.inference.low',
  medium: 'diff.inference.medium',
  high: 'diff.inference.high',
} as const satisfies Record<Confidence, MessageKey>;

function Part<T>({ title, items, render }: { title: string; items: readonly T[]; render: (item: T) => ReactNode }) {
  const t = useT();
  const language = useLanguage();
  if (items.length === 0) return null;
  return (
    <section className="diff-part">
      <h4>
        {title} <span className="count">{formatCount(items.length, language)}</span>
      </h4>
      <ul>
        {items.slice(0, LIST_LIMIT).map((item, index) => (
          <li key={index}>{render(item)}</li>
        ))}
      </ul>
      {items.length > LIST_LIMIT && <p className="muted">{t('diff.more', { count: formatCount(items.length - LIST_LIMIT, language) })}</p>}
    </section>
  );
}

/** The statement in the language in force: from its messages, else its English text. */
const statementOf = (inference: Inference, language: Language) =>
  inference.message ? renderStatement(inference.message, inference.evidenceMessages ?? [], language) : inference.statement;

const churnText = (row: ChurnRow) => `${churnCounts(row)} ${row.label}`;

/** Opened and closed connections as counts per tool and per remote; each socket on request. */
function Churn({ diff, toolName }: { diff: SnapshotDiff; toolName: (id: string) => string }) {
  const t = useT();
  const language = useLanguage();
  const churn = connectionChurn(diff, toolName, language);
  if (churn.opened + churn.closed === 0) return null;
  return (
    <section className="diff-part">
      <h4>{t('diff.connections', { opened: formatCount(churn.opened, language), closed: formatCount(churn.closed, language) })}</h4>
      <Part title={t('diff.by-tool')} items={churn.byTool} render={churnText} />
      <Part title={t('diff.by-remote')} items={churn.byRemote} render={churnText} />
      <details>
        <summary>{t('diff.every-connection')}</summary>
        {/* Each socket as a technical line (process, addresses, state): monospaced, like a log. */}
        <Part title={t('diff.connections-opened')} items={diff.connectionsOpened} render={(c) => <span className="mono">{formatConnection(c, language)}</span>} />
        <Part title={t('diff.connections-closed')} items={diff.connectionsClosed} render={(c) => <span className="mono">{formatConnection(c, language)}</span>} />
      </details>
    </section>
  );
}

/** What changed between a previous snapshot and the current one. `toolName` names tools by id. */
export function DiffView({ diff, toolName = (id) => id }: { diff: SnapshotDiff; toolName?: (id: string) => string }) {
  const t = useT();
  const language = useLanguage();
  /** The short value; the full statement on hover. */
  const inferenceText = (inference: Inference) => (
    <span title={statementOf(inference, language)}>{t(WITH_CONFIDENCE[inference.confidence], { value: inferenceShort(inference, language) })}</span>
  );
  return (
    <div className="diff" aria-label={t('diff.label')}>
      <p title={`${diff.from} → ${diff.to}`}>{t('diff.range', { from: dateTime(diff.from, language), to: dateTime(diff.to, language) })}</p>
      {diffIsEmpty(diff) && <p>{t('diff.none')}</p>}
      <Part title={t('diff.tools-installed')} items={diff.toolsAdded} render={toolName} />
      <Part title={t('diff.tools-removed')} items={diff.toolsRemoved} render={toolName} />
      <Part title={t('diff.tools-started')} items={diff.toolsStarted} render={toolName} />
      <Part title={t('diff.tools-stopped')} items={diff.toolsStopped} render={toolName} />
      <Part
        title={t('diff.endpoints')}
        items={diff.endpointsAdded}
        render={(e) => (e.toolId ? t('diff.endpoint-of', { endpoint: e.endpoint, tool: toolName(e.toolId) }) : e.endpoint)}
      />
      <Part title={t('diff.countries')} items={diff.countriesAdded} render={(country) => countryLabel(country, language)} />
      <Part title={t('diff.inferences-added')} items={diff.inferencesAdded} render={inferenceText} />
      <Part title={t('diff.inferences-removed')} items={diff.inferencesRemoved} render={inferenceText} />
      <Part title={t('diff.inferences-changed')} items={diff.inferencesChanged} render={({ before, after }) => inferenceChange(before, after, language)} />
      <Part
        title={t('diff.signals-changed')}
        items={diff.signalsChanged}
        render={(s) => (
          <>
            <code>{s.id}</code>: {formatValue(s.before, t('data.dash'), language)} → {formatValue(s.after, t('data.dash'), language)}
          </>
        )}
      />
      <Churn diff={diff} toolName={toolName} />
    </div>
  );
}
