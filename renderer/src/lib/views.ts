import type { PlainKey } from '../../../common/i18n/translate.js';

/** The app's views, in the order the navigation lists them. */
export const VIEW_IDS = ['overview', 'what-if', 'apps', 'connections', 'timeline', 'signals', 'snapshot', 'probe', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** The navigation's label of each view (also its heading where the view has one). */
export const VIEW_LABELS: Readonly<Record<ViewId, PlainKey>> = {
  overview: 'nav.overview',
  'what-if': 'nav.what-if',
  apps: 'nav.apps',
  connections: 'nav.connections',
  timeline: 'nav.timeline',
  signals: 'nav.signals',
  snapshot: 'nav.snapshot',
  probe: 'nav.probe',
  settings: 'nav.settings',
};
