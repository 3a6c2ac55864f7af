/**
 * The report as data: sections of fields, tables and items, built once from a snapshot so the
 * text, Markdown and HTML renderers show the same content and differ only in markup. Findings come
 * first (a summary table, most severe first; inferences with evidence and advice; checks; probe
 * findings; per tool), raw signals and connections last. Tools and signals are named, not id'd.
 */
import type { Advice, CheckResult, Inference, ProbeReport, Snapshot, Tool } from '../../../contract/snapshot.js';
import { exposureLabel, rankInferences } from '../../../common/exposure.js';
import { formatCommand } from '../../../common/format.js';
import { inferenceShort, inferenceValue, inferenceLabel } from '../../../common/inference-label.js';
import { signalLabel } from '../../../common/signal-label.js';
import { toolsByPresence } from '../../../common/tools.js';
import { adviceKey, uniqueAdvice } from '../../../common/overview.js';
import { redactText } from '../secrets/policy.js';
import { isLoopbackSocket } from '../../../common/socket-kinds.js';
import { connectionsSection, signalSections, type Names } from './report-raw.js';
import { reportTime } from './report-time.js';

/** How a row or item reads at a glance; renderers may colour it. */
export type ReportTone = 'alert' | 'warn' | 'calm';

export interface ReportItem {
  text: string;
  details?: string[];
  tone?: ReportTone;
}

export type ReportBlock =
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  /** `tones[i]` colours row i (its first cell in text). */
  | { kind: 'table'; head: string[]; rows: string[][]; tones?: Array<ReportTone | undefined> }
  | { kind: 'items'; items: ReportItem[] }
  | { kind: 'subheading'; text: string }
  | { kind: 'note'; text: string };

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface Report {
  title: string;
  /** Version, time, host, redaction. */
  header: Array<[label: string, value: string]>;
  sections: ReportSection[];
}

export interface ReportOptions {
  /** Telltale's version, for the header. */
  version?: string;
  /** List connections that stay on this machine too (left out by default). */
  includeLoopback?: boolean;
  /** Raw signal tables: every signal, or only those that matter (set, or in error). Default: all. */
  signals?: 'all' | 'relevant';
}

export { CONNECTION_LIST_LIMIT } from './report-raw.js';

export type Severity = 'High' | 'Medium' | 'Low' | 'None';
const SEVERITY_ORDER: readonly Severity[] = ['High', 'Medium', 'Low', 'None'];
const SEVERITY_TONE: Readonly<Record<Severity, ReportTone | undefined>> = { High: 'alert', Medium: 'warn', Low: 'calm', None: undefined };
const CONFIDENCE_SEVERITY: Readonly<Record<Inference['confidence'], Severity>> = { high: 'High', medium: 'Medium', low: 'Low' };
const EXPOSURE_SEVERITY = { high: 'High', elevated: 'Medium', low: 'Low', none: 'None' } as const satisfies Record<string, Severity>;

interface SummaryRow {
  severity: Severity;
  cells: [finding: string, verdict: string, confidence: string, visibleTo: string];
}

const list = (values: readonly string[], none: string): string => (values.length > 0 ? values.join(', ') : none);

function probeVerdicts(probe: ProbeReport): SummaryRow[] {
  const command = formatCommand(probe.command);
  if (probe.error && probe.factors.length === 0) return [{ severity: 'None', cells: [`Probe of ${command}`, `Failed: ${probe.error}`, '-', '-'] }];
  return probe.factors.map((f): SummaryRow => {
    const changed = f.variants.filter((v) => v.changed).map((v) => v.value);
    return {
      severity: changed.length > 0 ? 'High' : 'None',
      cells: [
        `Probe of ${command}: ${f.factor}`,
        changed.length > 0 ? `Requests change with ${changed.join(', ')}` : 'Requests do not change',
        'measured',
        '-',
      ],
    };
  });
}

