import type { ProbeChange } from '../../../contract/snapshot.js';
import { codePointLabel } from '../../../common/codepoints.js';
import { CHANGE_KINDS, renderMessage } from '../../../common/i18n/render.js';
import { useLanguage, useT } from '../hooks/useT.js';
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
  const t = useT();
  const language = useLanguage();
  return (
    <li className="change">
      <p>
        <Badge tone="warn">{t(CHANGE_KINDS[change.kind])}</Badge> <span className="mono">{change.location}</span>
        {t('data.colon')}
        {change.message ? renderMessage(change.message, language) : change.description}
      </p>
      <Line label={t('change.baseline')} before={change.contextBefore} part={change.baseline} after={change.contextAfter} />
      <Line label={t('change.variant')} before={change.contextBefore} part={change.variant} after={change.contextAfter} />
      {change.codePoints.length > 0 && (
        <ul className="chips" aria-label={t('change.characters')}>
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
