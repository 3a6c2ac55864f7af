import { useState } from 'react';
import type { TelltaleApi } from '../../contract/api.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { Header } from './components/Header.js';
import { Nav, type ViewName } from './components/Nav.js';
import { useTelltale } from './hooks/useTelltale.js';
import { AppsView } from './views/AppsView.js';
import { ConnectionsView } from './views/ConnectionsView.js';
import { OverviewView } from './views/OverviewView.js';
import { ProbeView } from './views/ProbeView.js';
import { SignalsView } from './views/SignalsView.js';
import { SnapshotView } from './views/SnapshotView.js';
import type { Snapshot } from '../../contract/snapshot.js';

function SnapshotViews({ view, snapshot }: { view: ViewName; snapshot: Snapshot }) {
  switch (view) {
    case 'Overview':
      return <OverviewView snapshot={snapshot} />;
    case 'Apps':
      return <AppsView snapshot={snapshot} />;
    case 'Connections':
      return <ConnectionsView snapshot={snapshot} />;
    case 'Signals':
      return <SignalsView signals={snapshot.signals} />;
    default:
      return null;
  }
}

export function App({ api }: { api: TelltaleApi }) {
  const state = useTelltale(api);
  const [view, setView] = useState<ViewName>('Overview');
  // Snapshot and Probe talk to the API themselves and work before the first sample.
  const needsSnapshot = view !== 'Snapshot' && view !== 'Probe';

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header snapshot={state.snapshot} status={state.status} link={state.link} onSampleNow={state.sampleNow} onSetPaused={state.setPaused} />
      <Nav current={view} onSelect={setView} />
      <main id="main" tabIndex={-1}>
        {state.error && <ErrorMessage message={state.error} onDismiss={state.dismissError} />}
        {view === 'Snapshot' && <SnapshotView api={api} />}
        {view === 'Probe' && <ProbeView api={api} />}
        {needsSnapshot &&
          (state.snapshot ? (
            <SnapshotViews view={view} snapshot={state.snapshot} />
          ) : (
            <p role="status">{state.loading ? 'Loading…' : 'Waiting for the first sample… (use “Sample now” to take one)'}</p>
          ))}
      </main>
    </>
  );
}
