/** Pieces of a probe report shared by the Probe view and a tool's page: verdict badge, date line, findings. */
import type { ProbeReport, Tool } from '../../../contract/snapshot.js';
import type { Language } from '../../../common/i18n/languages.js';
import { CHANGE_KINDS, renderMessage, renderMessageOr } from '../../../common/i18n/render.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { probeFindings, probeVerdict, programOf, type ProbeFinding, type ProbeVerdict } from '../../../common/probe-findings.js';
import type { ProbeFactorName } from '../../../common/probe.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countKey, formatCount } from '../lib/data-format.js';
import type { Tone } from '../lib/exposure.js';
import { toolNames } from '../lib/tools.js';
import { Badge } from './Badge.js';

const VERDICT_KEYS: Readonly<Record<ProbeVerdict, PlainKey>> = {
  clean: 'probeview.verdict.clean',
  overt: 'probeview.verdict.overt',
  covert: 'probeview.verdict.covert',
  failed: 'probeview.verdict.failed',
};

const FINDING_KEYS: Readonly<Record<ProbeFinding['kind'], PlainKey>> = {
  covert: 'probeview.finding.covert',
  overt: 'probeview.finding.overt',
  reach: 'probeview.finding.reach',
};

/** What a probe varies, as a heading. */
export const FACTOR_KEYS: Readonly<Record<ProbeFactorName, PlainKey>> = {
  timezone: 'probeview.factor.timezone',
  'system-timezone': 'probeview.factor.system-timezone',
  locale: 'probeview.factor.locale',
  proxy: 'probeview.factor.proxy',
  'base-url': 'probeview.factor.base-url',
};

const VERDICT_TONES: Readonly<Record<ProbeVerdict, Tone>> = { clean: 'ok', overt: 'warn', covert: 'danger', failed: 'info' };
const FINDING_TONES: Readonly<Record<ProbeFinding['kind'], Tone>> = { covert: 'danger', overt: 'warn', reach: 'warn' };

export function VerdictBadge({ report }: { report: ProbeReport }) {
  const t = useT();
  const verdict = probeVerdict(report);
  return <Badge tone={VERDICT_TONES[verdict]}>{t(VERDICT_KEYS[verdict])}</Badge>;
}

/** The catalog name of the probed tool, else the program its command runs. */
export function probedName(report: ProbeReport, tools: readonly Tool[]): string {
  return report.toolId ? (toolNames([report.toolId], tools)[0] ?? report.toolId) : programOf(report.command);
}

/** "Probed 2026-11-24 18:00 (UTC+08:00) · 2 runs per variant · 34 requests captured". */
export function ProbeFacts({ report }: { report: ProbeReport }) {
  const t = useT();
  const language = useLanguage();
  const facts = [
    t('probeview.probed', { when: formatLocalDateTime(report.startedAt, undefined, language) }),
    t(countKey(report.runsPerVariant, { one: 'probeview.runs-per-variant.one', other: 'probeview.runs-per-variant.other' }), {
      count: formatCount(report.runsPerVariant, language),
    }),
    t(countKey(report.requestsCaptured, { one: 'probeview.requests.one', other: 'probeview.requests.other' }), {
      count: formatCount(report.requestsCaptured, language),
    }),
    ...(report.isolated === false ? [t('probeview.not-isolated')] : []),
  ];
  return <p className="muted probe-facts">{facts.join(' · ')}</p>;
}

/**
 * What a finding discloses, in the language in force: a variant's disclosure or a host tried under
 * some settings only from its message (the report's English text when it has none).
 */
function findingText(finding: ProbeFinding, report: ProbeReport, language: Language, changedWith: (value: string) => string): string {
  if (finding.kind === 'reach') return renderMessageOr(finding.message, finding.description, language);
  const value = finding.values[0] ?? '';
  const variant = report.factors.find((f) => f.factor === finding.factor)?.variants.find((v) => v.value === value);
  if (variant?.message) return renderMessage(variant.message, language);
  return variant?.disclosure ?? changedWith(value);
}

function FindingItems({ findings, report }: { findings: readonly ProbeFinding[]; report: ProbeReport }) {
  const t = useT();
  const language = useLanguage();
  const changedWith = (value: string) => t('probeview.changed-with', { value });
  return findings.map((finding, index) => (
    <li key={index} className={`finding finding-${finding.kind}`}>
      <Badge tone={FINDING_TONES[finding.kind]}>{t(FINDING_KEYS[finding.kind])}</Badge> <strong>{t(FACTOR_KEYS[finding.factor])}</strong>
      {finding.kind !== 'reach' && <span className="muted">{t('probeview.under', { values: finding.values.join(t('list.comma')) })}</span>}
      {t('data.colon')}
      {findingText(finding, report, language, changedWith)}
      {finding.changeKinds.length > 0 && <span className="muted"> [{finding.changeKinds.map((kind) => t(CHANGE_KINDS[kind])).join(t('list.comma'))}]</span>}
    </li>
  ));
}

/** The report's findings; with `shown`, the first few and the rest folded (a tool's page stays short). */
export function FindingList({ report, label, shown }: { report: ProbeReport; label: string; shown?: number }) {
  const t = useT();
  const language = useLanguage();
  const findings = probeFindings(report);
  if (findings.length === 0) return report.error ? null : <p className="muted">{t('probeview.no-findings')}</p>;
  const first = shown === undefined ? findings : findings.slice(0, shown);
  const rest = findings.slice(first.length);
  return (
    <>
      <ul className="plain findings" aria-label={label}>
        <FindingItems findings={first} report={report} />
      </ul>
      {rest.length > 0 && (
        <details>
          <summary>{t(countKey(rest.length, { one: 'probeview.more.one', other: 'probeview.more.other' }), { count: formatCount(rest.length, language) })}</summary>
          <ul className="plain findings">
            <FindingItems findings={rest} report={report} />
          </ul>
        </details>
      )}
    </>
  );
}
