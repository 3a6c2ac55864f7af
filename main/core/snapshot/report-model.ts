/**
 * The report as data: sections of fields, tables and items, built once from a snapshot so the
 * text, Markdown and HTML renderers show the same content and differ only in markup. Findings come
 * first (a summary table, most severe first; inferences with evidence and advice; checks; probe
 * findings; per tool), raw signals and connections last. Tools and signals are named, not id'd.
 * Every word of the report's own is in the language asked for (common/i18n, the `cli` part);
 * messages from the core are rendered from their `message` in it.
 */
import type { Advice, Capability, CheckResult, Confidence, Inference, ProbeReport, Snapshot, Tool } from '../../../contract/snapshot.js';
import { exposureLabel, rankInferences } from '../../../common/exposure.js';
import { formatCommand } from '../../../common/format.js';
import { renderMessage, renderMessageOr, renderStatement } from '../../../common/i18n/render.js';
import { translator, type PlainKey, type Translate } from '../../../common/i18n/translate.js';
import type { Language } from '../../../common/i18n/languages.js';
import { inferenceShort, inferenceValue, inferenceLabel } from '../../../common/inference-label.js';
import { signalLabel } from '../../../common/signal-label.js';
import { toolsByPresence } from '../../../common/tools.js';
import { optOutLines, toolNoteText } from '../../../common/catalog-text.js';
import { adviceKey, uniqueAdvice } from '../../../common/overview.js';
import { redactText } from '../secrets/policy.js';
import { isLoopbackSocket } from '../../../common/socket-kinds.js';
import { connectionsSection, listOf, signalSections, type Names } from './report-raw.js';
import { formatInstant, reportTime } from './report-time.js';

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
  /** The language it is written in (HTML's lang attribute). */
  language: Language;
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
  /** The report's language (default English). */
  language?: Language;
}

/** What every section needs: the translator, the language, ids to names. */
export interface ReportContext {
  t: Translate;
  language: Language;
  names: Names;
}

export { CONNECTION_LIST_LIMIT } from './report-raw.js';

type Severity = 'high' | 'medium' | 'low' | 'none';
const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'none'];
const SEVERITY_WORD: Readonly<Record<Severity, PlainKey>> = {
  high: 'report.severity.high',
  medium: 'report.severity.medium',
  low: 'report.severity.low',
  none: 'report.severity.none',
};
const SEVERITY_TONE: Readonly<Record<Severity, ReportTone | undefined>> = { high: 'alert', medium: 'warn', low: 'calm', none: undefined };
const CONFIDENCE_SEVERITY: Readonly<Record<Confidence, Severity>> = { high: 'high', medium: 'medium', low: 'low' };
const EXPOSURE_SEVERITY = { high: 'high', elevated: 'medium', low: 'low', none: 'none' } as const satisfies Record<string, Severity>;
/** Confidence in the report's words ("high" / "高"). */
export const CONFIDENCE_WORD: Readonly<Record<Confidence, PlainKey>> = {
  high: 'report.confidence.high',
  medium: 'report.confidence.medium',
  low: 'report.confidence.low',
};
const CAPABILITY_WORD: Readonly<Record<Capability, PlainKey>> = {
  env: 'report.capability.env',
  timezone: 'report.capability.timezone',
  files: 'report.capability.files',
  network: 'report.capability.network',
};

interface SummaryRow {
  severity: Severity;
  cells: [finding: string, verdict: string, confidence: string, visibleTo: string];
}

const confidenceWord = (t: Translate, confidence: Confidence): string => t(CONFIDENCE_WORD[confidence]);

/** An inference's statement in the language, from its messages when it has them. */
/** A check's name in the language, from its message when it has one. */
const checkName = (c: CheckResult, language: Language) => renderMessageOr(c.nameMessage, c.name, language);

function statementOf(i: Inference, language: Language): string {
  return i.message ? renderStatement(i.message, i.evidenceMessages ?? [], language) : i.statement;
}

