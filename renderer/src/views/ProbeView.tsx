import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '../api/error-text.js';
import type { TelltaleApi } from '../../../contract/api.js';
import type { ProbeAttempt, ProbeChange, ProbeFactor, ProbeReport, ProbeVariantResult, Tool } from '../../../contract/snapshot.js';
import { renderMessage, renderMessageOr } from '../../../common/i18n/render.js';
import { renderCaptureUnavailable } from '../../../common/i18n/render-capture.js';
import { OUTCOME_KEYS, SEEN_BY_KEYS, ZONE_SOURCE_KEYS } from '../../../common/i18n/probe-keys.js';
import { probesByTool, type ToolProbes } from '../../../common/probe-findings.js';
import { formatCommand } from '../../../common/format.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { Badge } from '../components/Badge.js';
import { ChangeView } from '../components/ChangeView.js';
import { CommandLine } from '../components/CommandLine.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FACTOR_KEYS, FindingList, ProbeFacts, probedName, VerdictBadge } from '../components/ProbeParts.js';
import { ScrollBox } from '../components/ScrollBox.js';
import { TableHead } from '../components/TableHead.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countKey, formatCount } from '../lib/data-format.js';

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
  const t = useT();
  const language = useLanguage();
  const own = changes.filter((c) => c.sharedWith === undefined);
  const shared = changes.filter((c) => c.sharedWith !== undefined);
  const alike = [...new Set(shared.map((c) => c.sharedWith))].join(t('list.comma'));
  return (
    <>
      {own.length > 0 && <ChangeList changes={own} />}
      {shared.length > 0 && (
        <details>
          <summary>
            {t(countKey(shared.length, { one: 'probeview.shared.one', other: 'probeview.shared.other' }), { count: formatCount(shared.length, language) })}{' '}
            <span className="muted">{t('probeview.also-seen', { values: alike })}</span>
          </summary>
          <ChangeList changes={shared} />
        </details>
      )}
    </>
  );
}

/** What a variant discloses, in the language in force (its English text for a report saved before messages). */
function Disclosure({ variant }: { variant: ProbeVariantResult }) {
  const language = useLanguage();
  const text = variant.message ? renderMessage(variant.message, language) : variant.disclosure;
  return text ? <p className="disclosure">{text}</p> : null;
}

