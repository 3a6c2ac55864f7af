import { VIEWS, type ViewName } from '../lib/views.js';

export type { ViewName };

export function Nav({ current, onSelect }: { current: ViewName; onSelect: (view: ViewName) => void }) {
  return (
    <nav className="app-nav" aria-label="Views">
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <button type="button" aria-current={view === current ? 'page' : undefined} onClick={() => onSelect(view)}>
              {view}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
