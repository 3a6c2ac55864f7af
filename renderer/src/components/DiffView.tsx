import type { ReactNode } from 'react';
import type { Inference, SnapshotDiff } from '../../../contract/snapshot.js';
import { diffIsEmpty } from '../../../common/diff.js';
import { formatConnection, formatValue } from '../../../common/format.js';
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

const inferenceText = (inference: Inference) => `${inference.statement} (${inference.confidence} confidence)`;

/** What changed between a previous snapshot and the current one. */
export function DiffView({ diff }: { diff: SnapshotDiff }) {
  return (
    <div className="diff" aria-label="Differences">
      <p>
        From <time dateTime={diff.from}>{clockTime(diff.from)} ({diff.from})</time> to{' '}
        <time dateTime={diff.to}>{clockTime(diff.to)} ({diff.to})</time>
      </p>
      {diffIsEmpty(diff) && <p>No differences.</p>}
      <Part title="Tools added" items={diff.toolsAdded} render={(id) => id} />
      <Part title="Tools removed" items={diff.toolsRemoved} render={(id) => id} />
      <Part title="Tools started" items={diff.toolsStarted} render={(id) => id} />
      <Part title="Tools stopped" items={diff.toolsStopped} render={(id) => id} />
      <Part
        title="Endpoints added"
        items={diff.endpointsAdded}
        render={(e) => `${e.endpoint}${e.toolId ? ` (${e.toolId})` : ''}`}
      />
      <Part title="New countries" items={diff.countriesAdded} render={(country) => country} />
      <Part title="Inferences added" items={diff.inferencesAdded} render={inferenceText} />
      <Part title="Inferences removed" items={diff.inferencesRemoved} render={inferenceText} />
      <Part
        title="Inferences changed"
        items={diff.inferencesChanged}
        render={({ before, after }) => `${inferenceText(before)} → ${inferenceText(after)}`}
      />
      <Part
        title="Signals changed"
        items={diff.signalsChanged}
        render={(s) => (
          <>
            <code>{s.id}</code>: {formatValue(s.before, '—')} → {formatValue(s.after, '—')}
          </>
        )}
      />
      <Part title="Connections opened" items={diff.connectionsOpened} render={formatConnection} />
      <Part title="Connections closed" items={diff.connectionsClosed} render={formatConnection} />
    </div>
  );
}
