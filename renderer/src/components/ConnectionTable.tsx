import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatOrg, type ConnectionRow, type ConnectionSort, type SortKey } from '../lib/connections.js';

const ROW_HEIGHT = 32;

type Column = { label: string; sortKey?: SortKey; cell: (row: ConnectionRow) => string };

const COLUMNS: Column[] = [
  { label: 'Process', sortKey: 'process', cell: (r) => r.process?.name || '—' },
  { label: 'PID', sortKey: 'pid', cell: (r) => (r.connection.pid === null ? '—' : String(r.connection.pid)) },
  { label: 'Tool', sortKey: 'tool', cell: (r) => r.toolName || '—' },
  { label: 'Remote', sortKey: 'remote', cell: (r) => r.remote || '—' },
  { label: 'Host', cell: (r) => r.connection.remote?.host ?? '—' },
  { label: 'Country', sortKey: 'country', cell: (r) => r.connection.remote?.country ?? '—' },
  { label: 'Org', sortKey: 'org', cell: (r) => formatOrg(r.connection.remote) || '—' },
  { label: 'State', sortKey: 'state', cell: (r) => r.connection.state },
];

type Props = { rows: readonly ConnectionRow[]; sort: ConnectionSort; onSort: (key: SortKey) => void };

/** All connections in a table that renders only the rows in view (fixed row height). */
export function ConnectionTable({ rows, sort, onSort }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  return (
    <>
      <div className="vtable" role="table" aria-label="Connections" aria-rowcount={rows.length + 1}>
        <div role="rowgroup" className="vtable-head">
          <div role="row" aria-rowindex={1} className="vtable-row">
            {COLUMNS.map((column) => (
              <div
                key={column.label}
                role="columnheader"
                aria-sort={column.sortKey ? (sort.key === column.sortKey ? sort.direction : 'none') : undefined}
              >
                {column.sortKey ? (
                  <button type="button" className="sort" onClick={() => onSort(column.sortKey as SortKey)}>
                    {column.label}
                    <span aria-hidden="true">
                      {sort.key === column.sortKey ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : (
                  column.label
                )}
              </div>
            ))}
          </div>
        </div>
        {/* Focusable so the keyboard can scroll it. */}
        <div role="rowgroup" className="vtable-body" ref={scrollRef} tabIndex={0} aria-label="Connection rows">
          <div className="vtable-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="vtable-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {COLUMNS.map((column) => {
                    const text = column.cell(row);
                    return (
                      <div key={column.label} role="cell" title={text}>
                        {text}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {rows.length === 0 && <p className="muted">No connections match.</p>}
    </>
  );
}
