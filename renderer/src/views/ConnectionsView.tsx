import { useDeferredValue, useMemo, useState } from 'react';
import type { Snapshot } from '../../../contract/snapshot.js';
import { processIndex } from '../../../common/processes.js';
import { ConnectionTable } from '../components/ConnectionTable.js';
import {
  filterOptions,
  filterRows,
  nextSort,
  NO_FILTER,
  sortRows,
  toRows,
  type ConnectionFilter,
  type ConnectionSort,
  type SortKey,
} from '../lib/connections.js';
import { clockTime } from '../lib/time.js';
import { CaptureNotice } from '../components/CaptureNotice.js';
import { RecentAttempts } from '../components/RecentAttempts.js';
import { toolNameLookup } from '../lib/event-text.js';
import type { LiveContext } from '../lib/live-context.js';

type Frozen = Pick<Snapshot, 'connections' | 'processes' | 'tools' | 'takenAt'>;

export function ConnectionsView({ snapshot, live }: { snapshot: Snapshot; live: LiveContext }) {
  const [filter, setFilter] = useState<ConnectionFilter>(NO_FILTER);
  const [sort, setSort] = useState<ConnectionSort>({ key: 'process', direction: 'ascending' });
  const [frozen, setFrozen] = useState<Frozen | null>(null);
  // Typing stays responsive with 10,000 rows: the filter catches up after the keystroke renders.
  const text = useDeferredValue(filter.text);

  const source = frozen ?? snapshot;
  const rows = useMemo(
    () => toRows(source.connections, source.tools, processIndex(source)),
    [source.connections, source.tools, source.processes], // eslint-disable-line react-hooks/exhaustive-deps -- source itself changes identity with every delta
  );
  const options = useMemo(() => filterOptions(rows), [rows]);
  const filtered = useMemo(
    () => filterRows(rows, { text, tool: filter.tool, country: filter.country, state: filter.state }),
    [rows, text, filter.tool, filter.country, filter.state],
  );
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);

  const name = useMemo(() => toolNameLookup(snapshot.tools), [snapshot.tools]);
  const update = (patch: Partial<ConnectionFilter>) => setFilter((current) => ({ ...current, ...patch }));
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
          onChange={(event) => update({ text: event.target.value })}
        />
        <label>
          Tool{' '}
          <select value={filter.tool} onChange={(event) => update({ tool: event.target.value })}>
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
          <select value={filter.country} onChange={(event) => update({ country: event.target.value })}>
            <option value="">Any</option>
            {options.countries.map((country) => (
              <option key={country}>{country}</option>
            ))}
          </select>
        </label>
        <label>
          State{' '}
          <select value={filter.state} onChange={(event) => update({ state: event.target.value })}>
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
      <div className="table-meta meta-row">
        <p role="status">
          {sorted.length} of {rows.length} connections
          {frozen && <span className="frozen"> · frozen at {clockTime(frozen.takenAt)}; live updates are not applied</span>}
        </p>
        <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      </div>
      <ConnectionTable
        rows={sorted}
        sort={sort}
        onSort={(key: SortKey) => setSort((current) => nextSort(current, key))}
      />
      <section aria-labelledby="attempts-title" className="recent-attempts">
        <h3 id="attempts-title">Recent connection attempts ({live.attempts.length})</h3>
        <RecentAttempts attempts={live.attempts} name={name} label="Recent connection attempts" />
      </section>
    </section>
  );
}