function probeVerdicts(probe: ProbeReport, t: Translate, language: Language): SummaryRow[] {
  const command = formatCommand(probe.command);
  if (probe.error && probe.factors.length === 0) {
    const error = renderMessageOr(probe.errorMessage, probe.error, language);
    return [{ severity: 'none', cells: [t('report.probe.of', { command }), t('report.probe.failed', { error }), '-', '-'] }];
  }
  return probe.factors.map((f): SummaryRow => {
    const changed = f.variants.filter((v) => v.changed).map((v) => v.value);
    return {
      severity: changed.length > 0 ? 'high' : 'none',
      cells: [
        t('report.probe.of-factor', { command, factor: f.factor }),
        changed.length > 0 ? t('report.probe.changes-with', { values: changed.join(t('list.comma')) }) : t('report.probe.unchanged'),
        t('report.probe.measured'),
        '-',
      ],
    };
  });
}

function summarySection(snapshot: Snapshot, { t, names, language }: ReportContext): ReportSection {
  const rows: SummaryRow[] = [];
  const noTool = t('report.no-known-tool');
  // The level only: the rows below are what drives it.
  const level = snapshot.exposure?.level;
  rows.push({ severity: level ? EXPOSURE_SEVERITY[level] : 'none', cells: [t('report.summary.exposure'), exposureLabel(level, language), '-', '-'] });
  for (const c of snapshot.checks ?? []) {
    rows.push({
      severity: c.flagged ? 'high' : 'none',
      cells: [checkName(c, language), t(c.flagged ? 'report.check.would-flag' : 'report.check.would-not-flag'), '-', listOf(t, names.tools(c.visibleTo), noTool)],
    });
  }
  for (const i of rankInferences(snapshot.inferences)) {
    rows.push({
      severity: CONFIDENCE_SEVERITY[i.confidence],
      cells: [inferenceLabel(i.id, language), inferenceValue(i, language), confidenceWord(t, i.confidence), listOf(t, names.tools(i.visibleTo), noTool)],
    });
  }
  for (const probe of snapshot.probes ?? []) rows.push(...probeVerdicts(probe, t, language));
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.row.severity) - SEVERITY_ORDER.indexOf(b.row.severity) || a.index - b.index)
    .map(({ row }) => row);
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      head: [t('report.summary.severity'), t('report.summary.finding'), t('report.summary.verdict'), t('report.summary.confidence'), t('report.summary.visible-to')],
      rows: ordered.map((r) => [t(SEVERITY_WORD[r.severity]), ...r.cells]),
      tones: ordered.map((r) => SEVERITY_TONE[r.severity]),
    },
  ];
  if (snapshot.inferences.length === 0) blocks.push({ kind: 'note', text: t('report.inferences.none') });
  return { title: t('report.section.summary'), blocks };
}

function adviceLine(advice: Advice, { t, names, language }: ReportContext): string {
  const text = advice.message ? renderMessage(advice.message, language) : advice.text;
  const line = advice.toolId ? t('report.advice.tool', { tool: names.tool(advice.toolId), text }) : t('report.advice', { text });
  return advice.command ? t('report.advice.run', { advice: line, command: advice.command }) : line;
}

/** "Evidence: a, b" and "Visible to: c", the lines every finding ends with. */
function evidenceLines(evidence: readonly string[], visibleTo: readonly string[], { t, names }: ReportContext): string[] {
  return [
    t('report.evidence', { signals: listOf(t, names.signals(evidence), t('report.none-parenthesised')) }),
    t('report.visible-to', { tools: listOf(t, names.tools(visibleTo), t('report.no-known-tool')) }),
  ];
}

function inferencesSection(snapshot: Snapshot, context: ReportContext): ReportSection {
  const { t, language } = context;
  const title = t('report.section.inferences');
  if (snapshot.inferences.length === 0) return { title, blocks: [{ kind: 'note', text: t('report.inferences.none') }] };
  // Each action once in the report: under the first (most telling) inference that needs it.
  const shown = new Set<string>();
  const items = rankInferences(snapshot.inferences).map((i): ReportItem => {
    const own = uniqueAdvice(i.advice ?? []).filter((a) => !shown.has(adviceKey(a)));
    for (const a of own) shown.add(adviceKey(a));
    return {
      text: t('report.inference.title', { inference: inferenceShort(i, language), confidence: confidenceWord(t, i.confidence) }),
      details: [statementOf(i, language), ...evidenceLines(i.evidence, i.visibleTo, context), ...own.map((a) => adviceLine(a, context))],
      tone: SEVERITY_TONE[CONFIDENCE_SEVERITY[i.confidence]],
    };
  });
  return { title, blocks: [{ kind: 'items', items }] };
}

