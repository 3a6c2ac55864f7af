import { describe, expect, it } from 'vitest';
import { translator } from '../../../common/i18n/translate.js';
import {
  DEFAULT_SORT,
  filterOptions,
  kindCounts,
  filterRows,
  formatOrg,
  nextSort,
  NO_FILTER,
  sortRows,
  stateLabel,
  type ConnectionFilter,
  toRows,
  type ConnectionRow,
} from '../../../renderer/src/lib/connections.js';
import { processIndex } from '../../../common/processes.js';
import { connection, process, tool } from '../../helpers/snapshot-builders.js';

const tools = [tool(), tool({ id: 'kimi-cli', name: 'Kimi CLI', pids: [7] })];

const processes = processIndex({
  processes: [process(), process({ pid: 7, name: 'kimi', command: 'kimi chat', toolId: 'kimi-cli' })],
});

const rows = toRows(
  [
    connection(),
    connection({
      pid: 7,
      remoteAddress: '2001:db8::1',
      remotePort: 443,
      remote: { country: 'CN', asn: 4134, org: 'Chinanet', host: 'api.kimi.com' },
      toolId: 'kimi-cli',
    }),
    connection({ pid: null, ownerUnknown: 'no-process', remoteAddress: '8.8.8.8', remotePort: 53, state: 'TIME_WAIT', remote: null, toolId: null }),
  ],
  tools,
  processes,
);

const names = (list: ConnectionRow[]) => list.map((row) => row.process?.name ?? null);
/** Every kind shown: the text and dropdown filters alone. */
const ALL: ConnectionFilter = { ...NO_FILTER, show: { loopback: true, listening: true, unowned: true } };

describe('formatOrg', () => {
  it('joins the ASN and organisation, either alone, or nothing', () => {
    expect(formatOrg({ country: 'CN', asn: 4134, org: 'Chinanet', host: null })).toBe('AS4134 Chinanet');
    expect(formatOrg({ country: null, asn: null, org: 'Chinanet', host: null })).toBe('Chinanet');
    expect(formatOrg({ country: null, asn: 4134, org: null, host: null })).toBe('AS4134');
    expect(formatOrg(null)).toBe('');
  });
});

describe('filterRows', () => {
  it('matches the text case-insensitively against process, command, address, host, country, org and tool name', () => {
    expect(names(filterRows(rows, { ...ALL, text: 'KIMI CLI' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...ALL, text: 'chinanet' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...ALL, text: 'anthropic.com' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...ALL, text: '[2001:db8::1]:443' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...ALL, text: 'cli.js' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...ALL, text: '8.8.8.8' }))).toEqual([null]);
    expect(names(filterRows(rows, { ...ALL, text: 'pid 7' }))).toEqual(['kimi']);
    expect(filterRows(rows, { ...ALL, text: '  ' })).toHaveLength(3);
  });

  it('combines the dropdown filters with the text', () => {
    expect(names(filterRows(rows, { ...ALL, tool: 'claude-code' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...ALL, country: 'CN' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...ALL, state: 'TIME_WAIT' }))).toEqual([null]);
    expect(filterRows(rows, { ...ALL, country: 'CN', text: 'anthropic' })).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts both ways and always puts empty values last', () => {
    expect(names(sortRows(rows, { key: 'process', direction: 'ascending' }))).toEqual(['kimi', 'node', null]);
    expect(names(sortRows(rows, { key: 'process', direction: 'descending' }))).toEqual(['node', 'kimi', null]);
    expect(names(sortRows(rows, { key: 'country', direction: 'ascending' }))).toEqual(['kimi', 'node', null]);
    expect(names(sortRows(rows, { key: 'tool', direction: 'descending' }))).toEqual(['kimi', 'node', null]);
  });

  it('compares pids as numbers and does not change its input', () => {
    const many = toRows([100, 9, 25].map((pid) => connection({ pid })), tools, processes);
    const sorted = sortRows(many, { key: 'pid', direction: 'ascending' });
    expect(sorted.map((row) => row.connection.pid)).toEqual([9, 25, 100]);
    expect(many.map((row) => row.connection.pid)).toEqual([100, 9, 25]);
  });

  it('filters and sorts 20,000 rows and keeps every matching row', () => {
    const big = toRows(
      Array.from({ length: 20_000 }, (_, i) =>
        connection({ pid: i, remote: { country: i % 3 === 0 ? 'CN' : 'US', asn: null, org: null, host: null } }),
      ),
      tools,
      processIndex({ processes: Array.from({ length: 20_000 }, (_, i) => process({ pid: i, name: `proc${i % 50}` })) }),
    );
    const chinese = filterRows(big, { ...ALL, country: 'CN' });
    expect(chinese).toHaveLength(6667);
    const byPid = sortRows(chinese, { key: 'pid', direction: 'descending' });
    expect(byPid[0]?.connection.pid).toBe(19_998);
    expect(byPid.at(-1)?.connection.pid).toBe(0);
    expect(new Set(big.map((row) => row.key)).size).toBe(20_000);
  });
});

describe('nextSort', () => {
  it('flips the current column and starts a new one ascending', () => {
    expect(nextSort({ key: 'pid', direction: 'ascending' }, 'pid')).toEqual({ key: 'pid', direction: 'descending' });
    expect(nextSort({ key: 'pid', direction: 'descending' }, 'pid')).toEqual({ key: 'pid', direction: 'ascending' });
    expect(nextSort({ key: 'pid', direction: 'descending' }, 'org')).toEqual({ key: 'org', direction: 'ascending' });
  });
});

