/** Pieces of a probe report shared by the Probe view and a tool's page: verdict badge, date line, findings. */
import type { ProbeReport, ProbeReachSource, Tool } from '../../../contract/snapshot.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { probeFindings, probeVerdict, programOf, type ProbeFinding, type ProbeVerdict } from '../../../common/probe-findings.js';
import type { ProbeFactorName } from '../../../common/probe.js';
import type { Tone } from '../lib/exposure.js';
import { toolNames } from '../lib/tools.js';
import { Badge } from './Badge.js';

export const PROBE_MESSAGES = {
  verdicts: {
    clean: 'Clean',
    overt: 'Overt changes',
    covert: 'Covert channel found',
    failed: 'Failed',
  } satisfies Record<ProbeVerdict, string>,
  findingKinds: {
    covert: 'covert',
    overt: 'overt',
    reach: 'host tried',
  } satisfies Record<ProbeFinding['kind'], string>,
  factors: {
    timezone: 'Time zone (TZ)',
    'system-timezone': 'System time zone',
    locale: 'Locale',
    proxy: 'Proxy',
    'base-url': 'Model base URL',
  } satisfies Record<ProbeFactorName, string>,
  seenBy: {
    dns: 'DNS query',
    'proxy-connect': 'CONNECT through the proxy',
    'proxy-request': 'request through the proxy',
    'direct-connect': 'direct connection',
  } satisfies Record<ProbeReachSource, string>,
  probed: (when: string) => `Probed ${when}`,
  runs: (n: number) => `${n} run${n === 1 ? '' : 's'} per variant`,
  requests: (n: number) => `${n} request${n === 1 ? '' : 's'} captured`,
  notIsolated: 'ran without network isolation',
  noFindings: 'No finding: the requests did not change with any setting tried.',
  under: (values: readonly string[]) => ` (with ${values.join(', ')})`,
  more: (n: number) => `${n} more finding${n === 1 ? '' : 's'}`,
};

const VERDICT_TONES: Readonly<Record<ProbeVerdict, Tone>> = { clean: 'ok', overt: 'warn', covert: 'danger', failed: 'info' };
const FINDING_TONES: Readonly<Record<ProbeFinding['kind'], Tone>> = { covert: 'danger', overt: 'warn', reach: 'warn' };

export function VerdictBadge({ report }: { report: ProbeReport }) {
  const verdict = probeVerdict(report);
  return <Badge tone={VERDICT_TONES[verdict]}>{PROBE_MESSAGES.verdicts[verdict]}</Badge>;
}

/** The catalog name of the probed tool, else the program its command runs. */
export function probedName(report: ProbeReport, tools: readonly Tool[]): string {
  return report.toolId ? (toolNames([report.toolId], tools)[0] ?? report.toolId) : programOf(report.command);
}

/** "Probed 2026-11-24 18:00 (UTC+08:00) · 2 runs per variant · 34 requests captured". */
export function ProbeFacts({ report }: { report: ProbeReport }) {
  const facts = [
    PROBE_MESSAGES.probed(formatLocalDateTime(report.startedAt)),
    PROBE_MESSAGES.runs(report.runsPerVariant),
    PROBE_MESSAGES.requests(report.requestsCaptured),
    ...(report.isolated === false ? [PROBE_MESSAGES.notIsolated] : []),
  ];
  return <p className="muted probe-facts">{facts.join(' · ')}</p>;
}

function FindingItems({ findings }: { findings: readonly ProbeFinding[] }) {
  return findings.map((finding, index) => (
    <li key={index} className={`finding finding-${finding.kind}`}>
      <Badge tone={FINDING_TONES[finding.kind]}>{PROBE_MESSAGES.findingKinds[finding.kind]}</Badge>{' '}
      <strong>{PROBE_MESSAGES.factors[finding.factor]}</strong>
      {finding.kind !== 'reach' && <span className="muted">{PROBE_MESSAGES.under(finding.values)}</span>}: {finding.description}
      {finding.changeKinds.length > 0 && <span className="muted"> [{finding.changeKinds.join(', ')}]</span>}
    </li>
  ));
}

/** The report's findings; with `shown`, the first few and the rest folded (a tool's page stays short). */
export function FindingList({ report, label, shown }: { report: ProbeReport; label: string; shown?: number }) {
  const findings = probeFindings(report);
  if (findings.length === 0) return report.error ? null : <p className="muted">{PROBE_MESSAGES.noFindings}</p>;
  const first = shown === undefined ? findings : findings.slice(0, shown);
  const rest = findings.slice(first.length);
  return (
    <>
      <ul className="plain findings" aria-label={label}>
        <FindingItems findings={first} />
      </ul>
      {rest.length > 0 && (
        <details>
          <summary>{PROBE_MESSAGES.more(rest.length)}</summary>
          <ul className="plain findings">
            <FindingItems findings={rest} />
          </ul>
        </details>
      )}
    </>
  );
}
