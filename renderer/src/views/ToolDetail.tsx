import { useMemo } from 'react';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { Snapshot, Tool } from '../../../contract/snapshot.js';
import { processIndex } from '../../../common/processes.js';
import { Chips } from '../components/Chips.js';
import { CommandLine } from '../components/CommandLine.js';
import { ConnectionList } from '../components/ConnectionList.js';
import { InferenceCard } from '../components/InferenceCard.js';
import { inferenceLabel } from '../lib/inference.js';
import { indexSignals } from '../lib/signals.js';
import { connectionsOf, inferencesVisibleTo, toolPresence } from '../lib/tools.js';
import { TableHead } from '../components/TableHead.js';
import { SeenEndpoints } from '../components/SeenEndpoints.js';
import { RecentAttempts } from '../components/RecentAttempts.js';
import { CaptureNotice } from '../components/CaptureNotice.js';
import type { LiveContext } from '../lib/live-context.js';
import { toolNameLookup } from '../lib/event-text.js';

/** Everything one tool can see on this machine and what it could conclude from it. */
export function ToolDetail({ tool, snapshot, live }: { tool: Tool; snapshot: Snapshot; live: LiveContext }) {
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const inferences = useMemo(() => inferencesVisibleTo(snapshot.inferences, tool.id), [snapshot.inferences, tool.id]);
  const connections = useMemo(() => connectionsOf(snapshot.connections, tool.id), [snapshot.connections, tool.id]);
  const attempts = useMemo(() => live.attempts.filter((attempt: ConnectionAttempt) => attempt.toolId === tool.id), [live.attempts, tool.id]);
  const name = useMemo(() => toolNameLookup(snapshot.tools), [snapshot.tools]);
  const settings = tool.settings ?? [];
  const optOuts = tool.telemetryOptOuts ?? [];

  return (
    <article aria-labelledby="tool-title">
      <h3 id="tool-title">
        {tool.name} {tool.vendor && <span className="muted">by {tool.vendor}</span>}
      </h3>
      <p>
        {toolPresence(tool)}
        {tool.pids.length > 0 && <span className="muted"> · pid {tool.pids.join(', ')}</span>}
      </p>
      {tool.installEvidence && tool.installEvidence.length > 0 && (
        <p className="muted">Found at: {tool.installEvidence.join(', ')}</p>
      )}

      <section aria-labelledby="endpoints-title" className="endpoints">
        <h4 id="endpoints-title">Endpoints</h4>
        <h5>Seen (history): hosts it reached or tried to reach</h5>
        <SeenEndpoints api={live.api} toolId={tool.id} toolName={tool.name} seq={live.seq} />
        <h5>Expected (catalog)</h5>
        <Chips items={tool.endpoints} label="Expected endpoints (catalog)" empty="None known." />
      </section>

      <h4>What it can read</h4>
      <Chips items={tool.canRead} label="What it can read" empty="Nothing known." />

      <h4>What that lets it infer on this machine</h4>
      {inferences.length === 0 ? (
        <p className="muted">
          Nothing right now.
          {tool.inferences.length > 0 && ` In general it could learn: ${tool.inferences.map(inferenceLabel).join('; ')}.`}
        </p>
      ) : (
        inferences.map((inference, index) => (
          <InferenceCard key={`${inference.id}:${index}`} inference={inference} signals={signals} tools={snapshot.tools} />
        ))
      )}

      <h4>Settings that matter</h4>
      {settings.length === 0 ? (
        <p className="muted">No relevant settings in its config files.</p>
      ) : (
        <table className="simple-table" aria-label={`${tool.name} settings`}>
          <TableHead columns={['File', 'Key', 'Kind', 'Value']} />
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
      )}

      <h4>Telemetry opt-outs</h4>
      {optOuts.length === 0 ? (
        <p className="muted">None known.</p>
      ) : (
        <ul className="plain">
          {optOuts.map((optOut) => (
            <li key={optOut}>
              <CommandLine command={optOut} />
            </li>
          ))}
        </ul>
      )}

      <h4>Live connections ({connections.length})</h4>
      <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      <ConnectionList connections={connections} processes={processIndex(snapshot)} label={`${tool.name} connections`} />

      <h4>Recent connection attempts ({attempts.length})</h4>
      <RecentAttempts attempts={attempts} name={name} label={`${tool.name} connection attempts`} />
    </article>
  );
}
