import { useMemo, useState } from 'react';
import type { Snapshot, Tool } from '../../../contract/snapshot.js';
import { ToolDetail } from './ToolDetail.js';
import { partitionTools, toolPresence } from '../lib/tools.js';
import type { LiveContext } from '../lib/live-context.js';

function ToolButtons({ tools, selected, onSelect }: { tools: Tool[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <ul className="tool-list">
      {tools.map((tool) => (
        <li key={tool.id} className={tool.id === selected ? 'selected' : undefined}>
          <button
            type="button"
            aria-current={tool.id === selected ? 'true' : undefined}
            aria-describedby={`presence-${tool.id}`}
            onClick={() => onSelect(tool.id)}
          >
            {tool.name}
          </button>
          <span id={`presence-${tool.id}`} className={`presence ${tool.running ? 'running' : ''}`}>
            {toolPresence(tool)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Per-app disclosure: pick a tool, see what it can read and what that gives away. */
export function AppsView({ snapshot, live }: { snapshot: Snapshot; live: LiveContext }) {
  const { present, absent } = useMemo(() => partitionTools(snapshot.tools), [snapshot.tools]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = snapshot.tools.find((tool) => tool.id === selectedId) ?? present[0] ?? null;

  return (
    <section aria-labelledby="apps-title" className="apps">
      <h2 id="apps-title">Apps</h2>
      <div className="split">
        <div className="split-list">
          <h3>On this machine ({present.length})</h3>
          {present.length === 0 ? (
            <p className="muted">None of the known tools was found.</p>
          ) : (
            <ToolButtons tools={present} selected={selected?.id ?? null} onSelect={setSelectedId} />
          )}
          {absent.length > 0 && (
            <details>
              <summary>Not found on this machine ({absent.length})</summary>
              <ToolButtons tools={absent} selected={selected?.id ?? null} onSelect={setSelectedId} />
            </details>
          )}
        </div>
        <div className="split-detail">{selected ? <ToolDetail tool={selected} snapshot={snapshot} live={live} /> : null}</div>
      </div>
    </section>
  );
}
