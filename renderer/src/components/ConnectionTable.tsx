import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { formatOrg, stateLabel, type ConnectionRow, type ConnectionSort, type SortKey } from '../lib/connections.js';
import { nextIndex, type TableItem } from '../lib/connection-groups.js';
import { columnWidths, type MeasuredColumn } from '../lib/column-widths.js';
import { useLanguage, useT } from '../hooks/useT.js';
import type { Translate } from '../../../common/i18n/translate.js';
import { countryName } from '../../../common/i18n/names.js';
import { ConnectionDetails } from './ConnectionDetails.js';

const ROW_HEIGHT = 32;
/** Rows whose cells size the columns on first paint (a screenful and then some); all rows right after. */
const FIRST_PAINT_ROWS = 64;
/** Cell padding (0.5rem each side at the table's font size) plus a little slack for rounding. */
const CELL_PADDING_PX = 22;
/** The sort arrow beside a sortable header. */
const SORT_ARROW_PX = 18;
/** The open/closed marker before the process name. */
const MARKER_PX = 16;

/** A column; `title` is the cell's tooltip (the raw value behind a readable label). */
type Column = MeasuredColumn<ConnectionRow> & { id: SortKey | 'host'; sortKey?: SortKey; title?: (row: ConnectionRow) => string | undefined };

const column = (id: Column['id'], label: string, cell: Column['cell'], sortable: boolean, extraPx = 0): Column => ({
  id,
  label,
  cell,
  extraPx: CELL_PADDING_PX + extraPx + (sortable ? SORT_ARROW_PX : 0),
  ...(sortable && id !== 'host' && { sortKey: id }),
});

/** The columns in the language in force: headers, and the state as a readable label with the kernel's name on hover. */
function columnsFor(t: Translate, country: (code: string) => string | undefined): Column[] {
  // A few states, 10,000 rows: translate each state once (the widths read every row's cell).
  const states = new Map<string, string>();
  const state = (raw: string) => {
    let label = states.get(raw);
    if (label === undefined) states.set(raw, (label = stateLabel(raw, t)));
    return label;
  };
  return [
    column('process', t('conn.col.process'), (r) => r.process?.name || '—', true, MARKER_PX),
    column('pid', t('conn.col.pid'), (r) => (r.connection.pid === null ? '—' : String(r.connection.pid)), true),
    column('tool', t('conn.col.tool'), (r) => r.toolName || '—', true),
    column('remote', t('conn.col.remote'), (r) => r.remote || '—', true),
    column('host', t('conn.col.host'), (r) => r.connection.remote?.host ?? '—', false),
    { ...column('country', t('conn.col.country'), (r) => r.connection.remote?.country ?? '—', true), title: (r) => (r.connection.remote?.country ? country(r.connection.remote.country) : undefined) },
    column('org', t('conn.col.org'), (r) => formatOrg(r.connection.remote) || '—', true),
    { ...column('state', t('conn.col.state'), (r) => state(r.connection.state), true), title: (r) => r.connection.state },
  ];
}

/** An element's height, kept up to date (read in an observer, not during render). */
function useHeight(element: HTMLElement | null): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return height;
}

/** Text widths in the table's own fonts (cells, and bold headers), measured on a canvas. */
function useTextMeasure(element: HTMLElement | null): { cell: (text: string) => number; header: (text: string) => number } | null {
  return useMemo(() => {
    const context = element ? document.createElement('canvas').getContext('2d') : null;
    if (!element || !context) return null;
    const style = getComputedStyle(element);
    // Setting the canvas font parses it: set it only when the weight changes, not per text.
    let current = '';
    const measureIn = (weight: string) => {
      const font = `${style.fontStyle} ${weight} ${style.fontSize} ${style.fontFamily}`;
      return (text: string) => {
        if (current !== font) context.font = current = font;
        return context.measureText(text).width;
      };
    };
    return { cell: measureIn(style.fontWeight), header: measureIn('600') };
  }, [element]);
}

type Props = {
  items: readonly TableItem[];
  /** Every row (filtered or not): the columns are as wide as the widest, so they do not jump while filtering. */
  allRows: readonly ConnectionRow[];
  sort: ConnectionSort;
  onSort: (key: SortKey) => void;
  onToggleRow: (row: ConnectionRow) => void;
  onToggleGroup: (id: string) => void;
  /** Identities of the rows new and not yet seen. */
  unseen: ReadonlySet<string>;
  /** Ref for an unseen row's element (it carries data-identity): watched until the user has seen it. */
  watchRow: (element: HTMLElement | null) => (() => void) | undefined;
};

/**
 * The connections in a table that renders only the lines in view. Rows are reached with the
 * keyboard (Tab into the table, arrows, Home/End, Page Up/Down); Enter opens a row's details or
 * folds a tool's group. Columns are as wide as their content; the table scrolls sideways in its own box.
 */
