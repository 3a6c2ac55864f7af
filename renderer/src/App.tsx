import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { errorText } from './api/error-text.js';
import type { TelltaleApi } from '../../contract/api.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { Header } from './components/Header.js';
import { Nav } from './components/Nav.js';
import type { ViewId } from './lib/views.js';
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
import { translator } from '../../common/i18n/translate.js';

type SnapshotViewsProps = { view: ViewId; snapshot: Snapshot; live: LiveContext; connections: ConnectionsViewStore };

function SnapshotViews({ view, snapshot, live, connections: [connectionsState, setConnectionsState] }: SnapshotViewsProps) {
  switch (view) {
    case 'overview':
      return <OverviewView snapshot={snapshot} />;
    case 'what-if':
      return <WhatIfView api={live.api} seq={live.seq} snapshot={snapshot} />;
    case 'apps':
      return <AppsView snapshot={snapshot} live={live} />;
    case 'connections':
      return <ConnectionsView snapshot={snapshot} live={live} state={connectionsState} onState={setConnectionsState} />;
    case 'signals':
      return <SignalsView signals={snapshot.signals} tools={snapshot.tools} />;
    default:
      return null;
  }
}

const NO_TOOLS: Tool[] = [];

/** These talk to the API themselves and work before the first sample. */
const OWN_DATA_VIEWS: ReadonlySet<ViewId> = new Set(['snapshot', 'probe', 'timeline', 'settings']);

type ConnectionsViewStore = [ConnectionsViewState, Dispatch<SetStateAction<ConnectionsViewState>>];

export function App({ api }: { api: TelltaleApi }) {
  const state = useTelltale(api);
  const [view, setView] = useState<ViewId>('overview');
  // Lives here so the Connections view's filter and toggles outlast a visit to another view.
  const connections = useState<ConnectionsViewState>(INITIAL_CONNECTIONS_VIEW);
  const needsSnapshot = !OWN_DATA_VIEWS.has(view);
  const live = useMemo<LiveContext>(() => ({ api, seq: state.seq, status: state.status, attempts: state.attempts }), [api, state.seq, state.status, state.attempts]);
  const tools = state.snapshot?.tools ?? NO_TOOLS;
  const language = state.status?.language ?? 'en';
  useDocumentLanguage(language);
  const t = useMemo(() => translator(language), [language]);

  return (
    <LanguageContext.Provider value={language}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header snapshot={state.snapshot} status={state.status} link={state.link} onSampleNow={state.sampleNow} onSetPaused={state.setPaused} />
      <Nav current={view} onSelect={setView} />
      <main id="main" tabIndex={-1}>
        {state.error !== null && <ErrorMessage message={errorText(state.error, language)} onDismiss={state.dismissError} />}
        {view === 'snapshot' && <SnapshotView api={api} tools={tools} />}
        {view === 'probe' && <ProbeView api={api} tools={tools} />}
        {view === 'timeline' && <TimelineView api={api} tools={tools} seq={state.seq} />}
        {view === 'settings' && <SettingsView api={api} tools={tools} systemLanguage={state.status?.systemLanguage} />}
        {view === 'settings' && <SelfAudit api={api} seq={state.seq} />}
        {needsSnapshot &&
          (state.snapshot ? (
            <SnapshotViews view={view} snapshot={state.snapshot} live={live} connections={connections} />
          ) : (
            <p role="status">{state.loading ? t('shell.loading') : t('app.waiting')}</p>
          ))}
      </main>
      {/* Electron shows notifications natively; the browser host shows them here. */}
      {!inElectron() && <Toasts api={api} />}
    </LanguageContext.Provider>
  );
}
