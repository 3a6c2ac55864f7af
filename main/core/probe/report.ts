/** The probe's summary (a message, rendered as its English text field) and its readable text rendering in a language. */
import type { ProbeSummaryMessage } from '../../../contract/message.js';
import type {
  ChangeKind,
  ProbeChange,
  ProbeFactor,
  ProbeReachFinding,
  ProbeReport,
  ProbeVariantResult,
} from '../../../contract/snapshot.js';
import { formatCommand } from '../../../common/format.js';
import type { Language } from '../../../common/i18n/languages.js';
import { CHANGE_KINDS, renderMessage, renderMessageOr } from '../../../common/i18n/render.js';
import { renderCaptureUnavailable } from '../../../common/i18n/render-capture.js';
import { OUTCOME_KEYS, SEEN_BY_KEYS, ZONE_SOURCE_KEYS } from '../../../common/i18n/probe-keys.js';
import { translator, type Translate } from '../../../common/i18n/translate.js';
import { makeVisible } from './codepoints.js';
import { COVERT_KINDS } from './disclosure.js';

/** Kinds of the changes that single a variant out (each variant's changes are its own: see analyse.ts). */
function kindsOf(factor: ProbeFactor, covert: boolean): ChangeKind[] {
  const kinds = factor.variants.flatMap((v) => v.changes.map((c) => c.kind)).filter((k) => COVERT_KINDS.has(k) === covert);
  return [...new Set(kinds)];
}

/** What the probe found, factor by factor: covert channels, overt changes, no change, hosts tried under some settings only. */
export function probeSummaryMessage(
  factors: readonly ProbeFactor[],
  requests: number,
  reachFindings: readonly ProbeReachFinding[] = [],
): ProbeSummaryMessage {
  if (factors.length === 0) return { id: 'probe-summary.nothing-compared' };
  const withKinds = (covert: boolean) => factors.map((f) => ({ factor: f.factor, kinds: kindsOf(f, covert) })).filter((f) => f.kinds.length > 0);
  return {
    id: 'probe-summary',
    requests,
    covert: withKinds(true),
    overt: withKinds(false),
    unchanged: factors.filter((f) => !f.changed).map((f) => f.factor),
    reach: reachFindings.map((f) => ({ host: f.host, factor: f.factor })),
  };
}

/** Terminal lines stay one line and short; the JSON report keeps every character. */
const MAX_SHOWN = 160;
function clip(text: string, t: Translate): string {
  const line = text.replace(/\r?\n/g, '⏎');
  return line.length <= MAX_SHOWN ? line : `${line.slice(0, MAX_SHOWN)}${t('probe-report.more-characters', { count: String(line.length - MAX_SHOWN) })}`;
}

function renderChange(change: ProbeChange, { t, language }: Context): string[] {
  const description = clip(renderMessageOr(change.message, change.description, language), t);
  const lines = [`      ${t('probe-report.change', { kind: t(CHANGE_KINDS[change.kind]), location: change.location, description })}`];
  const before = clip(makeVisible(change.contextBefore), t);
  const after = clip(makeVisible(change.contextAfter), t);
  if (change.location !== 'requests') {
    lines.push(`        ${t('probe-report.baseline-text', { text: `…${before}«${clip(makeVisible(change.baseline), t)}»${after}…` })}`);
    lines.push(`        ${t('probe-report.variant-text', { text: `…${before}«${clip(makeVisible(change.variant), t)}»${after}…` })}`);
  }
  for (const cp of change.codePoints) lines.push(`        ${cp.codePoint} ${cp.name}`);
  return lines;
}

/** The TCP connections each run attempted, or why they were not recorded. */
function renderAttempts(report: ProbeReport, { t, language }: Context): string[] {
  const { attemptsUnavailable: english, attemptsUnavailableMessage: why } = report;
  if (english) return ['', t('probeview.attempts-unavailable', { reason: why ? renderCaptureUnavailable(why, language) : english })];
  if (!report.attempts) return [];
  const lines = ['', t('probe-report.attempts')];
  for (const { group, run, attempts } of report.attempts) {
    const each = attempts.map((a) =>
      t('probe-report.attempt', {
        process: a.process,
        pid: String(a.pid),
        address: `${a.remoteAddress.includes(':') ? `[${a.remoteAddress}]` : a.remoteAddress}:${a.remotePort}`,
        outcome: t(OUTCOME_KEYS[a.outcome]),
      }),
    );
    const listed = attempts.length === 0 ? t('probeview.attempts.none') : each.join(t('list.semicolon'));
    lines.push(`  ${t('probe-report.attempts.run', { group, run: String(run), attempts: listed })}`);
  }
  return lines;
}

