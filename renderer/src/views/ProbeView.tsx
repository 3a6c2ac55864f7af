import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { ProbeChange, ProbeFactor, ProbeReport, Tool } from '../../../contract/snapshot.js';
import { describeViaProxy, describeZoneSource } from '../../../common/probe.js';
import { probesByTool, type ToolProbes } from '../../../common/probe-findings.js';
import { formatCommand } from '../../../common/format.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { Badge } from '../components/Badge.js';
import { ChangeView } from '../components/ChangeView.js';
import { CommandLine } from '../components/CommandLine.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FindingList, PROBE_MESSAGES, ProbeFacts, probedName, VerdictBadge } from '../components/ProbeParts.js';
import { ScrollBox } from '../components/ScrollBox.js';
import { TableHead } from '../components/TableHead.js';

const MESSAGES = {
  title: 'Probe',
  reload: 'Reload probe results',
  loading: 'Loading…',
  findings: 'Findings',
  findingsOf: (name: string) => `Findings of the probe of ${name}`,
  zoneSource: 'Which time zone it follows',
  zoneColumns: ['Zone', 'With TZ', 'With the system zone'],
  changed: 'changed the requests',
  unchanged: 'no change',
  systemZoneUnavailable: (why: string) => `The system zone was not varied (only TZ): ${why}`,
  reached: 'Other hosts it tried to reach',
  reachedOf: (name: string) => `Hosts ${name} tried to reach`,
  reachColumns: ['Host or address', 'Ports', 'Seen as', 'Tries', 'Under'],
  noneReached: 'None seen besides the base URL.',
  reachFinding: 'Tried under some settings only: see Findings',
  gaps: 'What could not be observed here',
  factors: 'What was varied',
  baseline: (value: string) => `baseline ${value}`,
  runs: (n: number) => `${n} run${n === 1 ? '' : 's'}`,
  comparedWith: (value: string) => ` compared with ${value}`,
  sharedChanges: (n: number) => `${n} change${n === 1 ? '' : 's'} the tool makes for any custom host`,
  alsoSeen: (values: string) => `(also seen with ${values})`,
  noise: (fields: readonly string[]) => `Ignored as noise (differed between identical runs): ${fields.join(', ')}`,
  attempts: (n: number) => `TCP connection attempts of each run (${n} runs)`,
  attemptsUnavailable: (why: string) => `TCP connection attempts not recorded: ${why}`,
  attemptColumns: ['Environment', 'Run', 'Attempts'],
  noAttempts: 'none',
  earlier: (name: string, n: number) => `Earlier probes of ${name} (${n})`,
  earlierOne: (when: string) => `Probe of ${when}`,
  emptyTitle: 'No probe results yet.',
  emptyWhat:
    'A probe runs a tool several times while changing one thing at a time (time zone, locale, proxy, model base URL) and compares the requests it sends, to show what the tool reports about you. Run it from a terminal:',
  emptyExample: 'For example',
  emptyThen: '; then reload this view.',
};


function ChangeList({ changes }: { changes: readonly ProbeChange[] }) {
  return (
    <ul className="plain">
      {changes.map((change, index) => (
        <ChangeView key={index} change={change} />
      ))}
    </ul>
  );
}

/**
 * A variant's own changes in full. Reports saved before variants were compared with their neutral
 * variant directly mark the changes that variant showed too (sharedWith): those are folded away.
 */
function VariantChanges({ changes }: { changes: readonly ProbeChange[] }) {
  const own = changes.filter((c) => c.sharedWith === undefined);
  const shared = changes.filter((c) => c.sharedWith !== undefined);
  const alike = [...new Set(shared.map((c) => c.sharedWith))].join(', ');
  return (
    <>
      {own.length > 0 && <ChangeList changes={own} />}
      {shared.length > 0 && (
        <details>
          <summary>
            {MESSAGES.sharedChanges(shared.length)} <span className="muted">{MESSAGES.alsoSeen(alike)}</span>
          </summary>
          <ChangeList changes={shared} />
        </details>
      )}
    </>
  );
}

