import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { MonitorEventType } from '../../../contract/events.js';
import { HISTORY_RANGE_MS, type HistoryRange } from '../../../contract/history.js';
import type { Tool } from '../../../contract/snapshot.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { EVENT_TYPE_LABELS, eventText, toolNameLookup } from '../lib/event-text.js';
import { clockTime } from '../lib/time.js';
import { ErrorMessage } from './ErrorMessage.js';

const EVENT_TYPES = Object.keys(EVENT_TYPE_LABELS) as MonitorEventType[];
const LIMIT = 300;

type Props = { api: TelltaleApi; range: HistoryRange; tools: readonly Tool[]; seq: number };

/** The history's change events in the range, newest first, filtered by type and tool. */
export function EventList({ api, range, tools, seq }: Props) {
  const [type, setType] = useState<MonitorEventType | ''>('');
  const [toolId, setToolId] = useState('');
  const run = useCallback(
    () =>
      api.getHistoryEvents({
        since: new Date(Date.now() - HISTORY_RANGE_MS[range]).toISOString(),
        ...(type ? { types: [type] } : {}),
        ...(toolId ? { toolId } : {}),
        limit: LIMIT,
      }),
    [api, range, type, toolId],
  );
  const { data, error, reload } = useApiQuery(run);
  useReloadOnSample(seq, reload);
  const name = useMemo(() => toolNameLookup(tools), [tools]);
  const sortedTools = useMemo(() => [...tools].sort((a, b) => a.name.localeCompare(b.name)), [tools]);

  return (
    <section aria-labelledby="events-title" className="card">
      <h3 id="events-title">Events</h3>
      <div className="toolbar">
        <label>
          Kind{' '}
          <select value={type} onChange={(event) => setType(event.target.value as MonitorEventType | '')}>
            <option value="">Any</option>
            {EVENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {EVENT_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tool{' '}
          <select value={toolId} onChange={(event) => setToolId(event.target.value)}>
            <option value="">Any</option>
            {sortedTools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <ErrorMessage message={`Could not read the events: ${error}`} />}
      {data && (
        <>
          <p className="table-meta" role="status">
            {data.events.length} event{data.events.length === 1 ? '' : 's'}
            {data.truncated && ` (the newest ${LIMIT}; narrow the filter to see older ones)`}
          </p>
          {data.events.length > 0 && (
            <ol className="event-list" aria-label="History events">
              {data.events.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.at} title={entry.at}>
                    {new Date(entry.at).toLocaleDateString()} {clockTime(entry.at)}
                  </time>{' '}
                  <span className="event-kind">{EVENT_TYPE_LABELS[entry.event.type]}</span>{' '}
                  <span>{eventText(entry.event, name)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
