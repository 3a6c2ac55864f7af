import { useDeferredValue, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { Snapshot } from '../../../contract/snapshot.js';
import { processIndex } from '../../../common/processes.js';
import { ConnectionTable } from '../components/ConnectionTable.js';
import {
  filterOptions,
  filterRows,
  kindCounts,
  nextSort,
  sortRows,
  SOCKET_KINDS,
  stateLabel,
  toRows,
  type ConnectionFilter,
  type ConnectionsViewState,
  type SocketKind,
  type SortKey,
} from '../lib/connections.js';
import { tableItems } from '../lib/connection-groups.js';
import { clockTime } from '../lib/time.js';
import { unseenCount } from '../lib/new-rows.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countryName } from '../../../common/i18n/names.js';
import type { MessageKey } from '../../../common/i18n/translate.js';
import { CaptureNotice } from '../components/CaptureNotice.js';
import { RecentAttempts } from '../components/RecentAttempts.js';
import { toolNameLookup } from '../lib/event-text.js';
import type { LiveContext } from '../lib/live-context.js';
import { useNewRows } from '../hooks/useNewRows.js';

type Frozen = Pick<Snapshot, 'connections' | 'processes' | 'tools' | 'takenAt'>;

/** Each toggle's label, while its rows are shown and while hidden (with how many). */
const KIND_LABELS = {
  loopback: { shown: 'conn.kind.loopback.shown', hidden: 'conn.kind.loopback.hidden' },
  listening: { shown: 'conn.kind.listening.shown', hidden: 'conn.kind.listening.hidden' },
  unowned: { shown: 'conn.kind.unowned.shown', hidden: 'conn.kind.unowned.hidden' },
} as const satisfies Record<SocketKind, { shown: MessageKey; hidden: MessageKey }>;

type Props = {
  snapshot: Snapshot;
  live: LiveContext;
  /** Kept by the app, so the filter, toggles, sort and grouping survive a visit to another view. */
  state: ConnectionsViewState;
  onState: Dispatch<SetStateAction<ConnectionsViewState>>;
};

export function ConnectionsView({ snapshot, live, state, onState }: Props) {
  const t = useT();
  const language = useLanguage();
  const number = useMemo(() => new Intl.NumberFormat(language), [language]);
  const { filter, sort, grouped } = state;
  const [frozen, setFrozen] = useState<Frozen | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Typing stays responsive with 10,000 rows: the filter catches up after the keystroke renders.
  const text = useDeferredValue(filter.text);

  const source = frozen ?? snapshot;
  const rows = useMemo(
    () => toRows(source.connections, source.tools, processIndex(source)),
    [source.connections, source.tools, source.processes], // eslint-disable-line react-hooks/exhaustive-deps -- source itself changes identity with every delta
  );
  const fresh = useNewRows(source.takenAt, () => rows.map((row) => row.identity));
  const options = useMemo(() => filterOptions(rows), [rows]);
  const applied = useMemo<ConnectionFilter>(() => ({ ...filter, text }), [filter, text]);
  const filtered = useMemo(() => filterRows(rows, applied), [rows, applied]);
  const counts = useMemo(() => kindCounts(rows, applied), [rows, applied]);
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
  // New rows the filters show and the user has not seen yet.
  const unseen = useMemo(() => unseenCount(fresh.unseen, filtered), [fresh.unseen, filtered]);
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed]);
  const items = useMemo(() => tableItems(sorted, { grouped, collapsed, open }), [sorted, grouped, collapsed, open]);

  const name = useMemo(() => toolNameLookup(snapshot.tools), [snapshot.tools]);
  const update = (patch: Partial<ConnectionsViewState>) => onState((current) => ({ ...current, ...patch }));
  const updateFilter = (patch: Partial<ConnectionFilter>) => onState((current) => ({ ...current, filter: { ...current.filter, ...patch } }));
  const toggle = <T,>(set: ReadonlySet<T>, value: T): T[] => (set.has(value) ? [...set].filter((v) => v !== value) : [...set, value]);
  const toggleFreeze = () =>
    setFrozen((current) =>
      current
        ? null
        : { connections: snapshot.connections, processes: snapshot.processes, tools: snapshot.tools, takenAt: snapshot.takenAt },
    );

  return (
    <section aria-labelledby="connections-title" className="connections">
      <h2 id="connections-title">{t('conn.title')}</h2>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('conn.filter.label')}
          placeholder={t('conn.filter.placeholder')}
          value={filter.text}
          onChange={(event) => updateFilter({ text: event.target.value })}
        />
        <label>
          {t('conn.filter.tool')}{' '}
          <select value={filter.tool} onChange={(event) => updateFilter({ tool: event.target.value })}>
            <option value="">{t('conn.filter.any')}</option>
            {options.tools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('conn.filter.country')}{' '}
          <select value={filter.country} onChange={(event) => updateFilter({ country: event.target.value })}>
            <option value="">{t('conn.filter.any')}</option>
            {options.countries.map((code) => {
              const name = countryName(code, language);
              return (
                <option key={code} value={code}>
                  {name ? t('conn.filter.countryOption', { name, code }) : code}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('conn.filter.state')}{' '}
          <select value={filter.state} onChange={(event) => updateFilter({ state: event.target.value })}>
            <option value="">{t('conn.filter.any')}</option>
            {options.states.map((raw) => {
              const label = stateLabel(raw, t);
              return (
                <option key={raw} value={raw}>
                  {label === raw ? raw : t('conn.filter.stateOption', { label, state: raw })}
                </option>
              );
            })}
          </select>
        </label>
        <button type="button" aria-pressed={frozen !== null} onClick={toggleFreeze}>
          {t('conn.freeze')}
        </button>
      </div>
      <fieldset className="toolbar socket-kinds">
        <legend className="sr-only">{t('conn.kinds.legend')}</legend>
        {SOCKET_KINDS.map((kind) => (
          <label key={kind} className="check-inline">
            <input
              type="checkbox"
              checked={filter.show[kind]}
              onChange={(event) => updateFilter({ show: { ...filter.show, [kind]: event.target.checked } })}
            />{' '}
            {t(filter.show[kind] ? KIND_LABELS[kind].shown : KIND_LABELS[kind].hidden, { count: number.format(counts[kind]) })}
          </label>
        ))}
        <label className="check-inline">
          <input type="checkbox" checked={grouped} onChange={(event) => update({ grouped: event.target.checked })} /> {t('conn.groupByApp')}
        </label>
      </fieldset>
      <div className="table-meta meta-row">
        <p role="status">
          {t('conn.shownOfTotal', { shown: number.format(sorted.length), total: number.format(rows.length) })}
          {frozen && <span className="frozen">{t('conn.frozenAt', { time: clockTime(frozen.takenAt, language) })}</span>}
        </p>
        {unseen > 0 && (
          <p className="unseen-rows">
            <span role="status" className="unseen-count">
              {t('conn.unseen', { count: number.format(unseen) })}
            </span>{' '}
            <button type="button" onClick={fresh.markAllSeen}>
              {t('conn.markAllSeen')}
            </button>
          </p>
        )}
        <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      </div>
      <ConnectionTable
        items={items}
        allRows={rows}
        sort={sort}
        onSort={(key: SortKey) => update({ sort: nextSort(sort, key) })}
        onToggleRow={(row) => setOpen((current) => new Set(toggle(current, row.identity)))}
        onToggleGroup={(id) => update({ collapsed: toggle(collapsed, id) })}
        unseen={fresh.unseen}
        watchRow={fresh.watchRow}
      />
      <section aria-labelledby="attempts-title" className="recent-attempts">
        <h3 id="attempts-title">{t('conn.attempts.title', { count: number.format(live.attempts.length) })}</h3>
        <RecentAttempts attempts={live.attempts} name={name} label={t('conn.attempts.label')} />
      </section>
    </section>
  );
}
