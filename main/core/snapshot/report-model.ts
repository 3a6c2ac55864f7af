/**
 * The report as data: sections of fields, tables and items, built once from a snapshot so the
 * text, Markdown and HTML renderers show the same content and differ only in markup.
 */
import type { Signal, SignalKind, Snapshot, Tool } from '../../../contract/snapshot.js';
import { ownerName, processIndex } from '../../../common/processes.js';
import { formatCommand, formatEndpoint, formatRemote, formatValue } from '../../../common/format.js';
import { toolsByPresence } from '../../../common/tools.js';
import { redactText } from '../secrets/policy.js';

export interface ReportItem {
  text: string;
  details?: string[];
  /** "alert" for a flagged check or a high-confidence inference; renderers may highlight it. */
  tone?: 'alert' | 'calm';
}

export type ReportBlock =
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'items'; items: ReportItem[] }
  | { kind: 'subheading'; text: string }
  | { kind: 'note'; text: string };

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface Report {
  title: string;
  summary: Array<[label: string, value: string]>;
  sections: ReportSection[];
}

/** How many established connections the report lists before "... N more". */
export const CONNECTION_LIST_LIMIT = 25;
const TOP = 5;

function signalValue(signal: Signal): string {
  if (signal.status === 'ok') return formatValue(signal.value);
  return `${signal.status}: ${signal.reason ?? 'no reason given'}`;
}

function signalBlocks(snapshot: Snapshot, kinds: SignalKind[], none: string): ReportBlock[] {
  const signals = snapshot.signals.filter((s) => kinds.includes(s.kind));
  if (signals.length === 0) return [{ kind: 'note', text: none }];
  return [{ kind: 'table', head: ['Signal', 'Value', 'Source'], rows: signals.map((s) => [s.id, signalValue(s), s.source]) }];
}

/** "a 3, b 1" from the most frequent down, ties by name. */
function counts(values: string[], limit = Infinity): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  const ranked = [...tally].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return ranked.length === 0 ? '(none)' : ranked.slice(0, limit).map(([value, n]) => `${value} ${n}`).join(', ');
}

function hostSection(snapshot: Snapshot): ReportSection {
  const { platform, release, arch } = snapshot.host;
  const system = snapshot.signals.filter((s) => s.kind === 'system');
  return {
    title: 'Host',
    blocks: [
      { kind: 'fields', rows: [['Platform', platform], ['Release', release], ['Architecture', arch]] },
      ...(system.length > 0 ? signalBlocks(snapshot, ['system'], '') : []),
    ],
  };
}

function toolConfigSection(snapshot: Snapshot): ReportSection {
  const rows = snapshot.tools.flatMap((tool) =>
    (tool.settings ?? []).map((s) => [tool.name, s.file, s.key, s.kind, s.value ?? '(none)', s.note ?? '']),
  );
  const kinds: SignalKind[] = ['tool-setting', 'tool-config'];
  const signals = snapshot.signals.filter((s) => kinds.includes(s.kind));
  const blocks: ReportBlock[] = [];
  if (signals.length > 0) for (const b of signalBlocks(snapshot, kinds, '')) blocks.push(b);
  if (rows.length > 0) blocks.push({ kind: 'table', head: ['Tool', 'File', 'Key', 'Kind', 'Value', 'Why it matters'], rows });
  return { title: 'Tool configs', blocks: blocks.length > 0 ? blocks : [{ kind: 'note', text: 'No tool config settings found.' }] };
}

function toolItem(tool: Tool): ReportItem {
  const state = tool.running ? `running${tool.pids.length > 0 ? `, pid ${tool.pids.join(', ')}` : ''}` : 'installed';
  const details = [
    `Can read: ${tool.canRead.join(', ') || '(nothing known)'}`,
    `Talks to: ${tool.endpoints.join(', ') || '(no known endpoints)'}`,
    `Could infer: ${tool.inferences.join(', ') || '(nothing)'}`,
  ];
  if (tool.installEvidence?.length) details.push(`Found at: ${tool.installEvidence.join(', ')}`);
  if (tool.telemetryOptOuts?.length) details.push(`Telemetry opt-outs: ${tool.telemetryOptOuts.join(', ')}`);
  return { text: `${tool.name}${tool.vendor ? ` (${tool.vendor})` : ''}: ${state}`, details };
}

function toolsSection(snapshot: Snapshot): ReportSection {
  const { running, installed, absent } = toolsByPresence(snapshot.tools);
  const group = (title: string, tools: Tool[]): ReportBlock[] =>
    tools.length === 0 ? [] : [{ kind: 'subheading', text: title }, { kind: 'items', items: tools.map(toolItem) }];
  const blocks: ReportBlock[] = [...group('Running', running), ...group('Installed, not running', installed)];
  if (absent.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Not found' }, { kind: 'note', text: absent.map((t) => t.name).join(', ') });
  }
  return { title: 'Tools', blocks: blocks.length > 0 ? blocks : [{ kind: 'note', text: 'No known tools checked.' }] };
}

