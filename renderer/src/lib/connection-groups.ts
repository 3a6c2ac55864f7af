/** The Connections table's lines: rows, optionally under one header per tool, and an opened row's details. */
import type { ConnectionRow } from './connections.js';

/** Rows of one tool ('' for processes no tool owns), in the order given; `name` is the tool's ('' for no tool: the view names that group). */
export type RowGroup = { id: string; name: string; rows: ConnectionRow[] };

export type TableItem =
  | { kind: 'group'; group: RowGroup; collapsed: boolean }
  | { kind: 'row'; row: ConnectionRow; open: boolean }
  | { kind: 'details'; row: ConnectionRow };

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Groups by tool, tools by name, the rows no tool owns last; each group keeps the rows' order. */
export function groupByTool(rows: readonly ConnectionRow[]): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const id = row.connection.toolId ?? '';
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, name: id ? row.toolName : '', rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => Number(a.id === '') - Number(b.id === '') || collator.compare(a.name, b.name));
}

export type ItemOptions = {
  grouped: boolean;
  /** Group ids whose rows are hidden. */
  collapsed: ReadonlySet<string>;
  /** Row identities whose details are shown. */
  open: ReadonlySet<string>;
};

function rowItems(rows: readonly ConnectionRow[], open: ReadonlySet<string>): TableItem[] {
  return rows.flatMap((row): TableItem[] =>
    open.has(row.identity) ? [{ kind: 'row', row, open: true }, { kind: 'details', row }] : [{ kind: 'row', row, open: false }],
  );
}

/** The lines in display order: a header per group (when grouped) and its rows unless collapsed. */
export function tableItems(rows: readonly ConnectionRow[], options: ItemOptions): TableItem[] {
  if (!options.grouped) return rowItems(rows, options.open);
  return groupByTool(rows).flatMap((group): TableItem[] => {
    const collapsed = options.collapsed.has(group.id);
    return [{ kind: 'group', group, collapsed }, ...(collapsed ? [] : rowItems(group.rows, options.open))];
  });
}

/** The index to move to from `index` for a navigation key, or null for any other key. */
export function nextIndex(key: string, index: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + page);
    case 'PageUp':
      return clamp(index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
