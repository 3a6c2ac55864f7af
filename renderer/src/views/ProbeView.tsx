import { useCallback, useEffect, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { ProbeChange, ProbeFactor, ProbeReport } from '../../../contract/snapshot.js';
import { Badge } from '../components/Badge.js';
import { ChangeView } from '../components/ChangeView.js';
import { CommandLine } from '../components/CommandLine.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { formatCommand } from '../../../common/format.js';
import { describeViaProxy } from '../../../common/probe.js';
import { clockTime } from '../lib/time.js';

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
            {shared.length} change{shared.length === 1 ? '' : 's'} the tool makes for any custom host{' '}
            <span className="muted">(also seen with {alike})</span>
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
      <h4>
        {factor.factor} <span className="muted">baseline {factor.baseline}</span>{' '}
        <Badge tone={factor.changed ? 'danger' : 'ok'}>{factor.changed ? 'changed the request' : 'no change'}</Badge>
      </h4>
      <ul className="plain">
        {factor.variants.map((variant, index) => (
          <li key={`${variant.value}:${index}`} className="variant">
            <p>
              <strong>{variant.value}</strong>{' '}
              <span className="muted">
                ({variant.runs} run{variant.runs === 1 ? '' : 's'}) {variant.changed ? 'changed' : 'unchanged'}
                {variant.comparedWith && ` compared with ${variant.comparedWith}`}
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

function ReportView({ report }: { report: ProbeReport }) {
  return (
    <article className="card" aria-label={`Probe of ${formatCommand(report.command)}`}>
      <CommandLine command={formatCommand(report.command)} />
      <p>{report.summary}</p>
      <p className="muted">
        {clockTime(report.startedAt)}–{clockTime(report.finishedAt)} · {report.runsPerVariant} runs per variant ·{' '}
        {report.requestsCaptured} requests captured
        {report.isolated === false && ' · ran without network isolation'}
        {report.noise.length > 0 && ` · ignored as noise: ${report.noise.join(', ')}`}
      </p>
      {report.error && <ErrorMessage message={report.error} />}
      {report.factors.map((factor) => (
        <FactorView key={factor.factor} factor={factor} />
      ))}
    </article>
  );
}

/** Results of `telltale probe`: did the tool's requests change with the time zone, proxy, ...? */
export function ProbeView({ api }: { api: TelltaleApi }) {
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

  return (
    <section aria-labelledby="probe-title">
      <h2 id="probe-title">Probe</h2>
      <button type="button" onClick={load}>
        Reload probe results
      </button>
      {error && <ErrorMessage message={error} />}
      {reports === null && !error && <p role="status">Loading…</p>}
      {reports?.length === 0 && (
        <div className="card">
          <p>No probe results yet.</p>
          <p>
            A probe runs a tool several times while changing one thing at a time (time zone, locale, proxy, model base
            URL) and compares the requests it sends, to show what the tool reports about you. Run it from a terminal:
          </p>
          <CommandLine command="telltale probe -- <tool command>" />
          <p className="muted">
            For example <code>telltale probe -- claude -p hello</code>; then reload this view.
          </p>
        </div>
      )}
      {reports?.map((report, index) => (
        <ReportView key={`${report.startedAt}:${index}`} report={report} />
      ))}
    </section>
  );
}