function summarySection(snapshot: Snapshot, names: Names): ReportSection {
  const rows: SummaryRow[] = [];
  // The level only: the rows below are what drives it.
  const level = snapshot.exposure?.level;
  rows.push({ severity: level ? EXPOSURE_SEVERITY[level] : 'None', cells: ['Exposure', exposureLabel(level), '-', '-'] });
  for (const c of snapshot.checks ?? []) {
    rows.push({
      severity: c.flagged ? 'High' : 'None',
      cells: [c.name, c.flagged ? 'Would flag you' : 'Would not flag you', '-', list(names.tools(c.visibleTo), '(no known tool)')],
    });
  }
  for (const i of rankInferences(snapshot.inferences)) {
    rows.push({
      severity: CONFIDENCE_SEVERITY[i.confidence],
      cells: [inferenceLabel(i.id), inferenceValue(i), i.confidence, list(names.tools(i.visibleTo), '(no known tool)')],
    });
  }
  for (const probe of snapshot.probes ?? []) rows.push(...probeVerdicts(probe));
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.row.severity) - SEVERITY_ORDER.indexOf(b.row.severity) || a.index - b.index)
    .map(({ row }) => row);
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      head: ['Severity', 'Finding', 'Verdict', 'Confidence', 'Visible to'],
      rows: ordered.map((r) => [r.severity, ...r.cells]),
      tones: ordered.map((r) => SEVERITY_TONE[r.severity]),
    },
  ];
  if (snapshot.inferences.length === 0) blocks.push({ kind: 'note', text: 'Nothing here points to a country, a proxy or an affiliation.' });
  return { title: 'Summary', blocks };
}

function adviceLine(advice: Advice, names: Names): string {
  const scope = advice.toolId ? ` (${names.tool(advice.toolId)})` : '';
  return `Advice${scope}: ${advice.text}${advice.command ? ` Run: ${advice.command}` : ''}`;
}

function inferencesSection(snapshot: Snapshot, names: Names): ReportSection {
  if (snapshot.inferences.length === 0) {
    return { title: 'Inferences', blocks: [{ kind: 'note', text: 'Nothing here points to a country, a proxy or an affiliation.' }] };
  }
  // Each action once in the report: under the first (most telling) inference that needs it.
  const shown = new Set<string>();
  const items = rankInferences(snapshot.inferences).map((i): ReportItem => {
    const own = uniqueAdvice(i.advice ?? []).filter((a) => !shown.has(adviceKey(a)));
    for (const a of own) shown.add(adviceKey(a));
    return {
      text: `${inferenceShort(i)} (${i.confidence} confidence)`,
      details: [
        i.statement,
        `Evidence: ${list(names.signals(i.evidence), '(none)')}`,
        `Visible to: ${list(names.tools(i.visibleTo), '(no known tool)')}`,
        ...own.map((a) => adviceLine(a, names)),
      ],
      tone: SEVERITY_TONE[CONFIDENCE_SEVERITY[i.confidence]],
    };
  });
  return { title: 'Inferences', blocks: [{ kind: 'items', items }] };
}

function checkItem(c: CheckResult, names: Names): ReportItem {
  return {
    text: `${c.flagged ? 'FLAGGED' : 'not flagged'}: ${c.name}`,
    details: [c.statement, `Evidence: ${list(names.signals(c.evidence), '(none)')}`, `Visible to: ${list(names.tools(c.visibleTo), '(no known tool)')}`],
    tone: c.flagged ? 'alert' : 'calm',
  };
}

function checksSection(snapshot: Snapshot, names: Names): ReportSection {
  const checks = snapshot.checks ?? [];
  if (checks.length === 0) return { title: 'Checks', blocks: [{ kind: 'note', text: 'No checks were evaluated.' }] };
  return { title: 'Checks', blocks: [{ kind: 'items', items: checks.map((c) => checkItem(c, names)) }] };
}

/** One row per variant tried: what the probe varied, to what, and what the tool's requests did. */
function probeSection(snapshot: Snapshot): ReportSection[] {
  const probes = snapshot.probes ?? [];
  if (probes.length === 0) return [];
  const blocks = probes.flatMap((p): ReportBlock[] => {
    const rows = p.factors.flatMap((f) =>
      f.variants.map((v) => [
        f.factor,
        `${v.value} (against ${v.comparedWith ?? f.baseline})`,
        v.error ? `error: ${v.error}` : v.changed ? `changed in ${v.changes.length} place${v.changes.length === 1 ? '' : 's'}` : 'no change',
        v.disclosure ?? (v.changed ? v.changes.map((c) => c.description).join(' ') : '-'),
      ]),
    );
    const out: ReportBlock[] = [
      { kind: 'subheading', text: `${formatCommand(p.command)} (${p.startedAt})` },
      { kind: 'fields', rows: [['Summary', p.summary], ['Runs per variant', String(p.runsPerVariant)], ...(p.error ? [['Error', p.error] as [string, string]] : [])] },
    ];
    if (rows.length > 0) {
      out.push({
        kind: 'table',
        head: ['Factor', 'Tried', 'Requests', 'What it discloses'],
        rows,
        tones: p.factors.flatMap((f) => f.variants.map((v) => (v.changed ? 'alert' : undefined))),
      });
    }
    for (const r of p.reachFindings ?? []) out.push({ kind: 'note', text: r.description });
    return out;
  });
  return [{ title: 'Probe findings', blocks }];
}