function FactorView({ factor }: { factor: ProbeFactor }) {
  const t = useT();
  const language = useLanguage();
  const changed = (yes: boolean) => (yes ? t('probeview.changed') : t('probeview.unchanged'));
  return (
    <section className="factor">
      <h5>
        {t(FACTOR_KEYS[factor.factor])} <span className="muted">{t('probeview.baseline', { value: factor.baseline })}</span>{' '}
        <Badge tone={factor.changed ? 'danger' : 'ok'}>{changed(factor.changed)}</Badge>
      </h5>
      <ul className="plain">
        {factor.variants.map((variant, index) => (
          <li key={`${variant.value}:${index}`} className="variant">
            <p>
              <strong className="mono">{variant.value}</strong>{' '}
              <span className="muted">
                {t('data.parenthesised', {
                  text: t(countKey(variant.runs, { one: 'data.runs.one', other: 'data.runs.other' }), { count: formatCount(variant.runs, language) }),
                })}{' '}
                {changed(variant.changed)}
                {variant.comparedWith && t('probeview.compared-with', { value: variant.comparedWith })}
                {variant.viaProxy &&
                  t(countKey(variant.viaProxy.of, { one: 'probeview.via-proxy.one', other: 'probeview.via-proxy.other' }), { requests: formatCount(variant.viaProxy.requests, language), of: formatCount(variant.viaProxy.of, language) })}
              </span>
            </p>
            <Disclosure variant={variant} />
            {variant.error && <ErrorMessage message={variant.errorMessages?.map((e) => renderMessage(e, language)).join(t('list.semicolon')) ?? variant.error} />}
            <VariantChanges changes={variant.changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ZoneSource({ report }: { report: ProbeReport }) {
  const t = useT();
  const language = useLanguage();
  if (!report.zoneSource && !report.systemZoneUnavailable) return null;
  const changed = (yes: boolean) => (yes ? t('probeview.changed') : t('probeview.unchanged'));
  return (
    <section className="probe-part">
      <h4>{t('probeview.zone-source')}</h4>
      {report.systemZoneUnavailable && <p className="muted">{t('probeview.system-zone-unavailable', { reason: renderMessageOr(report.systemZoneUnavailableMessage, report.systemZoneUnavailable, language) })}</p>}
      {report.zoneSource && (
        <>
          <p>{t(ZONE_SOURCE_KEYS[report.zoneSource.follows])}</p>
          <ScrollBox label={t('probeview.zone-source')}>
            <table className="simple-table" aria-label={t('probeview.zone-source')}>
              <TableHead columns={[t('probeview.zone'), t('probeview.with-tz'), t('probeview.with-system-zone')]} />
              <tbody>
                {report.zoneSource.zones.map((zone) => (
                  <tr key={zone.zone}>
                    <td className="mono">{zone.zone}</td>
                    <td>{changed(zone.tz)}</td>
                    <td>{changed(zone.system)}</td>
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
  const t = useT();
  const language = useLanguage();
  const reached = report.reached;
  const findings = report.reachFindings ?? [];
  const gaps = report.reachGapMessages?.map((gap) => renderMessage(gap, language)) ?? report.reachGaps ?? [];
  if (!reached && findings.length === 0 && gaps.length === 0) return null;
  const label = t('probeview.reached-of', { name });
  return (
    <section className="probe-part">
      <h4>{t('probeview.reached')}</h4>
      {reached && reached.length === 0 && <p className="muted">{t('probeview.none-reached')}</p>}
      {reached && reached.length > 0 && (
        <ScrollBox label={label}>
          <table className="simple-table reached" aria-label={label}>
            <TableHead
              columns={[
                t('probeview.reached.host'),
                t('probeview.reached.ports'),
                t('probeview.reached.seen-as'),
                t('probeview.reached.tries'),
                t('probeview.reached.under'),
              ]}
            />
            <tbody>
              {reached.map((host) => (
                <tr
                  key={host.host}
                  className={findings.some((f) => f.host === host.host) ? 'finding-row' : undefined}
                  title={findings.some((f) => f.host === host.host) ? t('probeview.reach-finding') : undefined}
                >
                  <td className="mono">{host.host}</td>
                  <td className="mono">{host.ports.join(', ') || t('data.dash')}</td>
                  <td>{host.seenBy.map((s) => t(SEEN_BY_KEYS[s])).join(t('list.comma'))}</td>
                  <td>{formatCount(host.count, language)}</td>
                  <td className="mono">{host.environments.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {gaps.length > 0 && (
        <>
          <h5>{t('probeview.gaps')}</h5>
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

const address = (a: ProbeAttempt) => `${a.remoteAddress.includes(':') ? `[${a.remoteAddress}]` : a.remoteAddress}:${a.remotePort}`;

function Attempts({ report }: { report: ProbeReport }) {
  const t = useT();
  const language = useLanguage();
  const { attemptsUnavailable: english, attemptsUnavailableMessage: why } = report;
  if (english) return <p className="muted">{t('probeview.attempts-unavailable', { reason: why ? renderCaptureUnavailable(why, language) : english })}</p>;
  if (!report.attempts || report.attempts.length === 0) return null;
  const runs = report.attempts.length;
  const label = t('probeview.attempts', { runs: t(countKey(runs, { one: 'data.runs.one', other: 'data.runs.other' }), { count: formatCount(runs, language) }) });
  return (
    <details>
      <summary>{label}</summary>
      <ScrollBox label={label}>
        <table className="simple-table" aria-label={label}>
          <TableHead columns={[t('probeview.attempts.environment'), t('probeview.attempts.run'), t('probeview.attempts.attempts')]} />
          <tbody>
            {report.attempts.map((run) => (
              <tr key={`${run.group}:${run.run}`}>
                <td className="mono">{run.group}</td>
                <td>{formatCount(run.run, language)}</td>
                <td className="mono">
                  {run.attempts.length === 0
                    ? t('probeview.attempts.none')
                    : run.attempts.map((a) => `${a.process} (${a.pid}) → ${address(a)} ${t(OUTCOME_KEYS[a.outcome])}`).join('; ')}
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
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <CommandLine command={formatCommand(report.command)} />
      <ProbeFacts report={report} />
      <p>{report.summaryMessage ? renderMessage(report.summaryMessage, language) : report.summary}</p>
      {report.error && <ErrorMessage message={renderMessageOr(report.errorMessage, report.error, language)} />}
      <section className="probe-part">
        <h4>{t('probeview.findings')}</h4>
        <FindingList report={report} label={t('probeview.findings-of', { name })} />
      </section>
      <ZoneSource report={report} />
      <Reached report={report} name={name} />
      {report.factors.length > 0 && (
        <section className="probe-part">
          <h4>{t('probeview.factors')}</h4>
          {report.noise.length > 0 && <p className="muted">{t('probeview.noise', { fields: report.noise.join(', ') })}</p>}
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
  const t = useT();
  const language = useLanguage();
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
          <summary>{t('probeview.earlier', { name, count: formatCount(row.earlier.length, language) })}</summary>
          {row.earlier.map((report) => (
            <details key={report.startedAt} className="earlier-probe">
              <summary>
                {t('probeview.earlier-one', { when: formatLocalDateTime(report.startedAt, undefined, language) })} <VerdictBadge report={report} />
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
  const t = useT();
  const language = useLanguage();
  const [reports, setReports] = useState<ProbeReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.getProbes({}).then(
      (next) => {
        setReports(next);
        setError(null);
      },
      (reason: unknown) => setError(errorText(reason, language)),
    );
  }, [api, language]);

  useEffect(load, [load]);
  const rows = useMemo(() => (reports ? probesByTool(reports) : null), [reports]);

  return (
    <section aria-labelledby="probe-title" className="probe">
      <h2 id="probe-title">{t('probeview.title')}</h2>
      <button type="button" onClick={load}>
        {t('probeview.reload')}
      </button>
      {error && <ErrorMessage message={t('probeview.error', { error })} />}
      {rows === null && !error && <p role="status">{t('probeview.loading')}</p>}
      {rows?.length === 0 && (
        <div className="card">
          <p>{t('probeview.empty')}</p>
          <p>{t('probeview.empty.what')}</p>
          <CommandLine command={`telltale probe -- ${t('probeview.tool-command')}`} />
          <p className="muted">
            {t('probeview.empty.example')} <code>telltale probe -- claude -p hello</code>
            {t('probeview.empty.then')}
          </p>
        </div>
      )}
      {rows?.map((row) => (
        <ToolProbesView key={row.key} row={row} tools={tools} />
      ))}
    </section>
  );
}
