import { useMemo } from 'react';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { Capability, Snapshot, Tool, ToolSetting } from '../../../contract/snapshot.js';
import { optOutLines, settingNoteText, toolNoteText } from '../../../common/catalog-text.js';
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
import { SETTING_KINDS } from '../../../common/i18n/render-signal.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { countedKey, formatNumber } from '../lib/count.js';

const CAN_READ: Readonly<Record<Capability, PlainKey>> = {
  env: 'tool-page.can-read.env',
  timezone: 'tool-page.can-read.timezone',
  files: 'tool-page.can-read.files',
  network: 'tool-page.can-read.network',
};

const EARLIER_PROBES = { one: 'tool-page.earlier-probes.one', other: 'tool-page.earlier-probes.other' } as const;

function SettingNote({ setting }: { setting: ToolSetting }) {
  const note = settingNoteText(setting, useLanguage());
  return note ? <div className="muted">{note}</div> : null;
}

/** One tool: what it could infer (its own advice only), its connections and endpoints, then what it reads. */
export function ToolDetail({ tool, snapshot, live }: { tool: Tool; snapshot: Snapshot; live: LiveContext }) {
  const t = useT();
  const language = useLanguage();
  const count = (n: number) => ({ count: formatNumber(n, language) });
  const signals = useMemo(() => indexSignals(snapshot.signals), [snapshot.signals]);
  const view = useMemo(() => toolView(tool.id, snapshot.inferences, snapshot.checks ?? [], snapshot.probes ?? [], language), [tool.id, snapshot.inferences, snapshot.checks, snapshot.probes, language]);
  const connections = useMemo(() => connectionsOf(snapshot.connections, tool.id), [snapshot.connections, tool.id]);
  const attempts = useMemo(() => live.attempts.filter((attempt: ConnectionAttempt) => attempt.toolId === tool.id), [live.attempts, tool.id]);
  const name = useMemo(() => toolNameLookup(snapshot.tools), [snapshot.tools]);
  const settings = tool.settings ?? [];
  const optOuts = optOutLines(tool, language);
  const note = toolNoteText(tool, language);

  return (
    <article aria-labelledby="tool-title" className="tool-detail">
      <header className="card-head">
        <h3 id="tool-title">
          {tool.name} {tool.vendor && <span className="muted">{t('tool-page.by', { vendor: tool.vendor })}</span>}
        </h3>
        <ExposureBadge level={view.level} />
      </header>
      <p>
        {toolPresence(tool, language)}
        {tool.pids.length > 0 && <span className="muted"> · {t('shell.pid', { pids: tool.pids.join(t('list.comma')) })}</span>}
      </p>
      {tool.installEvidence && tool.installEvidence.length > 0 && <p className="muted">{t('tool-page.found-at', { where: tool.installEvidence.join(t('list.comma')) })}</p>}
      {note && <p>{note}</p>}

      <h4>{t('tool-page.infers', { tool: tool.name })}</h4>
      <QuestionList rows={view.rows} signals={signals} tools={snapshot.tools} label={t('tool-page.infers', { tool: tool.name })} />

      {view.probes && (
        <section aria-labelledby="tool-probe-title" className="tool-probe">
          <h4 id="tool-probe-title">
            {t('tool-page.probed', { tool: tool.name })} <VerdictBadge report={view.probes.latest} />
          </h4>
          <ProbeFacts report={view.probes.latest} />
          <FindingList report={view.probes.latest} label={t('tool-page.probe-findings', { tool: tool.name })} shown={3} />
          {view.probes.earlier.length > 0 && <p className="muted">{t(countedKey(EARLIER_PROBES, view.probes.earlier.length, language), count(view.probes.earlier.length))}</p>}
        </section>
      )}

      <h4>{t('tool-page.connections', count(connections.length))}</h4>
      <CaptureNotice capture={live.status?.capture} intervalMs={live.status?.intervalMs} />
      <ConnectionList connections={connections} processes={processIndex(snapshot)} label={t('tool-page.connections-label', { tool: tool.name })} />

      <section aria-labelledby="endpoints-title" className="endpoints">
        <h4 id="endpoints-title">{t('tool-page.seen')}</h4>
        <SeenEndpoints api={live.api} toolId={tool.id} toolName={tool.name} seq={live.seq} />
        <h5>{t('tool-page.expected')}</h5>
        <Chips items={tool.endpoints} label={t('tool-page.expected')} empty={t('tool-page.none')} />
      </section>

      <h4>{t('tool-page.reads', { tool: tool.name })}</h4>
      <ul className="plain" aria-label={t('tool-page.reads', { tool: tool.name })}>
        {tool.canRead.map((capability) => (
          <li key={capability}>{t(CAN_READ[capability])}</li>
        ))}
      </ul>
      <h5>{t('tool-page.settings')}</h5>
      {settings.length === 0 ? (
        <p className="muted">{t('tool-page.no-settings')}</p>
      ) : (
        <ScrollBox label={t('tool-page.settings-label', { tool: tool.name })}>
          <table className="simple-table" aria-label={t('tool-page.settings-label', { tool: tool.name })}>
            <TableHead columns={[t('shell.file'), t('tool-page.key'), t('tool-page.kind'), t('shell.value')]} />
            <tbody>
              {settings.map((setting, index) => (
                <tr key={index}>
                  <td className="mono">{setting.file}</td>
                  <td className="mono">{setting.key}</td>
                  <td>{t(SETTING_KINDS[setting.kind])}</td>
                  <td>
                    <span className="mono">{setting.value ?? '—'}</span>
                    <SettingNote setting={setting} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      {optOuts.length > 0 && (
        <>
          <h4>{t('tool-page.telemetry')}</h4>
          <ul className="plain">
            {optOuts.map((optOut, index) => (
              <li key={index}>
                {optOut.text}
                {optOut.command && <CommandLine command={optOut.command} />}
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>{t('tool-page.attempts', count(attempts.length))}</h4>
      <RecentAttempts attempts={attempts} name={name} label={t('tool-page.attempts-label', { tool: tool.name })} />
    </article>
  );
}
