import type { Signal, SignalCategory } from '../../../contract/snapshot.js';

export type Evidence = { id: string; signal: Signal | undefined };

/** Resolves an inference's evidence ids to signals; an id with no signal is kept so it is still shown. */
export function resolveEvidence(ids: readonly string[], signals: ReadonlyMap<string, Signal>): Evidence[] {
  return ids.map((id) => ({ id, signal: signals.get(id) }));
}

export function indexSignals(signals: readonly Signal[]): Map<string, Signal> {
  return new Map(signals.map((signal) => [signal.id, signal]));
}

const CATEGORY_LABELS: Record<SignalCategory, string> = {
  proxy: 'Proxy',
  timezone: 'Time zone',
  locale: 'Locale',
  identity: 'Identity',
  registry: 'Package registries',
  'model-endpoint': 'Model endpoints',
  'tool-config': 'Tool configuration',
  system: 'System',
};

export function categoryLabel(category: SignalCategory): string {
  return CATEGORY_LABELS[category];
}

/** Signals grouped by category in a fixed order; empty categories are left out. */
export function groupSignals(signals: readonly Signal[]): { category: SignalCategory; signals: Signal[] }[] {
  const groups = new Map<SignalCategory, Signal[]>(
    (Object.keys(CATEGORY_LABELS) as SignalCategory[]).map((category) => [category, []]),
  );
  for (const signal of signals) groups.get(signal.category)?.push(signal);
  return [...groups].filter(([, list]) => list.length > 0).map(([category, list]) => ({ category, signals: list }));
}