function renderZoneSource(report: ProbeReport, { t, language }: Context): string[] {
  if (report.systemZoneUnavailable) {
    return ['', t('probeview.system-zone-unavailable', { reason: renderMessageOr(report.systemZoneUnavailableMessage, report.systemZoneUnavailable, language) })];
  }
  if (!report.zoneSource) return [];
  const changed = (yes: boolean) => t(yes ? 'probe-report.zone.changed' : 'report.probe.no-change');
  const zones = report.zoneSource.zones.map((z) => t('probe-report.zone', { zone: z.zone, tz: changed(z.tz), system: changed(z.system) }));
  return ['', t('probe-report.zone-source', { source: t(ZONE_SOURCE_KEYS[report.zoneSource.follows]) }), `  ${zones.join(t('list.semicolon'))}`];
}

/** Hosts the tool tried besides its base URL, with the findings (hosts only some settings made it try). */
function renderReached(report: ProbeReport, { t, language }: Context): string[] {
  const lines: string[] = [];
  if (report.reached) {
    lines.push('', t(report.reached.length > 0 ? 'probe-report.reached' : 'probe-report.reached.none'));
    for (const r of report.reached) {
      const ports = r.ports.length > 0 ? `:${r.ports.join(',')}` : '';
      const seenBy = r.seenBy.map((s) => t(SEEN_BY_KEYS[s])).join(t('list.comma'));
      lines.push(`  ${t('probe-report.reached.host', { host: `${r.host}${ports}`, seenBy, count: String(r.count), environments: r.environments.join(', ') })}`);
    }
  }
  for (const finding of report.reachFindings ?? []) lines.push(`  ${t('probe-report.finding', { finding: renderMessageOr(finding.message, finding.description, language) })}`);
  const gaps = report.reachGapMessages?.map((gap) => renderMessage(gap, language)) ?? report.reachGaps ?? [];
  for (const gap of gaps) lines.push(`  ${t('probe-report.gap', { gap })}`);
  return lines;
}

function renderVariant(variant: ProbeVariantResult, { t, language }: Context): string[] {
  const status = variant.changes.length > 0 ? t('probe-report.changes', { count: String(variant.changes.length) }) : t('report.probe.no-change');
  const against = variant.comparedWith ? t('probe-report.compared-with', { value: variant.comparedWith }) : '';
  const { viaProxy } = variant;
  const travelled = viaProxy
    ? t(viaProxy.of === 1 ? 'probeview.via-proxy.one' : 'probeview.via-proxy.other', { requests: String(viaProxy.requests), of: String(viaProxy.of) })
    : '';
  const line = t('probe-report.variant', { value: variant.value, against, status, travelled });
  const errors = variant.errorMessages?.map((e) => renderMessage(e, language)).join(t('list.semicolon')) ?? variant.error;
  return [`  ${errors ? t('probe-report.variant-error', { line, error: errors }) : line}`];
}

interface Context {
  t: Translate;
  language: Language;
}

/** The report as text for a terminal, in `language`; values (hosts, zones, request paths, the tool's output) as they are. */
export function renderProbeReport(report: ProbeReport, language: Language): string {
  const context: Context = { t: translator(language), language };
  const { t } = context;
  const lines = [
    t('probe-report.title', { command: formatCommand(report.command) }),
    t('probe-report.counts', { runs: String(report.runsPerVariant), requests: String(report.requestsCaptured) }),
  ];
  if (report.error) lines.push(t('probe-report.error', { error: renderMessageOr(report.errorMessage, report.error, language) }));
  if (report.noise.length > 0) lines.push(t('probeview.noise', { fields: report.noise.join(', ') }));
  for (const factor of report.factors) {
    const state = factor.changed ? t('probe-report.changed') : t('report.probe.no-change');
    lines.push('', t('probe-report.factor', { factor: factor.factor, baseline: factor.baseline, state }));
    for (const variant of factor.variants) {
      lines.push(...renderVariant(variant, context));
      const disclosure = variant.message ? renderMessage(variant.message, language) : variant.disclosure;
      if (disclosure) lines.push(`    ${disclosure}`);
      for (const change of variant.changes) lines.push(...renderChange(change, context));
    }
  }
  const summary = renderMessageOr(report.summaryMessage, report.summary, language);
  lines.push('', summary, ...renderZoneSource(report, context), ...renderReached(report, context), ...renderAttempts(report, context));
  return `${lines.join('\n')}\n`;
}