function checkItem(c: CheckResult, context: ReportContext): ReportItem {
  const { t, language } = context;
  return {
    text: t(c.flagged ? 'report.check.flagged' : 'report.check.not-flagged', { name: checkName(c, language) }),
    details: [c.message ? renderMessage(c.message, language) : c.statement, ...evidenceLines(c.evidence, c.visibleTo, context)],
    tone: c.flagged ? 'alert' : 'calm',
  };
}

function checksSection(snapshot: Snapshot, context: ReportContext): ReportSection {
  const { t } = context;
  const checks = snapshot.checks ?? [];
  const title = t('report.section.checks');
  if (checks.length === 0) return { title, blocks: [{ kind: 'note', text: t('report.checks.none') }] };
  return { title, blocks: [{ kind: 'items', items: checks.map((c) => checkItem(c, context)) }] };
}

/** What one variant's requests did: an error, changed in N places, or no change. */
function variantOutcome(v: ProbeReport['factors'][number]['variants'][number], t: Translate, language: Language): string {
  if (v.error) return t('report.probe.error', { error: v.errorMessages?.map((e) => renderMessage(e, language)).join(t('list.semicolon')) ?? v.error });
  if (!v.changed) return t('report.probe.no-change');
  return v.changes.length === 1 ? t('report.probe.changed-once') : t('report.probe.changed', { count: String(v.changes.length) });
}

/** One row per variant tried: what the probe varied, to what, and what the tool's requests did. */
function probeSection(snapshot: Snapshot, { t, language }: ReportContext, zone: string | undefined): ReportSection[] {
  const probes = snapshot.probes ?? [];
  if (probes.length === 0) return [];
  const blocks = probes.flatMap((p): ReportBlock[] => {
    const rows = p.factors.flatMap((f) =>
      f.variants.map((v) => [
        f.factor,
        t('report.probe.tried', { value: v.value, against: v.comparedWith ?? f.baseline }),
        variantOutcome(v, t, language),
        v.message
          ? renderMessage(v.message, language)
          : (v.disclosure ?? (v.changed ? v.changes.map((c) => renderMessageOr(c.message, c.description, language)).join(' ') : '-')),
      ]),
    );
    const fields: Array<[string, string]> = [
      [t('report.probe.summary'), renderMessageOr(p.summaryMessage, p.summary, language)],
      [t('report.probe.runs'), String(p.runsPerVariant)],
    ];
    if (p.error) fields.push([t('report.probe.failure'), renderMessageOr(p.errorMessage, p.error, language)]);
    const out: ReportBlock[] = [
      { kind: 'subheading', text: t('report.probe.heading', { command: formatCommand(p.command), startedAt: formatInstant(p.startedAt, zone, language) }) },
      { kind: 'fields', rows: fields },
    ];
    if (rows.length > 0) {
      out.push({
        kind: 'table',
        head: [t('report.probe.factor'), t('report.probe.value'), t('report.probe.requests'), t('report.probe.discloses')],
        rows,
        tones: p.factors.flatMap((f) => f.variants.map((v) => (v.changed ? 'alert' : undefined))),
      });
    }
    for (const r of p.reachFindings ?? []) out.push({ kind: 'note', text: renderMessageOr(r.message, r.description, language) });
    return out;
  });
  return [{ title: t('report.section.probes'), blocks }];
}

function toolState(tool: Tool, t: Translate): string {
  if (!tool.running) return t('report.tool.installed');
  return tool.pids.length > 0 ? t('report.tool.running-pids', { pids: tool.pids.join(t('list.comma')) }) : t('report.tool.running');
}

