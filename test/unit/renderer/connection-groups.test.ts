import { describe, expect, it } from 'vitest';
import { groupByTool, nextIndex, tableItems, type TableItem } from '../../../renderer/src/lib/connection-groups.js';
import { toRows } from '../../../renderer/src/lib/connections.js';
import { processIndex } from '../../../common/processes.js';
import { connection, process, tool } from '../../helpers/snapshot-builders.js';

const tools = [tool(), tool({ id: 'kimi-cli', name: 'Kimi CLI', pids: [7] })];
const rows = toRows(
  [
    connection({ pid: 9, toolId: null, remotePort: 1 }),
    connection({ remotePort: 2 }),
    connection({ pid: 7, toolId: 'kimi-cli', remotePort: 3 }),
    connection({ remotePort: 4 }),
  ],
  tools,
  processIndex({ processes: [process(), process({ pid: 7, name: 'kimi', toolId: 'kimi-cli' }), process({ pid: 9, name: 'curl' })] }),
);
const describeItem = (item: TableItem) =>
  item.kind === 'group' ? `${item.group.name || 'no tool'} (${item.group.rows.length})${item.collapsed ? ' folded' : ''}` : `${item.kind} :${item.row.connection.remotePort}`;

describe('groupByTool', () => {
  it('makes one group per tool, by name, the rows no tool owns last, keeping the rows in order', () => {
    expect(groupByTool(rows).map((g) => [g.id, g.name, g.rows.map((r) => r.connection.remotePort)])).toEqual([
      ['claude-code', 'Claude Code', [2, 4]],
      ['kimi-cli', 'Kimi CLI', [3]],
      ['', '', [1]],
    ]);
  });
});

describe('tableItems', () => {
  const none = new Set<string>();
  it('lists the rows alone, or under a header per tool with its count', () => {
    expect(tableItems(rows, { grouped: false, collapsed: none, open: none }).map(describeItem)).toEqual(['row :1', 'row :2', 'row :3', 'row :4']);
    expect(tableItems(rows, { grouped: true, collapsed: none, open: none }).map(describeItem)).toEqual([
      'Claude Code (2)',
      'row :2',
      'row :4',
      'Kimi CLI (1)',
      'row :3',
      'no tool (1)',
      'row :1',
    ]);
  });

  it("folds a group away but keeps its header and count, and puts an opened row's details under it", () => {
    const open = new Set([rows[3]?.identity ?? '']);
    expect(tableItems(rows, { grouped: true, collapsed: new Set(['kimi-cli', '']), open }).map(describeItem)).toEqual([
      'Claude Code (2)',
      'row :2',
      'row :4',
      'details :4',
      'Kimi CLI (1) folded',
      'no tool (1) folded',
    ]);
  });
});

describe('nextIndex', () => {
  it('moves by one, by a page and to either end, within the list', () => {
    expect(nextIndex('ArrowDown', 0, 5, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 4, 5, 3)).toBe(4);
    expect(nextIndex('ArrowUp', 0, 5, 3)).toBe(0);
    expect(nextIndex('PageDown', 1, 5, 3)).toBe(4);
    expect(nextIndex('PageUp', 4, 5, 3)).toBe(1);
    expect(nextIndex('Home', 3, 5, 3)).toBe(0);
    expect(nextIndex('End', 0, 5, 3)).toBe(4);
    expect(nextIndex('Enter', 0, 5, 3)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 3)).toBeNull();
  });
});
