import { useMemo } from 'react';
import type { Snapshot } from '../../../contract/snapshot.js';
import { overviewRows } from '../../../common/overview.js';
import { QuestionList } from '../components/QuestionList.js';
import { indexSignals } from '../lib/signals.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { CONNECTIONS, countedKey, formatNumber } from '../lib/count.js';

const RUNNING = { one: 'overview.running.one', other: 'overview.running.other' } as const;

/** Five questions a worried developer asks, one row each, all on one screen; a row opens to its evidence and advice. */
export function OverviewView({ snapshot }: { snapshot: Snapshot }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const t = useT();
  const language = useLanguage();
  const rows = useMemo(() => overviewRows(snapshot.inferences, snapshot.checks ?? [], language), [snapshot.inferences, snapshot.checks, language]);
  const running = snapshot.tools.filter((tool) => tool.running).length;
  const connections = snapshot.connections.length;

  return (
    <section aria-labelledby="overview-title" className="overview">
      <h2 id="overview-title">{t('nav.overview')}</h2>
      {/* The exposure level is the header's badge (once); the rows below say what drives it. */}
      <p className="overview-summary muted">
        {t(countedKey(RUNNING, running, language), { count: formatNumber(running, language) })} ·{' '}
        {t(countedKey(CONNECTIONS, connections, language), { count: formatNumber(connections, language) })}
      </p>
      <QuestionList rows={rows} signals={signals} tools={snapshot.tools} label={t('overview.list')} />
    </section>
  );
}
