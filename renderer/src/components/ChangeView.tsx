import type { ProbeChange } from '../../../contract/snapshot.js';
import { codePointLabel } from '../../../common/codepoints.js';
import { Badge } from './Badge.js';
import { VisibleText } from './VisibleText.js';

function Line({ label, before, part, after }: { label: string; before: string; part: string; after: string }) {
  return (
    <div className="change-line">
      <span className="change-label">{label}</span>
      <code className="change-text">
        <VisibleText text={before} />
        <mark>
          <VisibleText text={part} suspect />
        </mark>
        <VisibleText text={after} />
      </code>
    </div>
  );
}

/** One difference in a captured request, character by character. */
export function ChangeView({ change }: { change: ProbeChange }) {
  return (
    <li className="change">
      <p>
        <Badge tone="warn">{change.kind}</Badge> <span className="mono">{change.location}</span>: {change.description}
      </p>
      <Line label="Baseline" before={change.contextBefore} part={change.baseline} after={change.contextAfter} />
      <Line label="Variant" before={change.contextBefore} part={change.variant} after={change.contextAfter} />
      {change.codePoints.length > 0 && (
        <ul className="chips" aria-label="Characters that differ">
          {change.codePoints.map((info, index) => (
            <li key={index} className="chip codepoint">
              {codePointLabel(info)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
