import { useMemo } from 'react';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { Capability, Snapshot, Tool } from '../../../contract/snapshot.js';
import { toolView } from '../../../common/overview.js';
import { processIndex } from '../../../common/processes.js';
import { Chips } from '../components/Chips.js';
import { CommandLine } from '../components/CommandLine.js';
import { ConnectionList } from '../components/ConnectionList.js';
import { ExposureBadge } from '../components/ExposureBadge.js';
import { QuestionList } from '../components/QuestionList.js';
import { indexSignals } from '../lib/signals.js';
import { connectionsOf, toolPresence } from '../lib/tools.js';
import { TableHead } from '../components/TableHead.js';
import { SeenEndpoints } from '../components/SeenEndpoints.js';
import { RecentAttempts } from '../components/RecentAttempts.js';
import { CaptureNotice } from '../components/CaptureNotice.js';
import type { LiveContext } from '../lib/live-context.js';
import { toolNameLookup } from '../lib/event-text.js';
import { FindingList, ProbeFacts, VerdictBadge } from '../components/ProbeParts.js';
import { ScrollBox } from '../components/ScrollBox.js';

const MESSAGES = {
  by: (vendor: string) => `by ${vendor}`,
  pids: (pids: readonly number[]) => ` · pid ${pids.join(', ')}`,
  foundAt: (where: string) => `Found at: ${where}`,
  infers: (name: string) => `What ${name} could infer about you`,
  probed: (name: string) => `What a probe saw ${name} send`,
  probeFindings: (name: string) => `Probe findings of ${name}`,
  earlierProbes: (n: number) => `${n} earlier probe${n === 1 ? '' : 's'} in the Probe view.`,
  connections: (n: number) => `Live connections (${n})`,
  seen: 'Endpoints seen (from the history): hosts it reached or tried to reach',
  expected: "Expected endpoints (Telltale's catalog, not necessarily seen)",
  none: 'None known.',
  reads: (name: string) => `What ${name} reads`,
  readsList: (name: string) => `What ${name} reads`,
  settings: 'Settings in its config files',
  noSettings: 'No relevant settings in its config files.',
  settingColumns: ['File', 'Key', 'Kind', 'Value'],
  telemetry: 'Telemetry opt-outs',
  attempts: (n: number) => `Recent connection attempts (${n})`,
  capabilities: {
    env: 'its environment: proxy variables, model base URLs, LANG, TZ',
    timezone: 'the time zone and clock',
    files: 'files in your home: git config, package-manager and tool configs',
    network: 'the network: it connects out',
  } satisfies Record<Capability, string>,
};

/** One tool: what it could infer (its own advice only), its connections and endpoints, then what it reads. */
export function ToolDetail({ tool, snapshot, live }: { tool: Tool; snapshot: Snapshot; live: LiveContext }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const view = useMemo(() => toolView(tool.id, snapshot.inferences, snapshot.checks ?? [], snapshot.probes ?? []), [tool.id, snapshot.inferences, snapshot.checks, snapshot.probes]);
  const connections = useMemo(() => connectionsOf(snapshot.connections, tool.id), [snapshot.connections, tool.id]);
  const attempts = useMemo(() => live.attempts.filter((attempt: ConnectionAttempt) => attempt.toolId === tool.id), [live.attempts, tool.id]);
  const name = useMemo(() => toolNameLookup(snapshot.tools), [snapshot.tools]);
  const settings = tool.settings ?? [];
  const optOuts = tool.telemetryOptOuts ?? [];

  return (
    <article aria-labelledby="tool-title" className="tool-detail">
      <header className="card-head">
        <h3 id="tool-title">
          {tool.name} {tool.vendor && <span className="muted">{MESSAGES.by(tool.vendor)}</span>}
        </h3>
        <ExposureBadge level={view.level} />
      </header>
      <p>
        {toolPresence(tool)}
        {tool.pids.length > 0 && <span className="muted">{MESSAGES.pids(tool.pids)}</span>}
      </p>
      {tool.installEvidence && tool.installEvidence.length > 0 && <p className="muted">{MESSAGES.foundAt(tool.installEvidence.join(', '))}</p>}

      <h4>{MESSAGES.infers(tool.name)}</h4>
      <QuestionList rows={view.rows} signals={signals} tools={snapshot.tools} label={MESSAGES.infers(tool.name)} />

      {view.probes && (
        <section aria-labelledby="tool-probe-title" className="tool-probe">
          <h4 id="tool-probe-title">
            {MESSAGES.probed(tool.name)} <VerdictBadge report={view.probes.latest} />
          </h4>
          <ProbeFacts report={view.probes.latest} />
          <FindingList report={view.probes.latest} label={MESSAGES.probeFindings(tool.name)} shown={3} />
          {view.probes.earlier.length > 0 && <p className="muted">{MESSAGES.earlierProbes(view.probes.earlier.length)}</p>}
        </section>
      )}

      <h4>{MESSAGES.connections(connections.length)}</h4>
      <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      <ConnectionList connections={connections} processes={processIndex(snapshot)} label={`${tool.name} connections`} />

      <section aria-labelledby="endpoints-title" className="endpoints">
        <h4 id="endpoints-title">{MESSAGES.seen}</h4>
        <SeenEndpoints api={live.api} toolId={tool.id} toolName={tool.name} seq={live.seq} />
        <h5>{MESSAGES.expected}</h5>
        <Chips items={tool.endpoints} label={MESSAGES.expected} empty={MESSAGES.none} />
      </section>

      <h4>{MESSAGES.reads(tool.name)}</h4>
      <ul className="plain" aria-label={MESSAGES.readsList(tool.name)}>
        {tool.canRead.map((capability) => (
          <li key={capability}>{MESSAGES.capabilities[capability]}</li>
        ))}
      </ul>
      <h5>{MESSAGES.settings}</h5>
      {settings.length === 0 ? (
        <p className="muted">{MESSAGES.noSettings}</p>
      ) : (
        <ScrollBox label={`${tool.name} settings`}>
          <table className="simple-table" aria-label={`${tool.name} settings`}>
            <TableHead columns={MESSAGES.settingColumns} />
            <tbody>
              {settings.map((setting, index) => (
                <tr key={index}>
                  <td className="mono">{setting.file}</td>
                  <td className="mono">{setting.key}</td>
                  <td>{setting.kind}</td>
                  <td>
                    <span className="mono">{setting.value ?? '—'}</span>
                    {setting.note && <div className="muted">{setting.note}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      {optOuts.length > 0 && (
        <>
          <h4>{MESSAGES.telemetry}</h4>
          <ul className="plain">
            {optOuts.map((optOut) => (
              <li key={optOut}>
                <CommandLine command={optOut} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>{MESSAGES.attempts(attempts.length)}</h4>
      <RecentAttempts attempts={attempts} name={name} label={`${tool.name} connection attempts`} />
    </article>
  );
}
