import { useCallback, useDeferredValue, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
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
  toRows,
  type ConnectionFilter,
  type ConnectionRow,
  type ConnectionsViewState,
  type SocketKind,
  type SortKey,
} from '../lib/connections.js';
import { tableItems } from '../lib/connection-groups.js';
import { clockTime } from '../lib/time.js';
import { CaptureNotice } from '../components/CaptureNotice.js';
import { RecentAttempts } from '../components/RecentAttempts.js';
import { toolNameLookup } from '../lib/event-text.js';
import type { LiveContext } from '../lib/live-context.js';
import { useNewRows } from '../hooks/useNewRows.js';

type Frozen = Pick<Snapshot, 'connections' | 'processes' | 'tools' | 'takenAt'>;

const KIND_LABELS: Record<SocketKind, string> = { loopback: 'loopback', listening: 'listening', unowned: 'without a process' };

type Props = {
  snapshot: Snapshot;
  live: LiveContext;
  /** Kept by the app, so the filter, toggles, sort and grouping survive a visit to another view. */
  state: ConnectionsViewState;
  onState: Dispatch<SetStateAction<ConnectionsViewState>>;
};

export function ConnectionsView({ snapshot, live, state, onState }: Props) {
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
  const newSince = useNewRows(source.takenAt, () => rows.map((row) => row.identity));
  const isNew = useCallback((row: ConnectionRow) => newSince.has(row.identity), [newSince]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const applied = useMemo<ConnectionFilter>(() => ({ ...filter, text }), [filter, text]);
  const filtered = useMemo(() => filterRows(rows, applied), [rows, applied]);
  const counts = useMemo(() => kindCounts(rows, applied), [rows, applied]);
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
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
      <h2 id="connections-title">Connections</h2>
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter connections"
          placeholder="Filter: pid, process, address:port, host, country, org, tool"
          value={filter.text}
          onChange={(event) => updateFilter({ text: event.target.value })}
        />
        <label>
          Tool{' '}
          <select value={filter.tool} onChange={(event) => updateFilter({ tool: event.target.value })}>
            <option value="">Any</option>
            {options.tools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Country{' '}
          <select value={filter.country} onChange={(event) => updateFilter({ country: event.target.value })}>
            <option value="">Any</option>
            {options.countries.map((country) => (
              <option key={country}>{country}</option>
            ))}
          </select>
        </label>
        <label>
          State{' '}
          <select value={filter.state} onChange={(event) => updateFilter({ state: event.target.value })}>
            <option value="">Any</option>
            {options.states.map((state) => (
              <option key={state}>{state}</option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={frozen !== null} onClick={toggleFreeze}>
          Freeze
        </button>
      </div>
      <fieldset className="toolbar socket-kinds">
        <legend className="sr-only">Show background sockets</legend>
        {SOCKET_KINDS.map((kind) => (
          <label key={kind} className="check-inline">
            <input
              type="checkbox"
              checked={filter.show[kind]}
              onChange={(event) => updateFilter({ show: { ...filter.show, [kind]: event.target.checked } })}
            />{' '}
            Show {KIND_LABELS[kind]} ({counts[kind]}
            {filter.show[kind] ? '' : ' hidden'})
          </label>
        ))}
        <label className="check-inline">
          <input type="checkbox" checked={grouped} onChange={(event) => update({ grouped: event.target.checked })} /> Group by app
        </label>
      </fieldset>
      <div className="table-meta meta-row">
        <p role="status">
          {sorted.length} of {rows.length} connections
          {frozen && <span className="frozen"> · frozen at {clockTime(frozen.takenAt)}; live updates are not applied</span>}
        </p>
        <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      </div>
      <ConnectionTable
        items={items}
        allRows={rows}
        sort={sort}
        onSort={(key: SortKey) => update({ sort: nextSort(sort, key) })}
        onToggleRow={(row) => setOpen((current) => new Set(toggle(current, row.identity)))}
        onToggleGroup={(id) => update({ collapsed: toggle(collapsed, id) })}
        isNew={isNew}
      />
      <section aria-labelledby="attempts-title" className="recent-attempts">
        <h3 id="attempts-title">Recent connection attempts ({live.attempts.length})</h3>
        <RecentAttempts attempts={live.attempts} name={name} label="Recent connection attempts" />
      </section>
    </section>
  );
}