function FactorView({ factor }: { factor: ProbeFactor }) {
  return (
    <section className="factor">
      <h5>
        {PROBE_MESSAGES.factors[factor.factor]} <span className="muted">{MESSAGES.baseline(factor.baseline)}</span>{' '}
        <Badge tone={factor.changed ? 'danger' : 'ok'}>{factor.changed ? MESSAGES.changed : MESSAGES.unchanged}</Badge>
      </h5>
      <ul className="plain">
        {factor.variants.map((variant, index) => (
          <li key={`${variant.value}:${index}`} className="variant">
            <p>
              <strong className="mono">{variant.value}</strong>{' '}
              <span className="muted">
                ({MESSAGES.runs(variant.runs)}) {variant.changed ? MESSAGES.changed : MESSAGES.unchanged}
                {variant.comparedWith && MESSAGES.comparedWith(variant.comparedWith)}
                {variant.viaProxy && `; ${describeViaProxy(variant.viaProxy)}`}
              </span>
            </p>
            {variant.disclosure && <p className="disclosure">{variant.disclosure}</p>}
            {variant.error && <ErrorMessage message={variant.error} />}
            <VariantChanges changes={variant.changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ZoneSource({ report }: { report: ProbeReport }) {
  if (!report.zoneSource && !report.systemZoneUnavailable) return null;
  return (
    <section className="probe-part">
      <h4>{MESSAGES.zoneSource}</h4>
      {report.systemZoneUnavailable && <p className="muted">{MESSAGES.systemZoneUnavailable(report.systemZoneUnavailable)}</p>}
      {report.zoneSource && (
        <>
          <p>{describeZoneSource(report.zoneSource)}</p>
          <ScrollBox label={MESSAGES.zoneSource}>
            <table className="simple-table" aria-label={MESSAGES.zoneSource}>
              <TableHead columns={MESSAGES.zoneColumns} />
              <tbody>
                {report.zoneSource.zones.map((zone) => (
                  <tr key={zone.zone}>
                    <td className="mono">{zone.zone}</td>
                    <td>{zone.tz ? MESSAGES.changed : MESSAGES.unchanged}</td>
                    <td>{zone.system ? MESSAGES.changed : MESSAGES.unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </section>
  );
}

function Reached({ report, name }: { report: ProbeReport; name: string }) {
  const reached = report.reached;
  const findings = report.reachFindings ?? [];
  const gaps = report.reachGaps ?? [];
  if (!reached && findings.length === 0 && gaps.length === 0) return null;
  return (
    <section className="probe-part">
      <h4>{MESSAGES.reached}</h4>
      {reached && reached.length === 0 && <p className="muted">{MESSAGES.noneReached}</p>}
      {reached && reached.length > 0 && (
        <ScrollBox label={MESSAGES.reachedOf(name)}>
          <table className="simple-table reached" aria-label={MESSAGES.reachedOf(name)}>
            <TableHead columns={MESSAGES.reachColumns} />
            <tbody>
              {reached.map((host) => (
                <tr
                  key={host.host}
                  className={findings.some((f) => f.host === host.host) ? 'finding-row' : undefined}
                  title={findings.some((f) => f.host === host.host) ? MESSAGES.reachFinding : undefined}
                >
                  <td className="mono">{host.host}</td>
                  <td className="mono">{host.ports.join(', ') || '—'}</td>
                  <td>{host.seenBy.map((s) => PROBE_MESSAGES.seenBy[s]).join(', ')}</td>
                  <td>{host.count}</td>
                  <td className="mono">{host.environments.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {gaps.length > 0 && (
        <>
          <h5>{MESSAGES.gaps}</h5>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Attempts({ report }: { report: ProbeReport }) {
  if (report.attemptsUnavailable) return <p className="muted">{MESSAGES.attemptsUnavailable(report.attemptsUnavailable)}</p>;
  if (!report.attempts || report.attempts.length === 0) return null;
  return (
    <details>
      <summary>{MESSAGES.attempts(report.attempts.length)}</summary>
      <ScrollBox label={MESSAGES.attempts(report.attempts.length)}>
        <table className="simple-table" aria-label={MESSAGES.attempts(report.attempts.length)}>
          <TableHead columns={MESSAGES.attemptColumns} />
          <tbody>
            {report.attempts.map((run) => (
              <tr key={`${run.group}:${run.run}`}>
                <td className="mono">{run.group}</td>
                <td>{run.run}</td>
                <td className="mono">
                  {run.attempts.length === 0
                    ? MESSAGES.noAttempts
                    : run.attempts.map((a) => `${a.process} (${a.pid}) → ${a.remoteAddress.includes(':') ? `[${a.remoteAddress}]` : a.remoteAddress}:${a.remotePort} ${a.outcome}`).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}

/** Everything one report holds, below its tool's heading. */
function ReportBody({ report, name }: { report: ProbeReport; name: string }) {
  return (
    <>
      <CommandLine command={formatCommand(report.command)} />
      <ProbeFacts report={report} />
      <p>{report.summary}</p>
      {report.error && <ErrorMessage message={report.error} />}
      <section className="probe-part">
        <h4>{MESSAGES.findings}</h4>
        <FindingList report={report} label={MESSAGES.findingsOf(name)} />
      </section>
      <ZoneSource report={report} />
      <Reached report={report} name={name} />
      {report.factors.length > 0 && (
        <section className="probe-part">
          <h4>{MESSAGES.factors}</h4>
          {report.noise.length > 0 && <p className="muted">{MESSAGES.noise(report.noise)}</p>}
          {report.factors.map((factor) => (
            <FactorView key={factor.factor} factor={factor} />
          ))}
        </section>
      )}
      <Attempts report={report} />
    </>
  );
}

/** One tool: its latest probe in full, older ones folded below it. */
function ToolProbesView({ row, tools }: { row: ToolProbes; tools: readonly Tool[] }) {
  const name = probedName(row.latest, tools);
  const headingId = `probe-${row.key.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <article className="card probe-report" aria-labelledby={headingId}>
      <header className="card-head">
        <h3 id={headingId}>{name}</h3>
        <VerdictBadge report={row.latest} />
      </header>
      <ReportBody report={row.latest} name={name} />
      {row.earlier.length > 0 && (
        <details className="earlier-probes">
          <summary>{MESSAGES.earlier(name, row.earlier.length)}</summary>
          {row.earlier.map((report) => (
            <details key={report.startedAt} className="earlier-probe">
              <summary>
                {MESSAGES.earlierOne(formatLocalDateTime(report.startedAt))} <VerdictBadge report={report} />
              </summary>
              <ReportBody report={report} name={name} />
            </details>
          ))}
        </details>
      )}
    </article>
  );
}

/** Results of `telltale probe`, one card per tool: did its requests change with the time zone, proxy, ...? */
export function ProbeView({ api, tools }: { api: TelltaleApi; tools: readonly Tool[] }) {
  const [reports, setReports] = useState<ProbeReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.getProbes({}).then(
      (next) => {
        setReports(next);
        setError(null);
      },
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, [api]);

  useEffect(load, [load]);
  const rows = useMemo(() => (reports ? probesByTool(reports) : null), [reports]);

  return (
    <section aria-labelledby="probe-title" className="probe">
      <h2 id="probe-title">{MESSAGES.title}</h2>
      <button type="button" onClick={load}>
        {MESSAGES.reload}
      </button>
      {error && <ErrorMessage message={error} />}
      {rows === null && !error && <p role="status">{MESSAGES.loading}</p>}
      {rows?.length === 0 && (
        <div className="card">
          <p>{MESSAGES.emptyTitle}</p>
          <p>{MESSAGES.emptyWhat}</p>
          <CommandLine command="telltale probe -- <tool command>" />
          <p className="muted">
            {MESSAGES.emptyExample} <code>telltale probe -- claude -p hello</code>
            {MESSAGES.emptyThen}
          </p>
        </div>
      )}
      {rows?.map((row) => (
        <ToolProbesView key={row.key} row={row} tools={tools} />
      ))}
    </section>
  );
}