function toolFindings(tool: Tool, snapshot: Snapshot, includeLoopback: boolean): ReportBlock[] {
  const visible = rankInferences(snapshot.inferences.filter((i) => i.visibleTo.includes(tool.id)));
  const flagged = (snapshot.checks ?? []).filter((c) => c.flagged && c.visibleTo.includes(tool.id));
  const remote = snapshot.connections.filter(
    (c) => c.toolId === tool.id && c.remoteAddress !== null && (includeLoopback || !isLoopbackSocket(c)),
  );
  const countries = [...new Set(remote.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])))].sort();
  const state = tool.running ? `running${tool.pids.length > 0 ? ` (pid ${tool.pids.join(', ')})` : ''}` : 'installed, not running';
  const rows: Array<[string, string]> = [
    ['State', state],
    ['Could infer', list(visible.map((i) => `${inferenceShort(i)} (${i.confidence})`), 'nothing')],
  ];
  if (flagged.length > 0) rows.push(['Checks it could run', flagged.map((c) => `${c.name}: would flag you`).join('; ')]);
  rows.push(
    ['Reads', list(tool.canRead, '(nothing known)')],
    ['Settings found', list((tool.settings ?? []).map((s) => `${s.key} in ${s.file}`), 'none')],
    ['Connections', remote.length === 0 ? 'none' : `${remote.length}${countries.length ? ` (to ${countries.join(', ')})` : ''}`],
    ['Expected endpoints', list(tool.endpoints, '(none known)')],
  );
  if (tool.telemetryOptOuts?.length) rows.push(['Telemetry opt-outs', tool.telemetryOptOuts.join(', ')]);
  if (tool.installEvidence?.length) rows.push(['Found at', tool.installEvidence.join(', ')]);
  return [{ kind: 'subheading', text: `${tool.name}${tool.vendor ? ` (${tool.vendor})` : ''}` }, { kind: 'fields', rows }];
}

function toolsSection(snapshot: Snapshot, includeLoopback: boolean): ReportSection {
  const { running, installed, absent } = toolsByPresence(snapshot.tools);
  const blocks = [...running, ...installed].flatMap((t) => toolFindings(t, snapshot, includeLoopback));
  if (absent.length > 0) blocks.push({ kind: 'note', text: `Not found: ${absent.map((t) => t.name).join(', ')}` });
  return { title: 'Tools', blocks: blocks.length > 0 ? blocks : [{ kind: 'note', text: 'No known tools checked.' }] };
}

function redactionLabel(snapshot: Snapshot): string {
  const r = snapshot.redaction;
  if (!r) return 'not redacted';
  return ['secrets masked', r.hostname ? 'hostname masked' : '', r.username ? 'user name masked' : ''].filter(Boolean).join(', ');
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

function namesOf(snapshot: Snapshot): Names {
  const tools = new Map(snapshot.tools.map((t) => [t.id, t.name]));
  const tool = (id: string) => tools.get(id) ?? id;
  const signals = new Map(snapshot.signals.map((s) => [s.id, signalLabel(s, tool)]));
  return {
    tool,
    tools: (ids) => ids.map(tool),
    signals: (ids) => [...new Set(ids.map((id) => signals.get(id) ?? id))],
  };
}

export function buildReport(snapshot: Snapshot, options: ReportOptions = {}): Report {
  const names = namesOf(snapshot);
  const includeLoopback = options.includeLoopback ?? false;
  const header: Array<[string, string]> = [
    ['Telltale', options.version ?? 'version unknown'],
    ['Taken at', reportTime(snapshot)],
    ['Host', `${snapshot.host.platform} ${snapshot.host.release} (${snapshot.host.arch})`],
    ['Redaction', redactionLabel(snapshot)],
  ];
  return scrub({
    title: 'Telltale report',
    header,
    sections: [
      summarySection(snapshot, names),
      inferencesSection(snapshot, names),
      checksSection(snapshot, names),
      ...probeSection(snapshot),
      toolsSection(snapshot, includeLoopback),
      ...signalSections(snapshot, names, options.signals ?? 'all'),
      connectionsSection(snapshot, names, includeLoopback),
    ],
  });
}
