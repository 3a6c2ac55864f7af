import { useMemo } from 'react';
import type { Snapshot } from '../../../contract/snapshot.js';
import { rankInferences } from '../../../common/exposure.js';
import { Badge } from '../components/Badge.js';
import { Chips } from '../components/Chips.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { ExposureBadge } from '../components/ExposureBadge.js';
import { InferenceCard } from '../components/InferenceCard.js';
import { indexSignals } from '../lib/signals.js';
import { toolNames } from '../lib/tools.js';

export function OverviewView({ snapshot }: { snapshot: Snapshot }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const inferences = useMemo(() => rankInferences(snapshot.inferences), [snapshot.inferences]);
  const running = snapshot.tools.filter((tool) => tool.running).length;
  const checks = snapshot.checks ?? [];

  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <div className="card summary">
        <ExposureBadge level={snapshot.exposure?.level} />
        <p>{snapshot.exposure?.summary ?? 'This host did not assess an overall exposure level.'}</p>
        <p className="muted">
          {running} tool{running === 1 ? '' : 's'} running · {snapshot.connections.length} connections ·{' '}
          {snapshot.inferences.length} inference{snapshot.inferences.length === 1 ? '' : 's'} · {snapshot.host.platform}{' '}
          {snapshot.host.release}
        </p>
      </div>

      <h2>What your tools could infer about you</h2>
      {inferences.length === 0 ? (
        <p>Nothing: no evidence on this machine supports an inference about your location, proxy or affiliation.</p>
      ) : (
        inferences.map((inference, index) => (
          <InferenceCard key={`${inference.id}:${String(inference.value)}:${index}`} inference={inference} signals={signals} tools={snapshot.tools} />
        ))
      )}

      {checks.length > 0 && (
        <>
          <h2>Known checks</h2>
          {checks.map((check) => (
            <article key={check.id} className="card" aria-label={check.name}>
              <header className="card-head">
                <h3>{check.name}</h3>
                <Badge tone={check.flagged ? 'danger' : 'ok'}>{check.flagged ? 'Would flag you' : 'Would not flag you'}</Badge>
              </header>
              <p>{check.statement}</p>
              {check.evidence.length > 0 && (
                <>
                  <h4>Evidence</h4>
                  <EvidenceList ids={check.evidence} signals={signals} />
                </>
              )}
              <h4>Visible to</h4>
              <Chips items={toolNames(check.visibleTo, snapshot.tools)} label="Tools that can run this check" empty="No tool on this machine." />
            </article>
          ))}
        </>
      )}
    </section>
  );
}
