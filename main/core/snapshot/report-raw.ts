/** The report's raw data, after its findings: signals by category, and connections grouped by tool. */
import type { Connection, Signal, SignalKind, Snapshot } from '../../../contract/snapshot.js';
import { formatRemote, formatValue } from '../../../common/format.js';
import { ownerName, processIndex } from '../../../common/processes.js';
import { signalState } from '../../../common/signal-label.js';
import { isLoopbackSocket } from '../../../common/socket-kinds.js';
import type { ReportBlock, ReportOptions, ReportSection } from './report-model.js';

/** How many connections the report lists per tool before "... N more". */
export const CONNECTION_LIST_LIMIT = 25;

/** Ids to names: tools by name, signals by label. */
export interface Names {
  tool(id: string): string;
  tools(ids: readonly string[]): string[];
  /** Labels, each once. */
  signals(ids: readonly string[]): string[];
}

const CATEGORIES: ReadonlyArray<{ title: string; kinds: readonly SignalKind[] }> = [
  { title: 'Time zone & locale', kinds: ['timezone', 'locale'] },
  { title: 'Proxy', kinds: ['proxy'] },
  { title: 'Identity', kinds: ['identity'] },
  { title: 'Registries & model endpoints', kinds: ['registry', 'model-endpoint'] },
  { title: 'Tool configs', kinds: ['tool-setting', 'tool-config'] },
  { title: 'Host', kinds: ['system'] },
];

function signalValue(signal: Signal): string {
  if (signal.status === 'ok') return formatValue(signal.value);
  return `${signal.status}: ${signal.reason ?? 'no reason given'}`;
}

/** The signals of each category as a table; `relevant` keeps those set or in error. */
export function signalSections(snapshot: Snapshot, names: Names, which: NonNullable<ReportOptions['signals']>): ReportSection[] {
  const keep = (s: Signal) => which === 'all' || ['set', 'error'].includes(signalState(s));
  return CATEGORIES.map(({ title, kinds }): ReportSection => {
    const all = snapshot.signals.filter((s) => kinds.includes(s.kind));
    const shown = all.filter(keep);
    const blocks: ReportBlock[] =
      shown.length === 0
        ? []
        : [{ kind: 'table', head: ['Signal', 'Value', 'Source'], rows: shown.map((s) => [names.signals([s.id])[0] ?? s.id, signalValue(s), s.source]) }];
    if (title === 'Host') {
      const { platform, release, arch } = snapshot.host;
      blocks.unshift({ kind: 'fields', rows: [['Platform', platform], ['Release', release], ['Architecture', arch]] });
    }
    if (shown.length < all.length) blocks.push({ kind: 'note', text: `${all.length - shown.length} not set or unavailable (--verbose lists them).` });
    if (blocks.length === 0) blocks.push({ kind: 'note', text: 'None found.' });
    return { title, blocks};
  });
}

/** "a 3, b 1" from the most frequent down, ties by name. */
function counts(values: string[], limit = Infinity): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  const ranked = [...tally].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return ranked.length === 0 ? '(none)' : ranked.slice(0, limit).map(([value, n]) => `${value} ${n}`).join(', ');
}

const TOP = 5;
const NO_TOOL = 'Other processes';

export function connectionsSection(snapshot: Snapshot, names: Names, includeLoopback: boolean): ReportSection {
  const { connections } = snapshot;
  if (connections.length === 0) return { title: 'Connections', blocks: [{ kind: 'note', text: 'No connections sampled.' }]};
  const loopback = connections.filter((c) => isLoopbackSocket(c));
  const shown = connections.filter((c) => c.remoteAddress !== null && (includeLoopback || !isLoopbackSocket(c)));
  const remote = shown.filter((c) => !isLoopbackSocket(c));
  const group = (c: Connection) => (c.toolId ? names.tool(c.toolId) : NO_TOOL);
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        ['Total sockets', String(connections.length)],
        ['By state', counts(connections.map((c) => c.state))],
        ['By tool', counts(connections.map(group))],
        ['Top remote countries', counts(remote.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])), TOP)],
        ['Top remote organisations', counts(remote.flatMap((c) => (c.remote?.org ? [c.remote.org] : [])), TOP)],
        ['Loopback', includeLoopback ? `${loopback.length}, listed below` : `${loopback.length}, not listed (--include-loopback lists them)`],
      ],
    },
  ];
  const groups = new Map<string, Connection[]>();
  for (const c of shown) groups.set(group(c), [...(groups.get(group(c)) ?? []), c]);
  // Tools by name, then the processes no tool owns.
  const order = [...groups.keys()].sort((a, b) => Number(a === NO_TOOL) - Number(b === NO_TOOL) || a.localeCompare(b));
  const processes = processIndex(snapshot);
  for (const name of order) {
    const rows = groups.get(name) ?? [];
    blocks.push(
      { kind: 'subheading', text: `${name} (${rows.length})` },
      {
        kind: 'table',
        head: ['PID', 'Process', 'Remote', 'Country', 'Org', 'State'],
        rows: rows
          .slice(0, CONNECTION_LIST_LIMIT)
          .map((c) => [
            c.pid === null ? '-' : String(c.pid),
            ownerName(c, processes) ?? '?',
            formatRemote(c),
            c.remote?.country ?? '-',
            c.remote?.org ?? '-',
            c.state,
          ]),
      },
    );
    if (rows.length > CONNECTION_LIST_LIMIT) blocks.push({ kind: 'note', text: `... ${rows.length - CONNECTION_LIST_LIMIT} more` });
  }
  return { title: 'Connections', blocks};
}
