import { useMemo } from 'react';
import type { Snapshot } from '../../../contract/snapshot.js';
import { overviewRows } from '../../../common/overview.js';
import { QuestionList } from '../components/QuestionList.js';
import { indexSignals } from '../lib/signals.js';

const MESSAGES = {
  title: 'Overview',
  list: 'What your tools could infer about you',
  counts: (running: number, connections: number) =>
    `${running} tool${running === 1 ? '' : 's'} running · ${connections} connection${connections === 1 ? '' : 's'}`,
};

/** Five questions a worried developer asks, one row each, all on one screen; a row opens to its evidence and advice. */
export function OverviewView({ snapshot }: { snapshot: Snapshot }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const rows = useMemo(() => overviewRows(snapshot.inferences, snapshot.checks ?? []), [snapshot.inferences, snapshot.checks]);
  const running = snapshot.tools.filter((tool) => tool.running).length;

  return (
    <section aria-labelledby="overview-title" className="overview">
      <h2 id="overview-title">{MESSAGES.title}</h2>
      {/* The exposure level is the header's badge (once); the rows below say what drives it. */}
      <p className="overview-summary muted">{MESSAGES.counts(running, snapshot.connections.length)}</p>
      <QuestionList rows={rows} signals={signals} tools={snapshot.tools} label={MESSAGES.list} />
    </section>
  );
}
