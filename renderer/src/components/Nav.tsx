import { useT } from '../hooks/useT.js';
import { VIEW_IDS, VIEW_LABELS, type ViewId } from '../lib/views.js';

export function Nav({ current, onSelect }: { current: ViewId; onSelect: (view: ViewId) => void }) {
  const t = useT();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {VIEW_IDS.map((view) => (
          <li key={view}>
            <button type="button" aria-current={view === current ? 'page' : undefined} onClick={() => onSelect(view)}>
              {t(VIEW_LABELS[view])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
