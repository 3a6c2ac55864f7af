import type { Connection, OwnerUnknown, Process, RemoteInfo, Tool } from '../../../contract/snapshot.js';
import type { ProcessIndex } from '../../../common/processes.js';
import { formatEndpoint } from '../../../common/format.js';
import { isListeningSocket, isLoopbackSocket, isUnownedSocket, memoisedClassify } from '../../../common/socket-kinds.js';
import type { AddressClass } from '../../../common/address-class.js';
import type { PlainKey, Translate } from '../../../common/i18n/translate.js';

export type SortKey = 'process' | 'pid' | 'tool' | 'remote' | 'country' | 'org' | 'state';
export type SortDirection = 'ascending' | 'descending';
export type ConnectionSort = { key: SortKey; direction: SortDirection };

/** The dev tools' rows first, then by process. */
export const DEFAULT_SORT: ConnectionSort = { key: 'tool', direction: 'ascending' };

/** Background sockets hidden unless asked for; each is a toggle. */
export const SOCKET_KINDS = ['loopback', 'listening', 'unowned'] as const;
export type SocketKind = (typeof SOCKET_KINDS)[number];
/** Which kinds are shown (true) or hidden (false). */
export type SocketScope = Readonly<Record<SocketKind, boolean>>;

export type ConnectionFilter = {
  text: string;
  /** Tool id; '' for any tool. */
  tool: string;
  /** ISO country code; '' for any. */
  country: string;
  /** Socket state; '' for any. */
  state: string;
  show: SocketScope;
};

export const NO_FILTER: ConnectionFilter = { text: '', tool: '', country: '', state: '', show: { loopback: false, listening: false, unowned: false } };

/** What the Connections view keeps while another view is shown. */
export type ConnectionsViewState = {
  filter: ConnectionFilter;
  sort: ConnectionSort;
  /** Rows under a header per tool. */
  grouped: boolean;
  /** Tool groups folded away (ids; '' is the rows no tool owns). */
  collapsed: readonly string[];
};

export const INITIAL_CONNECTIONS_VIEW: ConnectionsViewState = { filter: NO_FILTER, sort: DEFAULT_SORT, grouped: false, collapsed: [] };

/** One connection with what filtering and sorting need, computed once per snapshot. */
export type ConnectionRow = {
  connection: Connection;
  /** Its owner, from the snapshot's process list; null when unknown. */
  process: Process | null;
  /** Unique in one list and stable across samples (React's key). */
  key: string;
  /** The same socket across samples: what "new since the last sample" and an opened row follow. */
  identity: string;
  toolName: string;
  remote: string;
  /** The background kinds it is (true), which the toggles hide. */
  kinds: SocketScope;
};

/** "AS4134 Chinanet", either part alone, or "" when nothing is known. */
export function formatOrg(remote: RemoteInfo | null): string {
  return [remote?.asn != null ? `AS${remote.asn}` : null, remote?.org].filter(Boolean).join(' ');
}

/** protocol, pid and both ends: one socket, sample after sample (`remote` is its formatted remote end). */
function socketIdentity(connection: Connection, remote: string): string {
  return `${connection.protocol}|${connection.pid}|${formatEndpoint(connection.localAddress, connection.localPort)}|${remote}`;
}

function socketKinds(connection: Connection, classify: (address: string) => AddressClass): SocketScope {
  return { loopback: isLoopbackSocket(connection, classify), listening: isListeningSocket(connection, classify), unowned: isUnownedSocket(connection) };
}

export function toRows(connections: readonly Connection[], tools: readonly Tool[], processes: ProcessIndex): ConnectionRow[] {
  const toolNames = new Map(tools.map((tool) => [tool.id, tool.name]));
  const seen = new Map<string, number>();
  const classify = memoisedClassify();
  return connections.map((connection) => {
    const process = connection.pid === null ? null : (processes.get(connection.pid) ?? null);
    const toolName = connection.toolId ? (toolNames.get(connection.toolId) ?? connection.toolId) : '';
    const remote = formatEndpoint(connection.remoteAddress, connection.remotePort);
    const identity = socketIdentity(connection, remote);
    // Stable across samples (a focused row keeps its element); a repeated socket gets a count.
    const repeat = seen.get(identity) ?? 0;
    seen.set(identity, repeat + 1);
    const key = repeat === 0 ? identity : `${identity}#${repeat}`;
    return { connection, process, key, identity, toolName, remote, kinds: socketKinds(connection, classify) };
  });
}

