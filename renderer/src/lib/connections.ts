import type { Connection, Process, RemoteInfo, Tool } from '../../../contract/snapshot.js';
import type { ProcessIndex } from '../../../common/processes.js';
import { formatEndpoint } from '../../../common/format.js';

export type SortKey = 'process' | 'pid' | 'tool' | 'remote' | 'country' | 'org' | 'state';
export type SortDirection = 'ascending' | 'descending';
export type ConnectionSort = { key: SortKey; direction: SortDirection };

export type ConnectionFilter = {
  text: string;
  /** Tool id; '' for any tool. */
  tool: string;
  /** ISO country code; '' for any. */
  country: string;
  /** Socket state; '' for any. */
  state: string;
};

export const NO_FILTER: ConnectionFilter = { text: '', tool: '', country: '', state: '' };

/** One connection with what filtering and sorting need, computed once per snapshot. */
export type ConnectionRow = {
  connection: Connection;
  /** Its owner, from the snapshot's process list; null when unknown. */
  process: Process | null;
  key: string;
  toolName: string;
  remote: string;
  /** Lower-case text the free-text filter searches. */
  haystack: string;
};

/** "AS4134 Chinanet", either part alone, or "" when nothing is known. */
export function formatOrg(remote: RemoteInfo | null): string {
  return [remote?.asn != null ? `AS${remote.asn}` : null, remote?.org].filter(Boolean).join(' ');
}

export function toRows(connections: readonly Connection[], tools: readonly Tool[], processes: ProcessIndex): ConnectionRow[] {
  const toolNames = new Map(tools.map((tool) => [tool.id, tool.name]));
  return connections.map((connection, index) => {
    const process = connection.pid === null ? null : (processes.get(connection.pid) ?? null);
    const toolName = connection.toolId ? (toolNames.get(connection.toolId) ?? connection.toolId) : '';
    const remote = formatEndpoint(connection.remoteAddress, connection.remotePort);
    const haystack = [
      connection.pid === null ? null : `pid ${connection.pid}`,
      process?.name,
      process?.command,
      formatEndpoint(connection.localAddress, connection.localPort),
      remote,
      connection.remote?.host,
      connection.remote?.country,
      connection.remote?.org,
      toolName,
      connection.toolId,
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    const key = `${connection.protocol}|${connection.pid}|${connection.localAddress}:${connection.localPort}|${remote}|${index}`;
    return { connection, process, key, toolName, remote, haystack };
  });
}

export function filterRows(rows: readonly ConnectionRow[], filter: ConnectionFilter): ConnectionRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    ({ connection, haystack }) =>
      (!filter.tool || connection.toolId === filter.tool) &&
      (!filter.country || connection.remote?.country === filter.country) &&
      (!filter.state || connection.state === filter.state) &&
      (!needle || haystack.includes(needle)),
  );
}

type SortValue = string | number | null;

const SORT_VALUES: Record<SortKey, (row: ConnectionRow) => SortValue> = {
  process: (row) => row.process?.name || null,
  pid: (row) => row.connection.pid,
  tool: (row) => row.toolName || null,
  remote: (row) => row.remote || null,
  country: (row) => row.connection.remote?.country ?? null,
  org: (row) => row.connection.remote?.org ?? null,
  state: (row) => row.connection.state,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy; empty values always go last, ties keep their order (Array#sort is stable). */
export function sortRows(rows: readonly ConnectionRow[], sort: ConnectionSort): ConnectionRow[] {
  const valueOf = SORT_VALUES[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Read each value once: the comparator runs n log n times.
  const decorated = rows.map((row) => ({ row, value: valueOf(row) }));
  decorated.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return order * sign;
  });
  return decorated.map((entry) => entry.row);
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort(current: ConnectionSort, key: SortKey): ConnectionSort {
  return current.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: 'ascending' };
}

/** Distinct values for the dropdown filters, sorted. */
export function filterOptions(rows: readonly ConnectionRow[]): {
  tools: { id: string; name: string }[];
  countries: string[];
  states: string[];
} {
  const tools = new Map<string, string>();
  const countries = new Set<string>();
  const states = new Set<string>();
  for (const { connection, toolName } of rows) {
    if (connection.toolId) tools.set(connection.toolId, toolName);
    if (connection.remote?.country) countries.add(connection.remote.country);
    states.add(connection.state);
  }
  return {
    tools: [...tools].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
    countries: [...countries].sort(),
    states: [...states].sort(),
  };
}
