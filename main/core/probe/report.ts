/** The probe's summary (a message, rendered as its English text field) and its readable text rendering. */
import type { ProbeSummaryMessage } from '../../../contract/message.js';
import type { ChangeKind, ProbeChange, ProbeFactor, ProbeReachFinding, ProbeReport } from '../../../contract/snapshot.js';
import { formatCommand } from '../../../common/format.js';
import { describeViaProxy } from '../../../common/probe.js';
import { makeVisible } from './codepoints.js';
import { COVERT_KINDS } from './disclosure.js';
import { describeZoneSource } from './zone-source.js';

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
function clip(text: string): string {
  const line = text.replace(/\r?\n/g, '⏎');
  return line.length <= MAX_SHOWN ? line : `${line.slice(0, MAX_SHOWN)}… (${line.length - MAX_SHOWN} more characters)`;
}

function renderChange(change: ProbeChange): string[] {
  const lines = [`      [${change.kind}] ${change.location}: ${clip(change.description)}`];
  const before = clip(makeVisible(change.contextBefore));
  const after = clip(makeVisible(change.contextAfter));
  if (change.location !== 'requests') {
    lines.push(`        baseline: …${before}«${clip(makeVisible(change.baseline))}»${after}…`);
    lines.push(`        variant:  …${before}«${clip(makeVisible(change.variant))}»${after}…`);
  }
  for (const cp of change.codePoints) lines.push(`        ${cp.codePoint} ${cp.name}`);
  return lines;
}

/** The TCP connections each run attempted, or why they were not recorded. */
function renderAttempts(report: ProbeReport): string[] {
  if (report.attemptsUnavailable) return ['', `TCP connection attempts not recorded: ${report.attemptsUnavailable}`];
  if (!report.attempts) return [];
  const lines = ['', 'TCP connection attempts per run:'];
  for (const { group, run, attempts } of report.attempts) {
    const each = attempts.map((a) => `${a.process} (pid ${a.pid}) -> ${a.remoteAddress.includes(':') ? `[${a.remoteAddress}]` : a.remoteAddress}:${a.remotePort} ${a.outcome}`);
    lines.push(`  ${group} run ${run}: ${attempts.length === 0 ? 'none' : each.join('; ')}`);
  }
  return lines;
}

function renderZoneSource(report: ProbeReport): string[] {
  if (report.systemZoneUnavailable) return ['', `System time zone not varied (only TZ): ${report.systemZoneUnavailable}`];
  if (!report.zoneSource) return [];
  const zones = report.zoneSource.zones.map((z) => `${z.zone}: TZ ${z.tz ? 'changed' : 'no change'}, system zone ${z.system ? 'changed' : 'no change'}`);
  return ['', `Time zone source: ${describeZoneSource(report.zoneSource)}`, `  ${zones.join('; ')}`];
}

/** Hosts the tool tried besides its base URL, with the findings (hosts only some settings made it try). */
function renderReached(report: ProbeReport): string[] {
  const lines: string[] = [];
  if (report.reached) {
    lines.push('', report.reached.length > 0 ? 'Other hosts the tool tried to reach:' : 'Other hosts the tool tried to reach: none seen');
    for (const r of report.reached) {
      const ports = r.ports.length > 0 ? `:${r.ports.join(',')}` : '';
      lines.push(`  ${r.host}${ports} (${r.seenBy.join(', ')}; ${r.count}x; in ${r.environments.join(', ')})`);
    }
  }
  for (const finding of report.reachFindings ?? []) lines.push(`  finding: ${finding.description}`);
  for (const gap of report.reachGaps ?? []) lines.push(`  not seen here: ${gap}`);
  return lines;
}

export function renderProbeReport(report: ProbeReport): string {
  const lines = [
    `telltale probe: ${formatCommand(report.command)}`,
    `${report.runsPerVariant} runs per variant, ${report.requestsCaptured} requests captured`,
  ];
  if (report.error) lines.push(`error: ${report.error}`);
  if (report.noise.length > 0) lines.push(`ignored as noise (differed between identical runs): ${report.noise.join(', ')}`);
  for (const factor of report.factors) {
    lines.push('', `${factor.factor} (baseline ${factor.baseline}): ${factor.changed ? 'CHANGED' : 'no change'}`);
    for (const variant of factor.variants) {
      const status = variant.changes.length > 0 ? `${variant.changes.length} change(s)` : 'no change';
      const against = variant.comparedWith ? ` (compared with ${variant.comparedWith})` : '';
      const travelled = variant.viaProxy ? `; ${describeViaProxy(variant.viaProxy)}` : '';
      lines.push(`  ${variant.value}${against}: ${status}${travelled}${variant.error ? ` (${variant.error})` : ''}`);
      if (variant.disclosure) lines.push(`    ${variant.disclosure}`);
      for (const change of variant.changes) lines.push(...renderChange(change));
    }
  }
  lines.push('', report.summary, ...renderZoneSource(report), ...renderReached(report), ...renderAttempts(report));
  return `${lines.join('\n')}\n`;
}