export function ConnectionTable({ items, allRows, sort, onSort, onToggleRow, onToggleGroup, unseen, watchRow }: Props) {
  const t = useT();
  const language = useLanguage();
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const [headElement, setHeadElement] = useState<HTMLDivElement | null>(null);
  const headHeight = useHeight(headElement);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const columns = useMemo(() => columnsFor(t, (code) => countryName(code, language) ?? undefined), [t, language]);
  const measure = useTextMeasure(scrollElement);
  // The first paint sizes the columns from the first rows shown; every row's cells, a render later.
  const firstRows = useMemo(() => items.slice(0, FIRST_PAINT_ROWS).flatMap((item) => (item.kind === 'row' ? [item.row] : [])), [items]);
  const sizingRows = useDeferredValue(allRows, firstRows);
  const widths = useMemo(() => (measure ? columnWidths(columns, sizingRows, measure.cell, measure.header) : null), [measure, columns, sizingRows]);
  const template = widths ? widths.map((px) => `minmax(${px}px, ${px}fr)`).join(' ') : undefined;
  const tableWidth = widths ? widths.reduce((sum, px) => sum + px, 0) : undefined;

  // The same functions while the items stay: a new getItemKey makes the virtualizer lay out every
  // item again (10,000 keys and sizes) on each render, scrolling included.
  const estimateSize = useCallback((index: number) => (items[index]?.kind === 'details' ? 120 : ROW_HEIGHT), [items]);
  const getItemKey = useCallback((index: number) => itemKey(items[index]) ?? index, [items]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollElement,
    estimateSize,
    overscan: 12,
    // The rows start below the sticky header, and scrolling to one keeps it out from under it.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    getItemKey,
    // The row that holds the keyboard focus stays rendered, so Tab comes back to it.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || activeIndex >= items.length ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
  });

  // After a key moved the active row, focus it once it is rendered.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const target = scrollElement?.querySelector<HTMLElement>(`[data-focus-index="${activeIndex}"]`);
    if (target) {
      focusPending.current = false;
      target.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollElement?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextIndex(event.key, activeIndex, items.length, page);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <>
      <div
        className="vtable"
        role="table"
        aria-label={t('conn.table.label')}
        aria-rowcount={items.length + 1}
        ref={setScrollElement}
        style={template ? { ['--vtable-columns' as string]: template, ['--vtable-width' as string]: `${tableWidth}px` } : undefined}
      >
        <div role="rowgroup" className="vtable-head" ref={setHeadElement}>
          <div role="row" aria-rowindex={1} className="vtable-row">
            {columns.map((col) => (
              <div key={col.id} role="columnheader" aria-sort={col.sortKey ? (sort.key === col.sortKey ? sort.direction : 'none') : undefined}>
                {col.sortKey ? (
                  <button type="button" className="sort" onClick={() => onSort(col.sortKey as SortKey)}>
                    {col.label}
                    <span aria-hidden="true">{sort.key === col.sortKey ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  col.label
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vtable-body" aria-label={t('conn.table.rows')} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            if (!item) return null;
            const focus = {
              'data-focus-index': virtual.index,
              tabIndex: virtual.index === activeIndex ? 0 : -1,
              onFocus: () => setActive(virtual.index),
            };
            const isNew = item.kind === 'row' && unseen.has(item.row.identity);
            return (
              <div
                key={virtual.key}
                role="row"
                aria-rowindex={virtual.index + 2}
                data-index={virtual.index}
                data-identity={isNew ? item.row.identity : undefined}
                // Only details vary in height; measuring every row would force a layout per row while scrolling.
                // An unseen row is watched until the user has seen it.
                ref={item.kind === 'details' ? virtualizer.measureElement : isNew ? watchRow : undefined}
                className={lineClass(item, isNew)}
                style={{ transform: `translateY(${virtual.start - headHeight}px)` }}
              >
                <Line item={item} columns={columns} focus={focus} onToggleRow={onToggleRow} onToggleGroup={onToggleGroup} isNew={isNew} />
              </div>
            );
          })}
        </div>
      </div>
      {items.length === 0 && <p className="muted">{t('conn.table.noMatch')}</p>}
    </>
  );
}

function itemKey(item: TableItem | undefined): string | undefined {
  if (!item) return undefined;
  return item.kind === 'group' ? `group:${item.group.id}` : `${item.kind}:${item.row.key}`;
}

function lineClass(item: TableItem, isNew: boolean): string {
  if (item.kind === 'group') return 'vtable-row vtable-group';
  if (item.kind === 'details') return 'vtable-row vtable-details';
  return isNew ? 'vtable-row is-new' : 'vtable-row';
}

/** Open or closed, for the eye; the button's aria-expanded says it to everyone else. */
function Marker({ open }: { open: boolean }) {
  return (
    <span aria-hidden="true" className="marker">
      {open ? '▾' : '▸'}
    </span>
  );
}

type Focus = { 'data-focus-index': number; tabIndex: number; onFocus: () => void };

function Line({
  item,
  columns,
  focus,
  onToggleRow,
  onToggleGroup,
  isNew,
}: { item: TableItem; columns: readonly Column[]; focus: Focus; isNew: boolean } & Pick<Props, 'onToggleRow' | 'onToggleGroup'>) {
  const t = useT();
  if (item.kind === 'group') {
    const { group, collapsed } = item;
    return (
      <div role="cell" className="vtable-span">
        <button type="button" className="vtable-toggle" aria-expanded={!collapsed} onClick={() => onToggleGroup(group.id)} {...focus}>
          <Marker open={!collapsed} />
          {group.id ? group.name : t('conn.group.other')} <span className="muted">({group.rows.length})</span>
        </button>
      </div>
    );
  }
  if (item.kind === 'details') {
    return (
      <div role="cell" className="vtable-span" id={`details-${item.row.key}`}>
        <ConnectionDetails row={item.row} />
      </div>
    );
  }
  const { row, open } = item;
  const [first, ...rest] = columns;
  return (
    <>
      <div role="cell">
        <button
          type="button"
          className="vtable-toggle"
          aria-expanded={open}
          aria-controls={open ? `details-${row.key}` : undefined}
          onClick={() => onToggleRow(row)}
          {...focus}
        >
          <Marker open={open} />
          {first?.cell(row)}
          {isNew && <span className="sr-only">{t('conn.table.newRow')}</span>}
        </button>
      </div>
      {rest.map((col) => (
        <div key={col.id} role="cell" title={col.title?.(row)}>
          {col.cell(row)}
        </div>
      ))}
    </>
  );
}
