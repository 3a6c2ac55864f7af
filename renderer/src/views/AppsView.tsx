import { useCallback, useMemo, useState } from 'react';
import type { Snapshot, Tool } from '../../../contract/snapshot.js';
import { toolView } from '../../../common/overview.js';
import { ExposureBadge } from '../components/ExposureBadge.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { ToolDetail } from './ToolDetail.js';
import { partitionTools, toolPresence } from '../lib/tools.js';
import type { LiveContext } from '../lib/live-context.js';
import { relativeTime } from '../lib/time.js';
import { CONNECTIONS, countedKey, formatNumber } from '../lib/count.js';
import { useLanguage, useT } from '../hooks/useT.js';

/** `now`: the host's clock at its last status, what "last seen" is relative to. */
type ToolFacts = { connections: ReadonlyMap<string, number>; lastSeen: ReadonlyMap<string, string>; snapshot: Snapshot; now: number };

function ToolButtons({ tools, selected, onSelect, facts }: { tools: Tool[]; selected: string | null; onSelect: (id: string) => void; facts: ToolFacts }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ul className="tool-list">
      {tools.map((tool) => {
        const count = facts.connections.get(tool.id) ?? 0;
        const last = facts.lastSeen.get(tool.id);
        return (
          <li key={tool.id} className={tool.id === selected ? 'selected' : undefined}>
            <button type="button" aria-current={tool.id === selected ? 'true' : undefined} aria-describedby={`presence-${tool.id}`} onClick={() => onSelect(tool.id)}>
              {tool.name}
            </button>
            <span id={`presence-${tool.id}`} className="tool-facts">
              {(tool.running || tool.installed) && <ExposureBadge level={toolView(tool.id, facts.snapshot.inferences, facts.snapshot.checks ?? [], facts.snapshot.probes ?? [], language).level} />}
              <span className={`presence ${tool.running ? 'running' : ''}`}>
                {toolPresence(tool, language)}
                {count > 0 && ` · ${t(countedKey(CONNECTIONS, count, language), { count: formatNumber(count, language) })}`}
                {last && ` · ${t('apps.last-seen', { when: relativeTime(last, facts.now, language) })}`}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Per-app disclosure: pick a tool, see what it could infer, what it talks to and what it reads. */
export function AppsView({ snapshot, live }: { snapshot: Snapshot; live: LiveContext }) {
  const t = useT();
  const language = useLanguage();
  const { present, absent } = useMemo(() => partitionTools(snapshot.tools), [snapshot.tools]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = snapshot.tools.find((tool) => tool.id === selectedId) ?? present[0] ?? null;
  // Last activity per tool: the latest endpoint the history saw it use (none without a history).
  const endpoints = useApiQuery(useCallback(() => live.api.getEndpoints({}), [live.api]));
  useReloadOnSample(live.seq, endpoints.reload);
  const facts = useMemo<ToolFacts>(() => {
    const connections = new Map<string, number>();
    for (const c of snapshot.connections) if (c.toolId) connections.set(c.toolId, (connections.get(c.toolId) ?? 0) + 1);
    const lastSeen = new Map<string, string>();
    for (const e of endpoints.data ?? []) if (e.toolId && (lastSeen.get(e.toolId) ?? '') < e.lastSeen) lastSeen.set(e.toolId, e.lastSeen);
    return { connections, lastSeen, snapshot, now: Date.parse(live.status?.now ?? snapshot.takenAt) };
  }, [snapshot, endpoints.data, live.status?.now]);

  return (
    <section aria-labelledby="apps-title" className="apps">
      <h2 id="apps-title">{t('nav.apps')}</h2>
      <div className="split">
        <div className="split-list">
          <h3>{t('apps.present', { count: formatNumber(present.length, language) })}</h3>
          {present.length === 0 ? (
            <p className="muted">{t('apps.none-found')}</p>
          ) : (
            <ToolButtons tools={present} selected={selected?.id ?? null} onSelect={setSelectedId} facts={facts} />
          )}
          {absent.length > 0 && (
            <details>
              <summary>{t('apps.absent', { count: formatNumber(absent.length, language) })}</summary>
              <ToolButtons tools={absent} selected={selected?.id ?? null} onSelect={setSelectedId} facts={facts} />
            </details>
          )}
        </div>
        <div className="split-detail">{selected ? <ToolDetail tool={selected} snapshot={snapshot} live={live} /> : null}</div>
      </div>
    </section>
  );
}