function connectionsSection(snapshot: Snapshot): ReportSection {
  const { connections } = snapshot;
  if (connections.length === 0) return { title: 'Connections', blocks: [{ kind: 'note', text: 'No connections sampled.' }] };
  const remote = connections.filter((c) => c.remoteAddress !== null);
  const established = connections.filter((c) => c.state.toUpperCase() === 'ESTABLISHED');
  const processes = processIndex(snapshot);
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        ['Total', String(connections.length)],
        ['By state', counts(connections.map((c) => c.state))],
        ['By tool', counts(connections.map((c) => c.toolId ?? '(no tool)'))],
        ['Top remote countries', counts(remote.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])), TOP)],
        ['Top remote organisations', counts(remote.flatMap((c) => (c.remote?.org ? [c.remote.org] : [])), TOP)],
      ],
    },
  ];
  if (established.length > 0) {
    blocks.push(
      { kind: 'subheading', text: 'Established' },
      {
        kind: 'table',
        head: ['PID', 'Process', 'Local', 'Remote', 'Country', 'Org', 'Tool'],
        rows: established
          .slice(0, CONNECTION_LIST_LIMIT)
          .map((c) => [
            c.pid === null ? '-' : String(c.pid),
            ownerName(c, processes) ?? '?',
            formatEndpoint(c.localAddress, c.localPort),
            formatRemote(c),
            c.remote?.country ?? '-',
            c.remote?.org ?? '-',
            c.toolId ?? '-',
          ]),
      },
    );
    if (established.length > CONNECTION_LIST_LIMIT) {
      blocks.push({ kind: 'note', text: `... ${established.length - CONNECTION_LIST_LIMIT} more` });
    }
  }
  return { title: 'Connections', blocks };
}

function inferencesSection(snapshot: Snapshot): ReportSection {
  if (snapshot.inferences.length === 0) {
    return {
      title: 'Inferences',
      blocks: [{ kind: 'note', text: 'Nothing here points to a country, a proxy or an affiliation.' }],
    };
  }
  const items = snapshot.inferences.map((i): ReportItem => {
    const details = [
      `${i.id} = ${String(i.value)}`,
      `Evidence: ${i.evidence.join(', ') || '(none)'}`,
      `Visible to: ${i.visibleTo.join(', ') || '(no known tool)'}`,
    ];
    for (const advice of i.advice ?? []) {
      const scope = advice.toolId ? ` [${advice.toolId}]` : '';
      details.push(`Advice${scope}: ${advice.text}${advice.command ? ` Run: ${advice.command}` : ''}`);
    }
    return { text: `[${i.confidence}] ${i.statement}`, details, tone: i.confidence === 'high' ? 'alert' : undefined };
  });
  return { title: 'Inferences', blocks: [{ kind: 'items', items }] };
}

function checksSection(snapshot: Snapshot): ReportSection {
  const checks = snapshot.checks ?? [];
  if (checks.length === 0) return { title: 'Checks', blocks: [{ kind: 'note', text: 'No checks were evaluated.' }] };
  const items = checks.map(
    (c): ReportItem => ({
      text: `${c.flagged ? 'FLAGGED' : 'not flagged'}: ${c.name}. ${c.statement}`,
      details: [`Evidence: ${c.evidence.join(', ') || '(none)'}`, `Visible to: ${c.visibleTo.join(', ') || '(no known tool)'}`],
      tone: c.flagged ? 'alert' : 'calm',
    }),
  );
  return { title: 'Checks', blocks: [{ kind: 'items', items }] };
}

function probesSection(snapshot: Snapshot): ReportSection[] {
  const probes = snapshot.probes ?? [];
  if (probes.length === 0) return [];
  const items = probes.map(
    (p): ReportItem => ({
      text: `${formatCommand(p.command)}: ${p.summary}`,
      details: [
        ...p.factors.map((f) =>
          f.changed
            ? `${f.factor}: output changed (${f.variants.filter((v) => v.changed).map((v) => v.disclosure ?? v.value).join('; ')})`
            : `${f.factor}: no change`,
        ),
        ...(p.error ? [`Error: ${p.error}`] : []),
      ],
      tone: p.factors.some((f) => f.changed) ? 'alert' : 'calm',
    }),
  );
  return [{ title: 'Probes', blocks: [{ kind: 'items', items }] }];
}

function redactionLabel(snapshot: Snapshot): string {
  const r = snapshot.redaction;
  if (!r) return 'not redacted';
  return ['secrets masked', r.hostname ? 'hostname masked' : '', r.username ? 'user name masked' : '']
    .filter(Boolean)
    .join(', ');
}

/** Every string through the secrets pass: renderers are a last line of defence too. */
function scrub<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(scrub) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)])) as T;
  }
  return value;
}

export function buildReport(snapshot: Snapshot): Report {
  const summary: Array<[string, string]> = [
    ['Taken at', snapshot.takenAt],
    ['Host', `${snapshot.host.platform} ${snapshot.host.release} (${snapshot.host.arch})`],
  ];
  if (snapshot.exposure) summary.push(['Exposure', `${snapshot.exposure.level}: ${snapshot.exposure.summary}`]);
  summary.push(['Redaction', redactionLabel(snapshot)]);
  return scrub({
    title: 'Telltale snapshot',
    summary,
    sections: [
      hostSection(snapshot),
      { title: 'Time zone & locale', blocks: signalBlocks(snapshot, ['timezone', 'locale'], 'No time zone or locale signals.') },
      { title: 'Proxy', blocks: signalBlocks(snapshot, ['proxy'], 'No proxy signals.') },
      { title: 'Identity', blocks: signalBlocks(snapshot, ['identity'], 'No identity signals.') },
      {
        title: 'Registries & model endpoints',
        blocks: signalBlocks(snapshot, ['registry', 'model-endpoint'], 'No registry or model endpoint settings.'),
      },
      toolConfigSection(snapshot),
      toolsSection(snapshot),
      connectionsSection(snapshot),
      inferencesSection(snapshot),
      checksSection(snapshot),
      ...probesSection(snapshot),
    ],
  });
}
