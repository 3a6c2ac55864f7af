/** The app's views, in the order the navigation lists them. */
export const VIEWS = ['Overview', 'What if', 'Apps', 'Connections', 'Timeline', 'Signals', 'Snapshot', 'Probe', 'Settings'] as const;
export type ViewName = (typeof VIEWS)[number];
