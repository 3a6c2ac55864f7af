/** The report's raw data, after its findings: signals by category, and connections grouped by tool. */
import type { Language } from '../../../common/i18n/languages.js';
import { signalReason } from '../../../common/i18n/render-reason.js';
import type { Connection, Signal, SignalKind, Snapshot } from '../../../contract/snapshot.js';
import { formatRemote, formatValue } from '../../../common/format.js';
import type { PlainKey, Translate } from '../../../common/i18n/translate.js';
import { ownerName, processIndex } from '../../../common/processes.js';
import { signalState } from '../../../common/signal-label.js';
import { isLoopbackSocket } from '../../../common/socket-kinds.js';
import type { ReportBlock, ReportContext, ReportOptions, ReportSection } from './report-model.js';

/** How many connections the report lists per tool before "... N more". */
export const CONNECTION_LIST_LIMIT = 25;

/** Ids to names: tools by name, signals by label. */
export interface Names {
  tool(id: string): string;
  tools(ids: readonly string[]): string[];
  /** Labels, each once. */
  signals(ids: readonly string[]): string[];
}

/** Items joined as the language lists them ("a, b" / "a、b"), or `none` for an empty list. */
export function listOf(t: Translate, values: readonly string[], none: string): string {
  return values.length > 0 ? values.join(t('list.comma')) : none;
}

const CATEGORIES: ReadonlyArray<{ title: PlainKey; kinds: readonly SignalKind[]; host?: true }> = [
  { title: 'report.category.time-locale', kinds: ['timezone', 'locale'] },
  { title: 'report.category.proxy', kinds: ['proxy'] },
  { title: 'report.category.identity', kinds: ['identity'] },
  { title: 'report.category.registries', kinds: ['registry', 'model-endpoint'] },
  { title: 'report.category.tool-configs', kinds: ['tool-setting', 'tool-config'] },
  { title: 'report.category.host', kinds: ['system'], host: true },
];

const STATUS_WORD: Readonly<Record<Exclude<Signal['status'], 'ok'>, PlainKey>> = {
  unavailable: 'report.signal.unavailable',
  error: 'report.signal.error',
};

function signalValue(signal: Signal, t: Translate, language: Language): string {
  if (signal.status === 'ok') return formatValue(signal.value, t('report.none-parenthesised'), language);
  return t('report.signal.status', { status: t(STATUS_WORD[signal.status]), reason: signalReason(signal, language) ?? t('report.signal.no-reason') });
}

/** The signals of each category as a table; `relevant` keeps those set or in error. */
export function signalSections(snapshot: Snapshot, { t, names, language }: ReportContext, which: NonNullable<ReportOptions['signals']>): ReportSection[] {
  const keep = (s: Signal) => which === 'all' || ['set', 'error'].includes(signalState(s));
  return CATEGORIES.map(({ title, kinds, host }): ReportSection => {
    const all = snapshot.signals.filter((s) => kinds.includes(s.kind));
    const shown = all.filter(keep);
    const blocks: ReportBlock[] =
      shown.length === 0
        ? []
        : [
            {
              kind: 'table',
              head: [t('report.signal.head.signal'), t('report.signal.head.value'), t('report.signal.head.source')],
              rows: shown.map((s) => [names.signals([s.id])[0] ?? s.id, signalValue(s, t, language), s.source]),
            },
          ];
    if (host) {
      const { platform, release, arch } = snapshot.host;
      blocks.unshift({ kind: 'fields', rows: [[t('report.host.platform'), platform], [t('report.host.release'), release], [t('report.host.arch'), arch]] });
    }
    if (shown.length < all.length) blocks.push({ kind: 'note', text: t('report.signals.hidden', { count: String(all.length - shown.length) }) });
    if (blocks.length === 0) blocks.push({ kind: 'note', text: t('report.signals.none') });
    return { title: t(title), blocks };
  });
}

/** "a 3, b 1" from the most frequent down, ties by name. */
function counts(values: string[], t: Translate, limit = Infinity): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  const ranked = [...tally].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const shown = ranked.slice(0, limit).map(([value, n]) => t('report.connections.count', { value, count: String(n) }));
  return listOf(t, shown, t('report.none-parenthesised'));
}

const TOP = 5;

export function connectionsSection(snapshot: Snapshot, { t, names }: ReportContext, includeLoopback: boolean): ReportSection {
  const { connections } = snapshot;
  const title = t('report.section.connections');
  if (connections.length === 0) return { title, blocks: [{ kind: 'note', text: t('report.connections.none') }] };
  const loopback = connections.filter((c) => isLoopbackSocket(c));
  const shown = connections.filter((c) => c.remoteAddress !== null && (includeLoopback || !isLoopbackSocket(c)));
  const remote = shown.filter((c) => !isLoopbackSocket(c));
  const otherProcesses = t('report.connections.other-processes');
  const group = (c: Connection) => (c.toolId ? names.tool(c.toolId) : otherProcesses);
  const loopbackCount = String(loopback.length);
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        [t('report.connections.total'), String(connections.length)],
        [t('report.connections.by-state'), counts(connections.map((c) => c.state), t)],
        [t('report.connections.by-tool'), counts(connections.map(group), t)],
        [t('report.connections.countries'), counts(remote.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])), t, TOP)],
        [t('report.connections.orgs'), counts(remote.flatMap((c) => (c.remote?.org ? [c.remote.org] : [])), t, TOP)],
        [
          t('report.connections.loopback'),
          includeLoopback ? t('report.connections.loopback-listed', { count: loopbackCount }) : t('report.connections.loopback-hidden', { count: loopbackCount }),
        ],
      ],
    },
  ];
  const groups = new Map<string, Connection[]>();
  for (const c of shown) groups.set(group(c), [...(groups.get(group(c)) ?? []), c]);
  // Tools by name, then the processes no tool owns.
  const order = [...groups.keys()].sort((a, b) => Number(a === otherProcesses) - Number(b === otherProcesses) || a.localeCompare(b));
  const processes = processIndex(snapshot);
  for (const name of order) {
    const rows = groups.get(name) ?? [];
    blocks.push(
      { kind: 'subheading', text: t('report.connections.group', { name, count: String(rows.length) }) },
      {
        kind: 'table',
        head: ['PID', t('report.connections.head.process'), t('report.connections.head.remote'), t('report.connections.head.country'), t('report.connections.head.org'), t('report.connections.head.state')],
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
    if (rows.length > CONNECTION_LIST_LIMIT) blocks.push({ kind: 'note', text: t('report.connections.more', { count: String(rows.length - CONNECTION_LIST_LIMIT) }) });
  }
  return { title, blocks };
}
