import { describe, expect, it } from 'vitest';
import {
  filterOptions,
  filterRows,
  formatOrg,
  nextSort,
  NO_FILTER,
  sortRows,
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
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'KIMI CLI' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'chinanet' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'anthropic.com' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: '[2001:db8::1]:443' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'cli.js' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: '8.8.8.8' }))).toEqual([null]);
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'pid 7' }))).toEqual(['kimi']);
    expect(filterRows(rows, { ...NO_FILTER, text: '  ' })).toHaveLength(3);
  });

  it('combines the dropdown filters with the text', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, tool: 'claude-code' }))).toEqual(['node']);
    expect(names(filterRows(rows, { ...NO_FILTER, country: 'CN' }))).toEqual(['kimi']);
    expect(names(filterRows(rows, { ...NO_FILTER, state: 'TIME_WAIT' }))).toEqual([null]);
    expect(filterRows(rows, { ...NO_FILTER, country: 'CN', text: 'anthropic' })).toEqual([]);
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
    const chinese = filterRows(big, { ...NO_FILTER, country: 'CN' });
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
