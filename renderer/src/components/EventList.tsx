import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { MonitorEventType } from '../../../contract/events.js';
import { HISTORY_RANGE_MS, type HistoryRange } from '../../../contract/history.js';
import type { Tool } from '../../../contract/snapshot.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countKey, dateTime, formatCount } from '../lib/data-format.js';
import { EVENT_TYPE_KEYS, eventText, toolNameLookup } from '../lib/event-text.js';
import { ErrorMessage } from './ErrorMessage.js';

const EVENT_TYPES = Object.keys(EVENT_TYPE_KEYS) as MonitorEventType[];
const LIMIT = 300;

type Props = { api: TelltaleApi; range: HistoryRange; tools: readonly Tool[]; seq: number };

/** The history's change events in the range, newest first, filtered by type and tool. */
export function EventList({ api, range, tools, seq }: Props) {
  const t = useT();
  const language = useLanguage();
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
      <h3 id="events-title">{t('events.title')}</h3>
      <div className="toolbar">
        <label>
          {t('events.kind')}{' '}
          <select value={type} onChange={(event) => setType(event.target.value as MonitorEventType | '')}>
            <option value="">{t('events.any')}</option>
            {EVENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(EVENT_TYPE_KEYS[value])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('events.tool')}{' '}
          <select value={toolId} onChange={(event) => setToolId(event.target.value)}>
            <option value="">{t('events.any')}</option>
            {sortedTools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <ErrorMessage message={t('events.error', { error })} />}
      {data && (
        <>
          <p className="table-meta" role="status">
            {t(countKey(data.events.length, { one: 'data.events.one', other: 'data.events.other' }), { count: formatCount(data.events.length, language) })}
            {data.truncated && t('events.truncated', { limit: formatCount(LIMIT, language) })}
          </p>
          {data.events.length > 0 && (
            <ol className="event-list" aria-label={t('events.list')}>
              {data.events.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.at} title={entry.at}>
                    {dateTime(entry.at, language)}
                  </time>{' '}
                  <span className="event-kind">{t(EVENT_TYPE_KEYS[entry.event.type])}</span>{' '}
                  <span>{eventText(entry.event, name, language)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
