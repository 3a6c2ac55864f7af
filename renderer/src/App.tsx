import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
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
import { SettingsView } from './views/SettingsView.js';
import { SelfAudit } from './components/SelfAudit.js';
import { TimelineView } from './views/TimelineView.js';
import { WhatIfView } from './views/WhatIfView.js';
import { Toasts } from './components/Toasts.js';
import { inElectron } from './api/getApi.js';
import type { LiveContext } from './lib/live-context.js';
import { INITIAL_CONNECTIONS_VIEW, type ConnectionsViewState } from './lib/connections.js';
import type { Snapshot, Tool } from '../../contract/snapshot.js';
import { LanguageContext, useDocumentLanguage } from './hooks/useT.js';

type SnapshotViewsProps = { view: ViewName; snapshot: Snapshot; live: LiveContext; connections: ConnectionsViewStore };

function SnapshotViews({ view, snapshot, live, connections: [connectionsState, setConnectionsState] }: SnapshotViewsProps) {
  switch (view) {
    case 'Overview':
      return <OverviewView snapshot={snapshot} />;
    case 'What if':
      return <WhatIfView api={live.api} seq={live.seq} snapshot={snapshot} />;
    case 'Apps':
      return <AppsView snapshot={snapshot} live={live} />;
    case 'Connections':
      return <ConnectionsView snapshot={snapshot} live={live} state={connectionsState} onState={setConnectionsState} />;
    case 'Signals':
      return <SignalsView signals={snapshot.signals} tools={snapshot.tools} />;
    default:
      return null;
  }
}

const NO_TOOLS: Tool[] = [];

type ConnectionsViewStore = [ConnectionsViewState, Dispatch<SetStateAction<ConnectionsViewState>>];

export function App({ api }: { api: TelltaleApi }) {
  const state = useTelltale(api);
  const [view, setView] = useState<ViewName>('Overview');
  // Lives here so the Connections view's filter and toggles outlast a visit to another view.
  const connections = useState<ConnectionsViewState>(INITIAL_CONNECTIONS_VIEW);
  // These talk to the API themselves and work before the first sample.
  const needsSnapshot = !['Snapshot', 'Probe', 'Timeline', 'Settings'].includes(view);
  const live = useMemo<LiveContext>(() => ({ api, seq: state.seq, status: state.status, attempts: state.attempts }), [api, state.seq, state.status, state.attempts]);
  const tools = state.snapshot?.tools ?? NO_TOOLS;
  const language = state.status?.language ?? 'en';
  useDocumentLanguage(language);

  return (
    <LanguageContext.Provider value={language}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header snapshot={state.snapshot} status={state.status} link={state.link} onSampleNow={state.sampleNow} onSetPaused={state.setPaused} />
      <Nav current={view} onSelect={setView} />
      <main id="main" tabIndex={-1}>
        {state.error && <ErrorMessage message={state.error} onDismiss={state.dismissError} />}
        {view === 'Snapshot' && <SnapshotView api={api} tools={tools} />}
        {view === 'Probe' && <ProbeView api={api} tools={tools} />}
        {view === 'Timeline' && <TimelineView api={api} tools={tools} seq={state.seq} />}
        {view === 'Settings' && <SettingsView api={api} tools={tools} />}
        {view === 'Settings' && <SelfAudit api={api} seq={state.seq} />}
        {needsSnapshot &&
          (state.snapshot ? (
            <SnapshotViews view={view} snapshot={state.snapshot} live={live} connections={connections} />
          ) : (
            <p role="status">{state.loading ? 'Loading…' : 'Waiting for the first sample… (use “Sample now” to take one)'}</p>
          ))}
      </main>
      {/* Electron shows notifications natively; the browser host shows them here. */}
      {!inElectron() && <Toasts api={api} />}
    </LanguageContext.Provider>
  );
}