function toolFindings(tool: Tool, snapshot: Snapshot, includeLoopback: boolean, { t, language }: ReportContext): ReportBlock[] {
  const visible = rankInferences(snapshot.inferences.filter((i) => i.visibleTo.includes(tool.id)));
  const flagged = (snapshot.checks ?? []).filter((c) => c.flagged && c.visibleTo.includes(tool.id));
  const remote = snapshot.connections.filter(
    (c) => c.toolId === tool.id && c.remoteAddress !== null && (includeLoopback || !isLoopbackSocket(c)),
  );
  const countries = [...new Set(remote.flatMap((c) => (c.remote?.country ? [c.remote.country] : [])))].sort();
  const none = t('report.none');
  const rows: Array<[string, string]> = [
    [t('report.tool.state'), toolState(tool, t)],
    [t('report.tool.could-infer'), listOf(t, visible.map((i) => t('report.tool.inference', { inference: inferenceShort(i, language), confidence: confidenceWord(t, i.confidence) })), t('report.tool.nothing'))],
  ];
  if (flagged.length > 0) rows.push([t('report.tool.checks'), flagged.map((c) => t('report.tool.would-flag', { name: checkName(c, language) })).join(t('list.semicolon'))]);
  const connections =
    remote.length === 0
      ? none
      : countries.length > 0
        ? t('report.tool.connections-to', { count: String(remote.length), countries: countries.join(t('list.comma')) })
        : String(remote.length);
  rows.push(
    [t('report.tool.reads'), listOf(t, tool.canRead.map((c) => t(CAPABILITY_WORD[c])), t('report.tool.nothing-known'))],
    [t('report.tool.settings'), listOf(t, (tool.settings ?? []).map((s) => t('report.tool.setting-in', { key: s.key, file: s.file })), none)],
    [t('report.tool.connections'), connections],
    [t('report.tool.endpoints'), listOf(t, tool.endpoints, t('report.none-known'))],
  );
  const optOuts = optOutLines(tool, language);
  if (optOuts.length) rows.push([t('report.tool.telemetry'), optOuts.map((o) => o.text).join(t('opt-out.steps-separator'))]);
  const note = toolNoteText(tool, language);
  if (note) rows.push([t('tool-note.label'), note]);
  if (tool.installEvidence?.length) rows.push([t('report.tool.found-at'), tool.installEvidence.join(t('list.comma'))]);
  const heading = tool.vendor ? t('report.tool.heading', { name: tool.name, vendor: tool.vendor }) : tool.name;
  return [{ kind: 'subheading', text: heading }, { kind: 'fields', rows }];
}

function toolsSection(snapshot: Snapshot, includeLoopback: boolean, context: ReportContext): ReportSection {
  const { t } = context;
  const { running, installed, absent } = toolsByPresence(snapshot.tools);
  const blocks = [...running, ...installed].flatMap((tool) => toolFindings(tool, snapshot, includeLoopback, context));
  if (absent.length > 0) blocks.push({ kind: 'note', text: t('report.tools.not-found', { tools: absent.map((tool) => tool.name).join(t('list.comma')) }) });
  return { title: t('report.section.tools'), blocks: blocks.length > 0 ? blocks : [{ kind: 'note', text: t('report.tools.none') }] };
}

function redactionLabel(snapshot: Snapshot, t: Translate): string {
  const r = snapshot.redaction;
  if (!r) return t('report.redaction.none');
  const masked = [t('report.redaction.secrets'), r.hostname ? t('report.redaction.hostname') : '', r.username ? t('report.redaction.username') : ''];
  return masked.filter(Boolean).join(t('list.comma'));
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

function namesOf(snapshot: Snapshot, language: Language): Names {
  const tools = new Map(snapshot.tools.map((t) => [t.id, t.name]));
  const tool = (id: string) => tools.get(id) ?? id;
  const signals = new Map(snapshot.signals.map((s) => [s.id, signalLabel(s, tool, language)]));
  return {
    tool,
    tools: (ids) => ids.map(tool),
    signals: (ids) => [...new Set(ids.map((id) => signals.get(id) ?? id))],
  };
}

export function buildReport(snapshot: Snapshot, options: ReportOptions = {}): Report {
  const language = options.language ?? 'en';
  const t = translator(language);
  const context: ReportContext = { t, language, names: namesOf(snapshot, language) };
  const includeLoopback = options.includeLoopback ?? false;
  const { text: takenAt, zone } = reportTime(snapshot, language);
  const header: Array<[string, string]> = [
    [t('report.header.version'), options.version ?? t('report.header.version-unknown')],
    [t('report.header.taken-at'), takenAt],
    [t('report.header.host'), t('report.header.host-value', snapshot.host)],
    [t('report.header.redaction'), redactionLabel(snapshot, t)],
  ];
  return scrub({
    language,
    title: t('report.title'),
    header,
    sections: [
      summarySection(snapshot, context),
      inferencesSection(snapshot, context),
      checksSection(snapshot, context),
      ...probeSection(snapshot, context, zone),
      toolsSection(snapshot, includeLoopback, context),
      ...signalSections(snapshot, context, options.signals ?? 'all'),
      connectionsSection(snapshot, context, includeLoopback),
    ],
  });
}