/** Lower-case text the free-text filter searches, built the first time a filter needs it (not on first paint). */
const haystacks = new WeakMap<ConnectionRow, string>();

function haystackOf(row: ConnectionRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    const { connection, process, toolName, remote } = row;
    text = [
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
    haystacks.set(row, text);
  }
  return text;
}

/** The text and dropdown filters, without the toggles. */
function matches(row: ConnectionRow, filter: ConnectionFilter, needle: string): boolean {
  const { connection } = row;
  return (
    (!filter.tool || connection.toolId === filter.tool) &&
    (!filter.country || connection.remote?.country === filter.country) &&
    (!filter.state || connection.state === filter.state) &&
    (!needle || haystackOf(row).includes(needle))
  );
}

const shown = ({ kinds }: ConnectionRow, show: SocketScope) =>
  (show.loopback || !kinds.loopback) && (show.listening || !kinds.listening) && (show.unowned || !kinds.unowned);

export function filterRows(rows: readonly ConnectionRow[], filter: ConnectionFilter): ConnectionRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => matches(row, filter, needle) && shown(row, filter.show));
}

/**
 * Per toggle, how many of the rows the other filters let through are of its kind: what it hides
 * while off (a row of two kinds counts for both, and shows only when both are on).
 */
export function kindCounts(rows: readonly ConnectionRow[], filter: ConnectionFilter): Record<SocketKind, number> {
  const needle = filter.text.trim().toLowerCase();
  const counts: Record<SocketKind, number> = { loopback: 0, listening: 0, unowned: 0 };
  for (const row of rows) {
    if (!matches(row, filter, needle)) continue;
    for (const kind of SOCKET_KINDS) if (row.kinds[kind]) counts[kind]++;
  }
  return counts;
}

/** Why a socket has no process, for its details. */
export const OWNER_UNKNOWN_KEYS: Readonly<Record<OwnerUnknown, PlainKey>> = {
  'no-process': 'conn.owner.noProcess',
  'permission-denied': 'conn.owner.permissionDenied',
  exited: 'conn.owner.exited',
  'not-found': 'conn.owner.notFound',
  'not-reported': 'conn.owner.notReported',
};

/** A readable label per socket state (the kernel's names, as the samplers report them); others show as they are. */
const STATE_KEYS: Readonly<Record<string, PlainKey>> = {
  ESTABLISHED: 'conn.state.established',
  SYN_SENT: 'conn.state.synSent',
  SYN_RECV: 'conn.state.synRecv',
  FIN_WAIT1: 'conn.state.closing',
  FIN_WAIT2: 'conn.state.closing',
  LAST_ACK: 'conn.state.closing',
  CLOSING: 'conn.state.closing',
  TIME_WAIT: 'conn.state.timeWait',
  CLOSE: 'conn.state.close',
  CLOSE_WAIT: 'conn.state.closeWait',
  LISTEN: 'conn.state.listen',
  UNCONN: 'conn.state.unconn',
};

/** A state's readable label ("connected" for ESTABLISHED); a state without one as it is. */
export function stateLabel(state: string, t: Translate): string {
  const key = Object.hasOwn(STATE_KEYS, state) ? STATE_KEYS[state] : undefined;
  return key ? t(key) : state;
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

/** Ties under the chosen column fall back to these, ascending: tool rows first, then by process; the remote end keeps a steady order between samples. */
const TIE_BREAKERS: readonly SortKey[] = ['tool', 'process', 'pid', 'remote'];

function compareValues(a: SortValue, b: SortValue, sign: number): number {
  // Equal values are the common case among ties (a process's many sockets): skip the collator.
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return order * sign;
}

/**
 * A sorted copy; empty values always go last; ties go by tool (rows of a tool first), process,
 * pid and remote end, and then keep their order (Array#sort is stable).
 */
export function sortRows(rows: readonly ConnectionRow[], sort: ConnectionSort): ConnectionRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keys = [sort.key, ...TIE_BREAKERS.filter((key) => key !== sort.key)].map((key) => SORT_VALUES[key]);
  // Read every sort value once (the comparator runs n log n times).
  const decorated = rows.map((row) => ({ row, values: keys.map((valueOf) => valueOf(row)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareValues(a.values[i] ?? null, b.values[i] ?? null, i === 0 ? sign : 1);
      if (order !== 0) return order;
    }
    return 0;
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