describe('filterOptions', () => {
  it('lists the tools, countries and states present, sorted', () => {
    expect(filterOptions(rows)).toEqual({
      tools: [
        { id: 'claude-code', name: 'Claude Code' },
        { id: 'kimi-cli', name: 'Kimi CLI' },
      ],
      countries: ['CN', 'US'],
      states: ['ESTABLISHED', 'TIME_WAIT'],
    });
  });
});

describe('background sockets (loopback, listening, without a process)', () => {
  const machine = toRows(
    [
      connection(),
      // The browser talking to Telltale on loopback, and Telltale's listening socket.
      connection({ pid: 7, localAddress: '127.0.0.1', localPort: 50_000, remoteAddress: '127.0.0.1', remotePort: 8080, remote: null, toolId: null }),
      connection({ pid: 7, localAddress: '127.0.0.1', localPort: 8080, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null, toolId: null }),
      connection({ pid: 7, localAddress: '::', localPort: 22, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null, toolId: null }),
      connection({ pid: 7, protocol: 'udp', localAddress: '0.0.0.0', localPort: 5353, remoteAddress: null, remotePort: null, state: 'UNCONN', remote: null, toolId: null }),
      connection({ pid: null, ownerUnknown: 'no-process', state: 'TIME_WAIT', toolId: null }),
      connection({ pid: 7, protocol: 'tcp6', localAddress: '::1', localPort: 40_000, remoteAddress: '::1', remotePort: 9000, remote: null, toolId: null }),
    ],
    tools,
    processes,
  );
  const shown = (show: Partial<ConnectionFilter['show']>) =>
    filterRows(machine, { ...NO_FILTER, show: { ...NO_FILTER.show, ...show } }).map((row) => `${row.connection.localAddress}:${row.connection.localPort}`);

  it('are hidden by default and each toggle brings back its own kind', () => {
    expect(shown({})).toEqual(['10.0.0.5:51234']);
    expect(shown({ loopback: true })).toEqual(['10.0.0.5:51234', '127.0.0.1:50000', '::1:40000']);
    expect(shown({ listening: true })).toEqual(['10.0.0.5:51234', ':::22', '0.0.0.0:5353']);
    expect(shown({ unowned: true })).toEqual(['10.0.0.5:51234', '10.0.0.5:51234']);
    // A listening socket on loopback is both: it shows only with both toggles on.
    expect(shown({ loopback: true, listening: true })).toContain('127.0.0.1:8080');
    expect(shown({ loopback: true, listening: true, unowned: true })).toHaveLength(machine.length);
  });

  it('counts per toggle what it hides, among the rows the other filters let through', () => {
    expect(kindCounts(machine, NO_FILTER)).toEqual({ loopback: 3, listening: 3, unowned: 1 });
    expect(kindCounts(machine, { ...NO_FILTER, text: 'pid 7' })).toEqual({ loopback: 3, listening: 3, unowned: 0 });
    expect(kindCounts(machine, { ...NO_FILTER, state: 'LISTEN' })).toEqual({ loopback: 1, listening: 2, unowned: 0 });
  });

  it("follows one socket across samples by its ends and pid, not its place in the list", () => {
    const again = toRows([...machine].reverse().map((row) => row.connection), tools, processes);
    expect(new Set(again.map((row) => row.identity))).toEqual(new Set(machine.map((row) => row.identity)));
    expect(again.map((row) => row.key).reverse()).toEqual(machine.map((row) => row.key));
    // The same socket twice in one list still gets two keys.
    const twice = toRows([connection(), connection()], tools, processes);
    expect(new Set(twice.map((row) => row.key)).size).toBe(2);
  });
});

describe('the default order', () => {
  it("puts the dev tools' rows first, then goes by process name and pid", () => {
    const mixed = toRows(
      [
        connection({ pid: 30, toolId: null }),
        connection({ pid: 7, toolId: 'kimi-cli' }),
        connection({ pid: 4242 }),
        connection({ pid: null, toolId: null }),
        connection({ pid: 12, toolId: null }),
      ],
      tools,
      processIndex({ processes: [process(), process({ pid: 7, name: 'kimi', toolId: 'kimi-cli' }), process({ pid: 12, name: 'curl' }), process({ pid: 30, name: 'curl' })] }),
    );
    expect(DEFAULT_SORT).toEqual({ key: 'tool', direction: 'ascending' });
    expect(sortRows(mixed, DEFAULT_SORT).map((row) => [row.toolName, row.connection.pid])).toEqual([
      ['Claude Code', 4242],
      ['Kimi CLI', 7],
      ['', 12],
      ['', 30],
      ['', null],
    ]);
  });
});

describe('stateLabel', () => {
  it('reads a kernel state in the language in force, and leaves a state it does not know as it is', () => {
    expect(stateLabel('ESTABLISHED', translator('en'))).toBe('connected');
    expect(stateLabel('ESTABLISHED', translator('zh-CN'))).toBe('已连接');
    expect(stateLabel('LISTEN', translator('zh-CN'))).toBe('监听中');
    expect(stateLabel('NEW_SYN_RECV', translator('zh-CN'))).toBe('NEW_SYN_RECV');
    // Not an inherited property taken for a state.
    expect(stateLabel('toString', translator('en'))).toBe('toString');
  });
});
