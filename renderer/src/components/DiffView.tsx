import type { ReactNode } from 'react';
import type { Inference, SnapshotDiff } from '../../../contract/snapshot.js';
import { churnCounts, connectionChurn, type ChurnRow } from '../../../common/connection-churn.js';
import { diffIsEmpty } from '../../../common/diff.js';
import { formatConnection, formatValue } from '../../../common/format.js';
import { inferenceChange, inferenceShort } from '../../../common/inference-label.js';
import { clockTime } from '../lib/time.js';

const LIST_LIMIT = 100;

function Part<T>({ title, items, render }: { title: string; items: readonly T[]; render: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section className="diff-part">
      <h4>
        {title} <span className="count">{items.length}</span>
      </h4>
      <ul>
        {items.slice(0, LIST_LIMIT).map((item, index) => (
          <li key={index}>{render(item)}</li>
        ))}
      </ul>
      {items.length > LIST_LIMIT && <p className="muted">and {items.length - LIST_LIMIT} more</p>}
    </section>
  );
}

/** The short value; the full statement on hover. */
const inferenceText = (inference: Inference) => <span title={inference.statement}>{`${inferenceShort(inference)} (${inference.confidence} confidence)`}</span>;
const churnText = (row: ChurnRow) => `${churnCounts(row)} ${row.label}`;

/** Opened and closed connections as counts per tool and per remote; each socket on request. */
function Churn({ diff, toolName }: { diff: SnapshotDiff; toolName?: (id: string) => string }) {
  const churn = connectionChurn(diff, toolName);
  if (churn.opened + churn.closed === 0) return null;
  return (
    <section className="diff-part">
      <h4>
        Connections: {churn.opened} opened, {churn.closed} closed
      </h4>
      <Part title="By tool" items={churn.byTool} render={churnText} />
      <Part title="By remote" items={churn.byRemote} render={churnText} />
      <details>
        <summary>Every connection</summary>
        <Part title="Opened" items={diff.connectionsOpened} render={formatConnection} />
        <Part title="Closed" items={diff.connectionsClosed} render={formatConnection} />
      </details>
    </section>
  );
}

/** What changed between a previous snapshot and the current one. `toolName` names tools by id. */
export function DiffView({ diff, toolName = (id) => id }: { diff: SnapshotDiff; toolName?: (id: string) => string }) {
  return (
    <div className="diff" aria-label="Differences">
      <p>
        From <time dateTime={diff.from}>{clockTime(diff.from)} ({diff.from})</time> to{' '}
        <time dateTime={diff.to}>{clockTime(diff.to)} ({diff.to})</time>
      </p>
      {diffIsEmpty(diff) && <p>No differences.</p>}
      <Part title="Tools added" items={diff.toolsAdded} render={toolName} />
      <Part title="Tools removed" items={diff.toolsRemoved} render={toolName} />
      <Part title="Tools started" items={diff.toolsStarted} render={toolName} />
      <Part title="Tools stopped" items={diff.toolsStopped} render={toolName} />
      <Part
        title="Endpoints added"
        items={diff.endpointsAdded}
        render={(e) => `${e.endpoint}${e.toolId ? ` (${toolName(e.toolId)})` : ''}`}
      />
      <Part title="New countries" items={diff.countriesAdded} render={(country) => country} />
      <Part title="Inferences added" items={diff.inferencesAdded} render={inferenceText} />
      <Part title="Inferences removed" items={diff.inferencesRemoved} render={inferenceText} />
      <Part title="Inferences changed" items={diff.inferencesChanged} render={({ before, after }) => inferenceChange(before, after)} />
      <Part
        title="Signals changed"
        items={diff.signalsChanged}
        render={(s) => (
          <>
            <code>{s.id}</code>: {formatValue(s.before, '—')} → {formatValue(s.after, '—')}
          </>
        )}
      />
      <Churn diff={diff} toolName={toolName} />
    </div>
  );
}
